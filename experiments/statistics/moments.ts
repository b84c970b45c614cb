/**
 * Per-arm sufficient statistics of (numerator y, denominator x): count, means and centred second moments. They merge
 * exactly (Chan et al.'s parallel update): the peeking simulations add one batch of users per look this way (live looks
 * recompute from the stored rows).
 */
import type { MetricKind, UserRecord } from "./analysis-schema.ts";
import { checkRecord } from "./check-record.ts";

export interface ArmMoments {
  n: number;
  meanY: number;
  meanX: number;
  /** Σ (y − ȳ)² */
  m2Y: number;
  /** Σ (x − x̄)² */
  m2X: number;
  /** Σ (y − ȳ)(x − x̄) */
  cYX: number;
}

export const EMPTY_MOMENTS: ArmMoments = { n: 0, meanY: 0, meanX: 0, m2Y: 0, m2X: 0, cYX: 0 };

/** Moments of an arm's records (two passes, for accuracy); validates every record. */
export function momentsOf(records: readonly UserRecord[], where = "arm", kind: MetricKind = "ratio"): ArmMoments {
  const n = records.length;
  if (n === 0) return EMPTY_MOMENTS;
  let sumY = 0;
  let sumX = 0;
  for (let i = 0; i < n; i++) {
    checkRecord(records[i], i, where, kind);
    sumY += records[i].numerator;
    sumX += records[i].denominator;
  }
  const meanY = sumY / n;
  const meanX = sumX / n;
  let m2Y = 0;
  let m2X = 0;
  let cYX = 0;
  for (let i = 0; i < n; i++) {
    const dy = records[i].numerator - meanY;
    const dx = records[i].denominator - meanX;
    m2Y += dy * dy;
    m2X += dx * dx;
    cYX += dy * dx;
  }
  return { n, meanY, meanX, m2Y, m2X, cYX };
}

/** The moments of the union of two disjoint sets of users. */
export function mergeMoments(a: ArmMoments, b: ArmMoments): ArmMoments {
  if (a.n === 0) return b;
  if (b.n === 0) return a;
  const n = a.n + b.n;
  const dy = b.meanY - a.meanY;
  const dx = b.meanX - a.meanX;
  const w = (a.n * b.n) / n;
  return {
    n,
    meanY: a.meanY + (dy * b.n) / n,
    meanX: a.meanX + (dx * b.n) / n,
    m2Y: a.m2Y + b.m2Y + dy * dy * w,
    m2X: a.m2X + b.m2X + dx * dx * w,
    cYX: a.cYX + b.cYX + dy * dx * w,
  };
}
