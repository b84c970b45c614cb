/**
 * Treatment − control when both arms hold the SAME users in the same order. Each arm's ratio of sums R = Σy / Σx is
 * linearized per user as (y − R·x) / x̄ (ratio-delta.ts); the difference of the two ratios then has the delta-method
 * variance Var(L_T − L_C) / n, which subtracts the covariance between a user's two arms that an independent-samples
 * analysis ignores. For a mean metric (x = 1) this is exactly the mean of per-user differences with its standard error.
 */
import type { IntervalEstimate, MetricKind, UserRecord } from "../statistics/analysis-schema.ts";
import { normalInterval } from "../statistics/arm-comparison.ts";
import { estimateRatio, linearize } from "../statistics/ratio-delta.ts";
import { StatisticsError } from "../statistics/statistics-error.ts";

/**
 * The paired difference with a fixed-horizon normal interval. Throws `StatisticsError`: `invalid_input` when the arms
 * differ in length, `too_few_users` / `zero_denominator` when a ratio cannot be estimated.
 */
export function pairedDifference(
  control: readonly UserRecord[],
  treatment: readonly UserRecord[],
  options: { kind: MetricKind; level?: number; where?: string },
): IntervalEstimate {
  const where = options.where ?? "paired arms";
  if (control.length !== treatment.length) {
    throw new StatisticsError("invalid_input", `${where}: paired arms need the same users, got ${control.length} and ${treatment.length} records`);
  }
  const c = estimateRatio(control, `${where} (control)`, options.kind);
  const t = estimateRatio(treatment, `${where} (treatment)`, options.kind);
  const lc = linearize(control, c);
  const lt = linearize(treatment, t);
  const n = control.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += lt[i] - lc[i];
  mean /= n;
  let m2 = 0;
  for (let i = 0; i < n; i++) m2 += (lt[i] - lc[i] - mean) ** 2;
  return normalInterval(t.value - c.value, Math.sqrt(m2 / (n - 1) / n), options.level ?? 0.95);
}
