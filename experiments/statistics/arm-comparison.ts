/**
 * Treatment versus control from two independent arm estimates: the absolute difference and the relative lift, each
 * with a fixed-horizon normal confidence interval and a two-sided p-value of "no effect".
 */
import type { IntervalEstimate } from "./analysis-schema.ts";
import { normalQuantile, twoSidedPValue } from "./normal.ts";

/** What a comparison needs from an arm: an asymptotically normal estimate and its variance. */
export interface NormalEstimate {
  value: number;
  variance: number;
}

/** Estimate ± z·se. With a zero standard error the interval is the point and p is 0 or 1, never NaN. */
export function normalInterval(estimate: number, standardError: number, level: number): IntervalEstimate {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be between 0 and 1, got ${level}`);
  const z = normalQuantile(1 - (1 - level) / 2);
  const pValue = standardError > 0 ? twoSidedPValue(estimate / standardError) : estimate === 0 ? 1 : 0;
  return { estimate, standardError, low: estimate - z * standardError, high: estimate + z * standardError, pValue };
}

/** Treatment − control. */
export function absoluteDifference(control: NormalEstimate, treatment: NormalEstimate, level = 0.95): IntervalEstimate {
  return normalInterval(treatment.value - control.value, Math.sqrt(control.variance + treatment.variance), level);
}

/**
 * Treatment / control − 1, by the delta method on the log of the ratio: log(T/C) has variance ≈ v_T/T² + v_C/C², and
 * the interval is mapped back with exp, so it is asymmetric and never crosses −100%. `standardError` is the delta-method
 * standard error of the lift itself. Null when either arm's value is not positive (the log is undefined).
 */
export function relativeLift(control: NormalEstimate, treatment: NormalEstimate, level = 0.95): IntervalEstimate | null {
  if (!(control.value > 0 && treatment.value > 0)) return null;
  const logRatio = Math.log(treatment.value / control.value);
  const logSe = Math.sqrt(treatment.variance / treatment.value ** 2 + control.variance / control.value ** 2);
  const onLog = normalInterval(logRatio, logSe, level);
  const ratio = treatment.value / control.value;
  return {
    estimate: ratio - 1,
    standardError: ratio * logSe,
    low: Math.exp(onLog.low) - 1,
    high: Math.exp(onLog.high) - 1,
    pValue: onLog.pValue,
  };
}
