/**
 * Means with seeded percentile-bootstrap confidence intervals, and paired comparisons of two systems scored on the
 * same sessions (bootstrap CI of the mean difference, two-sided sign-flip permutation p-value). Every random draw
 * comes from `createRandom(seed)`, so a report is reproducible to the last digit.
 */
import { quantile } from "../bench/stats.ts";
import { createRandom } from "../models/seeded-random.ts";

export interface BootstrapOptions {
  /** bootstrap resamples (default 1000) */
  resamples?: number;
  /** confidence level of the interval (default 0.95) */
  level?: number;
  seed?: number;
}

export interface MeanEstimate {
  n: number;
  mean: number;
  /** percentile-bootstrap interval; NaN when there are no values */
  low: number;
  high: number;
}

const mean = (values: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return values.length ? s / values.length : Number.NaN;
};

/** Means of `resamples` resamples drawn with replacement. */
function bootstrapMeans(values: ArrayLike<number>, resamples: number, random: () => number): number[] {
  const n = values.length;
  const out = new Array<number>(resamples);
  for (let b = 0; b < resamples; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[Math.floor(random() * n)];
    out[b] = s / n;
  }
  return out;
}

function interval(means: number[], level: number): [number, number] {
  const tail = (1 - level) / 2;
  return [quantile(means, tail), quantile(means, 1 - tail)];
}

/** The mean of the values with a percentile-bootstrap confidence interval. */
export function bootstrapMean(values: ArrayLike<number>, options: BootstrapOptions = {}): MeanEstimate {
  const { resamples = 1000, level = 0.95, seed = 1 } = options;
  const n = values.length;
  if (n === 0) return { n, mean: Number.NaN, low: Number.NaN, high: Number.NaN };
  const [low, high] = interval(bootstrapMeans(values, resamples, createRandom(seed)), level);
  return { n, mean: mean(values), low, high };
}

export interface PairedOptions extends BootstrapOptions {
  /** random sign flips of the permutation test (default 10000) */
  permutations?: number;
}

export interface PairedComparison {
  n: number;
  meanA: number;
  meanB: number;
  /** mean of a[i] − b[i], with its percentile-bootstrap interval */
  difference: MeanEstimate;
  /** two-sided p-value of "no difference" from a sign-flip permutation test, (hits + 1) / (permutations + 1) */
  pValue: number;
}

/**
 * Compares system A with system B on the same sessions: `a[i]` and `b[i]` are the two systems' scores on session i.
 * Under the null hypothesis each difference is as likely to have either sign, so the test flips signs at random and
 * counts how often the mean difference is at least as far from 0 as the observed one.
 */
export function pairedComparison(a: ArrayLike<number>, b: ArrayLike<number>, options: PairedOptions = {}): PairedComparison {
  if (a.length !== b.length) throw new Error(`paired comparison needs one score per session on both sides, got ${a.length} and ${b.length}`);
  const { permutations = 10_000, seed = 1 } = options;
  const n = a.length;
  const diffs = Float64Array.from({ length: n }, (_, i) => a[i] - b[i]);
  const difference = bootstrapMean(diffs, options);
  if (n === 0) return { n, meanA: Number.NaN, meanB: Number.NaN, difference, pValue: Number.NaN };
  const observed = Math.abs(mean(diffs));
  // a tolerance so that flips reproducing the observed mean count despite rounding
  const threshold = observed - 1e-12 * Math.max(1, observed);
  const random = createRandom(seed ^ 0x5bd1e995);
  let hits = 0;
  for (let p = 0; p < permutations; p++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += random() < 0.5 ? diffs[i] : -diffs[i];
    if (Math.abs(s / n) >= threshold) hits++;
  }
  return { n, meanA: mean(a), meanB: mean(b), difference, pValue: (hits + 1) / (permutations + 1) };
}
