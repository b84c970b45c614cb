/**
 * One arm's ratio-of-sums metric R = Σy / Σx with its variance by the delta method:
 * Var(Ȳ/X̄) ≈ (1/n)(σ²_Y/μ_X² − 2μ_Yσ_XY/μ_X³ + μ_Y²σ²_X/μ_X⁴). A mean metric (every x = 1) gives back σ²_Y/n.
 * The same variance is the variance of the mean of the linearized per-user metric (y − R·x)/μ_X, which is what
 * CUPED adjusts for ratio metrics.
 */
import type { MetricKind, UserRecord } from "./analysis-schema.ts";
import { momentsOf, type ArmMoments } from "./moments.ts";
import { StatisticsError } from "./statistics-error.ts";

export interface ArmEstimate {
  users: number;
  numeratorTotal: number;
  denominatorTotal: number;
  /** Σ numerator / Σ denominator */
  value: number;
  /** delta-method variance of `value` */
  variance: number;
  standardError: number;
}

/** The arm's estimate from its moments; throws `too_few_users` below 2 users and `zero_denominator` when Σx = 0. */
export function estimateFromMoments(moments: ArmMoments, where = "arm"): ArmEstimate {
  const { n, meanY, meanX, m2Y, m2X, cYX } = moments;
  if (n < 2) throw new StatisticsError("too_few_users", `${where} has ${n} user${n === 1 ? "" : "s"}; a variance needs at least 2`);
  if (meanX === 0) throw new StatisticsError("zero_denominator", `${where}: the denominators sum to 0, so the ratio is undefined`);
  const value = meanY / meanX;
  // Σ(y − R·x − (ȳ − R·x̄))² expanded; rounding can leave a tiny negative where the true value is 0
  const linearizedM2 = Math.max(0, m2Y - 2 * value * cYX + value * value * m2X);
  const variance = linearizedM2 / ((n - 1) * n * meanX * meanX);
  return {
    users: n,
    numeratorTotal: meanY * n,
    denominatorTotal: meanX * n,
    value,
    variance,
    standardError: Math.sqrt(variance),
  };
}

/** The arm's estimate from its user records. */
export function estimateRatio(records: readonly UserRecord[], where = "arm", kind: MetricKind = "ratio"): ArmEstimate {
  return estimateFromMoments(momentsOf(records, where, kind), where);
}

/** Per-user linearized metric (y − R·x)/μ_X: its mean is ≈ R̂ − R, its variance / n the delta-method variance. */
export function linearize(records: readonly UserRecord[], estimate: ArmEstimate): Float64Array {
  const meanX = estimate.denominatorTotal / estimate.users;
  const out = new Float64Array(records.length);
  for (let i = 0; i < records.length; i++) out[i] = (records[i].numerator - estimate.value * records[i].denominator) / meanX;
  return out;
}
