import { describe, expect, it } from "vitest";
import { createRandom } from "../models/seeded-random.ts";
import { bootstrapMean, pairedComparison } from "./statistics.ts";

describe("bootstrapMean", () => {
  it("a constant sample has a zero-width interval at its value", () => {
    expect(bootstrapMean([2, 2, 2])).toEqual({ n: 3, mean: 2, low: 2, high: 2 });
  });

  it("is reproducible from the seed and changes with it", () => {
    const values = [0.12, 0.9, 0.33, 0.47, 0.05, 0.71, 0.28, 0.64, 0.99, 0.4];
    expect(bootstrapMean(values, { seed: 7 })).toEqual(bootstrapMean(values, { seed: 7 }));
    expect(bootstrapMean(values, { seed: 7 })).not.toEqual(bootstrapMean(values, { seed: 8 }));
  });

  it("brackets the sample mean and narrows with a lower level", () => {
    const values = [0, 1, 1, 0, 1, 0, 0, 1, 1, 1];
    const wide = bootstrapMean(values, { level: 0.95 });
    const narrow = bootstrapMean(values, { level: 0.5 });
    expect(wide.mean).toBe(0.6);
    expect(wide.low).toBeLessThan(0.6);
    expect(wide.high).toBeGreaterThan(0.6);
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
  });

  it("has no interval without values", () => {
    expect(bootstrapMean([]).low).toBeNaN();
  });

  it.each([
    ["Bernoulli(0.3), n = 60 (a Recall@10 column)", 0.3, (r: () => number) => (r() < 0.3 ? 1 : 0)],
    ["Uniform(0, 1), n = 60", 0.5, (r: () => number) => r()],
  ])("the 95%% interval covers the true mean in about 95%% of repetitions: %s", (_name, truth, draw) => {
    const repetitions = 200;
    const random = createRandom(12345);
    let covered = 0;
    for (let rep = 0; rep < repetitions; rep++) {
      const sample = Array.from({ length: 60 }, () => draw(random));
      const { low, high } = bootstrapMean(sample, { resamples: 400, seed: rep + 1 });
      if (low <= truth && truth <= high) covered++;
    }
    // binomial sd of the coverage over 200 repetitions is 1.5 points; percentile intervals run a little narrow
    expect(covered / repetitions).toBeGreaterThan(0.88);
    expect(covered / repetitions).toBeLessThan(0.99);
  });
});

describe("pairedComparison", () => {
  it("identical systems differ by exactly 0 with p = 1", () => {
    const c = pairedComparison([1, 0, 1], [1, 0, 1]);
    expect(c.difference).toMatchObject({ mean: 0, low: 0, high: 0 });
    expect(c.pValue).toBe(1);
  });

  it("a constant difference has a zero-width interval at it", () => {
    const c = pairedComparison([1, 0.5, 1], [0.5, 0, 0.5]);
    expect(c.meanA).toBeCloseTo(5 / 6, 12);
    expect(c.meanB).toBeCloseTo(1 / 3, 12);
    expect(c.difference.mean).toBeCloseTo(0.5, 12);
    expect(c.difference.low).toBeCloseTo(0.5, 12);
    expect(c.difference.high).toBeCloseTo(0.5, 12);
  });

  it("p-value matches the exact sign-flip distribution: differences (1, 1, 1) give 2 of 8 flips as extreme", () => {
    const c = pairedComparison([1, 1, 1], [0, 0, 0], { permutations: 20_000 });
    expect(c.pValue).toBeGreaterThan(0.24);
    expect(c.pValue).toBeLessThan(0.26);
  });

  it("differences (2, 1, 1, -1): 8 of the 16 sign flips reach |sum| >= 3", () => {
    // with the 2 kept positive, 2 ± 1 ± 1 ± 1 is 5 (1 way), 3 (3 ways), 1 or -1: 4 of 8; mirrored for the 2 flipped
    const c = pairedComparison([2, 1, 1, -1], [0, 0, 0, 0], { permutations: 20_000 });
    expect(c.pValue).toBeGreaterThan(0.49);
    expect(c.pValue).toBeLessThan(0.51);
  });

  it("a real difference on 200 sessions is significant, no difference is not, in the large majority of seeds", () => {
    const random = createRandom(99);
    let trueDetected = 0;
    let falseAlarms = 0;
    const reps = 40;
    for (let rep = 0; rep < reps; rep++) {
      const base = Array.from({ length: 200 }, () => (random() < 0.3 ? 1 : 0));
      const better = base.map((v) => (v === 0 && random() < 0.2 ? 1 : v)); // +14 points on average
      const noise = base.map((v) => (random() < 0.1 ? 1 - v : v)); // symmetric flips: no systematic difference
      const flipped = base.map((v) => (random() < 0.1 ? 1 - v : v));
      if (pairedComparison(better, base, { permutations: 500, resamples: 200, seed: rep }).pValue < 0.05) trueDetected++;
      if (pairedComparison(noise, flipped, { permutations: 500, resamples: 200, seed: rep }).pValue < 0.05) falseAlarms++;
    }
    expect(trueDetected).toBe(reps);
    expect(falseAlarms).toBeLessThanOrEqual(6); // expected 2 of 40 at the 5% level
  });

  it("refuses unpaired inputs", () => {
    expect(() => pairedComparison([1, 2], [1])).toThrow(/one score per session/);
  });
});
