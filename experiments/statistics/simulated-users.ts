/**
 * Seeded synthetic users for the statistical tests: click-through users (clicks out of impressions, a ratio metric
 * with per-user heterogeneity) and skewed per-user values (a mean metric), with known true values.
 */
import type { UserRecord } from "./analysis-schema.ts";

/** Standard normal draws by Box–Muller from a uniform source. */
export function createNormal(random: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** Poisson(λ) by Knuth's product of uniforms (fine for small λ). */
export function poisson(random: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let product = random();
  while (product > limit) {
    k++;
    product *= random();
  }
  return k;
}

/** Binomial(n, p) as a sum of Bernoulli draws (fine for small n). */
export function binomial(random: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (random() < p) k++;
  return k;
}

export interface ClickUsers {
  /** true click-through rate: Σ clicks / Σ impressions in the population */
  ctr: number;
  /** mean impressions per user (at least 1) */
  impressions: number;
}

/**
 * Fills `out` with click-through users: impressions 1 + Poisson(m − 1), a personal rate uniform on [0.5, 1.5]·ctr,
 * clicks binomial. The personal rate is independent of impressions, so the ratio of expectations is exactly `ctr`.
 * Records are reused when present, so repeated batches do not allocate.
 */
export function fillClickUsers(random: () => number, out: UserRecord[], n: number, population: ClickUsers): UserRecord[] {
  out.length = n;
  for (let i = 0; i < n; i++) {
    const impressions = 1 + poisson(random, population.impressions - 1);
    const rate = population.ctr * (0.5 + random());
    const record = out[i] ?? { numerator: 0, denominator: 0 };
    record.numerator = binomial(random, impressions, rate);
    record.denominator = impressions;
    out[i] = record;
  }
  return out;
}

/** Fills `out` with exponential per-user values of the given mean (denominator 1): a skewed mean metric. */
export function fillSkewedUsers(random: () => number, out: UserRecord[], n: number, mean: number): UserRecord[] {
  out.length = n;
  for (let i = 0; i < n; i++) {
    const record = out[i] ?? { numerator: 0, denominator: 1 };
    record.numerator = -mean * Math.log(1 - random());
    record.denominator = 1;
    out[i] = record;
  }
  return out;
}
