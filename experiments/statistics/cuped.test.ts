import { describe, expect, it } from "vitest";
import { createRandom } from "../../models/seeded-random.ts";
import type { UserRecord } from "./analysis-schema.ts";
import { cupedAdjust, differenceVarianceReduction } from "./cuped.ts";
import { estimateRatio } from "./ratio-delta.ts";
import { binomial, createNormal, poisson } from "./simulated-users.ts";

const arm = (records: UserRecord[], kind: "mean" | "ratio" = "mean") => ({ records, estimate: estimateRatio(records, "arm", kind) });

function variance(values: number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
}
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

describe("cupedAdjust on hand-made arms", () => {
  it("recovers θ = 2 and the true shift with zero variance when the metric is exactly 2·pre + shift", () => {
    const a = arm([1, 2, 3].map((pre) => ({ numerator: 2 * pre, denominator: 1, pre })));
    const b = arm([2, 3, 4].map((pre) => ({ numerator: 2 * pre + 1, denominator: 1, pre })));
    const result = cupedAdjust([a, b])!;
    expect(result.theta).toBeCloseTo(2, 12);
    expect(result.covariateMean).toBe(2.5);
    expect(result.arms[1].value - result.arms[0].value).toBeCloseTo(1, 12);
    expect(result.arms[0].variance).toBeCloseTo(0, 12);
    expect(result.arms[0].varianceReduction).toBeCloseTo(1, 12);
  });

  it("is null without covariates or when the covariate never varies", () => {
    expect(cupedAdjust([arm([{ numerator: 1, denominator: 1 }, { numerator: 2, denominator: 1 }])])).toBeNull();
    expect(cupedAdjust([arm([1, 2].map((y) => ({ numerator: y, denominator: 1, pre: 3 })))])).toBeNull();
  });

  it("combines arm variances into the reduction of a difference", () => {
    expect(differenceVarianceReduction({ before: 2, after: 1 }, { before: 2, after: 1 })).toBe(0.5);
    expect(differenceVarianceReduction({ before: 0, after: 0 }, { before: 0, after: 0 })).toBe(0);
  });
});

const RUNS = 1000;
/** rate = 0.4·U², independent of activity: the control ratio is E[rate] = 0.4/3, and a 20% lift adds a fifth of it */
const TRUE_RATIO_EFFECT = 0.2 * (0.4 / 3);
const USERS = 500;
const EFFECT = 0.3;

/**
 * Runs RUNS experiments whose arms `make` draws (control with `make(0)`, treatment with `make(effect)`); returns per run
 * the unadjusted and the CUPED-adjusted difference, and the variance reduction CUPED reported.
 */
function simulateRuns(make: (effect: number) => UserRecord[], effect: number, kind: "mean" | "ratio") {
  const plain: number[] = [];
  const adjusted: number[] = [];
  const reported: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const a = arm(make(0), kind);
    const b = arm(make(effect), kind);
    const result = cupedAdjust([a, b])!;
    plain.push(b.estimate.value - a.estimate.value);
    adjusted.push(result.arms[1].value - result.arms[0].value);
    reported.push(
      differenceVarianceReduction(
        { before: a.estimate.variance, after: result.arms[0].variance },
        { before: b.estimate.variance, after: result.arms[1].variance },
      ),
    );
  }
  return { plain, adjusted, reported };
}

/** Simulates RUNS experiments of a normal metric whose covariate has correlation ρ with it; returns per-run differences. */
function simulateMean(rho: number, seed: number) {
  const normal = createNormal(createRandom(seed));
  const make = (shift: number) =>
    Array.from({ length: USERS }, () => {
      const z = normal();
      return { numerator: 10 + shift + 2 * (rho * z + Math.sqrt(1 - rho * rho) * normal()), denominator: 1, pre: 5 + 3 * z };
    });
  return simulateRuns(make, EFFECT, "mean");
}

describe(`CUPED over ${RUNS} simulated experiments of ${USERS} users per arm`, () => {
  it("with a covariate at ρ = 0.7 cuts the estimator's variance by about ρ² and stays unbiased", () => {
    const { plain, adjusted, reported } = simulateMean(0.7, 99);
    const ratio = variance(adjusted) / variance(plain);
    console.log(
      `ρ = 0.7: variance ratio ${ratio.toFixed(3)} (1 − ρ² = 0.51), mean reported reduction ${mean(reported).toFixed(3)}, ` +
        `mean adjusted effect ${mean(adjusted).toFixed(4)}`,
    );
    // the ratio of two sample variances over 1000 runs has a standard error of roughly 0.02 here
    expect(ratio).toBeGreaterThan(0.51 - 0.06);
    expect(ratio).toBeLessThan(0.51 + 0.06);
    expect(mean(reported)).toBeCloseTo(0.49, 1);
    expect(Math.abs(mean(adjusted) - EFFECT)).toBeLessThan(3 * Math.sqrt(variance(adjusted) / RUNS));
  });

  it("with an uncorrelated covariate neither helps nor hurts materially", () => {
    const { plain, adjusted, reported } = simulateMean(0, 100);
    const ratio = variance(adjusted) / variance(plain);
    console.log(`ρ = 0: variance ratio ${ratio.toFixed(4)}, mean reported reduction ${mean(reported).toFixed(4)}`);
    expect(ratio).toBeLessThan(1.02);
    expect(Math.abs(mean(reported))).toBeLessThan(0.01);
    expect(Math.abs(mean(adjusted) - EFFECT)).toBeLessThan(3 * Math.sqrt(variance(adjusted) / RUNS));
  });

  it("adjusts a click-through ratio on its linearized metric, unbiased, with a fifth of users lacking a covariate", () => {
    const random = createRandom(7);
    // users differ in activity and in taste; the covariate is their clicks in a pre-period of the same length
    const make = (lift: number) =>
      Array.from({ length: USERS }, (): UserRecord => {
        const rate = 0.4 * random() ** 2;
        const activity = 2 + 18 * random();
        const pre = random() < 0.2 ? undefined : binomial(random, 1 + poisson(random, activity), rate);
        const impressions = 1 + poisson(random, activity);
        return { numerator: binomial(random, impressions, rate * (1 + lift)), denominator: impressions, pre };
      });
    const { plain, adjusted, reported } = simulateRuns(make, 0.2, "ratio");
    const ratio = variance(adjusted) / variance(plain);
    console.log(
      `ratio metric: variance ratio ${ratio.toFixed(3)}, mean reported reduction ${mean(reported).toFixed(3)}, ` +
        `mean adjusted effect ${mean(adjusted).toFixed(5)} (true ${TRUE_RATIO_EFFECT.toFixed(5)})`,
    );
    expect(ratio).toBeLessThan(0.9);
    expect(Math.abs(1 - ratio - mean(reported))).toBeLessThan(0.06);
    expect(Math.abs(mean(adjusted) - TRUE_RATIO_EFFECT)).toBeLessThan(3 * Math.sqrt(variance(adjusted) / RUNS));
  });
});
