import type { IntervalEstimate, MetricDefinition } from "../../../experiments/statistics/analysis-schema.ts";

type ValueFormat = MetricDefinition["format"];

/** Enough decimals to tell the ends of an interval of this width apart, and no more. */
function decimalsFor(width: number, value: number): number {
  const scale = width > 0 ? width : Math.abs(value);
  if (!(scale > 0) || !Number.isFinite(scale)) return 1;
  return Math.min(4, Math.max(0, 1 - Math.floor(Math.log10(scale))));
}

const scaleOf = (format: ValueFormat) => (format === "percent" ? 100 : 1);

/** A number to these decimals with a true minus sign (and a plus when `signed`); one that rounds to zero has no sign. */
export function fixed(value: number, decimals: number, signed: boolean): string {
  const text = Math.abs(value).toFixed(decimals);
  if (Number(text) === 0) return text;
  return `${value < 0 ? "−" : signed ? "+" : ""}${text}`;
}

/** An arm's value and its interval: "23.4% [20.1%, 26.7%]" or "512 [480, 544]". */
export function formatValue(value: number, low: number, high: number, format: ValueFormat): { value: string; interval: string } {
  const k = scaleOf(format);
  const d = decimalsFor((high - low) * k, value * k);
  const unit = format === "percent" ? "%" : "";
  const show = (v: number) => fixed(v * k, d, false) + unit;
  return { value: show(value), interval: `[${show(low)}, ${show(high)}]` };
}

/** A difference between arms, signed; percent metrics move in percentage points. */
export function formatDifference(estimate: number, low: number, high: number, format: ValueFormat): { estimate: string; interval: string } {
  const k = scaleOf(format);
  const d = decimalsFor((high - low) * k, estimate * k);
  const unit = format === "percent" ? " pp" : "";
  const show = (v: number) => fixed(v * k, d, true);
  return { estimate: show(estimate) + unit, interval: `[${show(low)}, ${show(high)}]${unit}` };
}

/** One end of a chart axis, in the metric's units. */
export function formatTick(value: number, span: number, format: ValueFormat): string {
  const k = scaleOf(format);
  return fixed(value * k, decimalsFor(span * k, value * k), true) + (format === "percent" ? " pp" : "");
}

/** A confidence level as a percentage: 0.95 → "95%". */
export const formatLevel = (level: number) => `${Math.round(level * 100)}%`;

/** "< 0.001", "0.042", "0.42". */
export function formatP(p: number): string {
  if (p < 0.001) return "< 0.001";
  return p.toFixed(p < 0.1 ? 3 : 2);
}

/** Relative lift as a percentage with its interval: "+12% [−3%, +27%]". */
export function formatLift(lift: IntervalEstimate | null): string {
  if (!lift) return "—";
  const d = decimalsFor((lift.high - lift.low) * 100, lift.estimate * 100);
  const show = (v: number) => `${fixed(v * 100, d, true)}%`;
  return `${show(lift.estimate)} [${show(lift.low)}, ${show(lift.high)}]`;
}

/** CUPED's effect on the difference's variance: "−23% variance" (a poor covariate can add some). */
export const formatVarianceReduction = (reduction: number) => `${reduction >= 0 ? "−" : "+"}${Math.round(Math.abs(reduction) * 100)}% variance`;
