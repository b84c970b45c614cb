import { describe, expect, it } from "vitest";
import { absoluteDifference } from "../statistics/arm-comparison.ts";
import { estimateRatio } from "../statistics/ratio-delta.ts";
import { pairedDifference } from "./paired-difference.ts";

const mean = (values: number[]) => values.map((numerator) => ({ numerator, denominator: 1 }));

describe("pairedDifference", () => {
  it("is the mean of per-user differences with its standard error for a mean metric", () => {
    // differences 1, 0, 2: mean 1, sample SD 1, standard error 1/√3
    const d = pairedDifference(mean([1, 2, 3]), mean([2, 2, 5]), { kind: "mean" });
    expect(d.estimate).toBeCloseTo(1, 15);
    expect(d.standardError).toBeCloseTo(1 / Math.sqrt(3), 15);
    expect(d.low).toBeCloseTo(1 - 1.959963984540054 / Math.sqrt(3), 9);
  });

  it("uses the linearized ratios for a ratio metric, computed by hand", () => {
    // control R = 4/6, x̄ = 2: L = (y − 2x/3)/2 = [−1/6, −1/3, 1/2]
    // treatment R = 6/6 = 1, x̄ = 2: L = (y − x)/2 = [0, 1/2, −1/2]
    // differences [1/6, 5/6, −1]: mean 0, Σd² = 1/36 + 25/36 + 1 = 62/36, variance / n = (62/36)/2/3
    const control = [{ numerator: 1, denominator: 2 }, { numerator: 0, denominator: 1 }, { numerator: 3, denominator: 3 }];
    const treatment = [{ numerator: 2, denominator: 2 }, { numerator: 2, denominator: 1 }, { numerator: 2, denominator: 3 }];
    const d = pairedDifference(control, treatment, { kind: "ratio" });
    expect(d.estimate).toBeCloseTo(1 - 4 / 6, 15);
    expect(d.standardError).toBeCloseTo(Math.sqrt(62 / 36 / 6), 15);
  });

  it("is sharper than the independent-samples interval when a user's two arms move together", () => {
    const control = mean([1, 5, 2, 8, 3, 9, 4]);
    const treatment = mean([1.5, 5.2, 2.6, 8.1, 3.4, 9.8, 4.3]);
    const paired = pairedDifference(control, treatment, { kind: "mean" });
    const independent = absoluteDifference(estimateRatio(control, "c", "mean"), estimateRatio(treatment, "t", "mean"));
    expect(paired.estimate).toBeCloseTo(independent.estimate, 12);
    expect(paired.standardError).toBeLessThan(independent.standardError / 5);
    expect(paired.low).toBeGreaterThan(0);
    expect(independent.low).toBeLessThan(0);
  });

  it("gives exactly 0 with p = 1 for identical arms", () => {
    const records = [{ numerator: 3, denominator: 10 }, { numerator: 1, denominator: 10 }, { numerator: 0, denominator: 4 }];
    expect(pairedDifference(records, records.map((r) => ({ ...r })), { kind: "ratio" })).toEqual({ estimate: 0, standardError: 0, low: 0, high: 0, pValue: 1 });
  });

  it("refuses arms of different users, or too few to estimate", () => {
    expect(() => pairedDifference(mean([1, 2]), mean([1, 2, 3]), { kind: "mean" })).toThrow(/same users, got 2 and 3/);
    expect(() => pairedDifference(mean([1]), mean([2]), { kind: "mean" })).toThrow(expect.objectContaining({ code: "too_few_users" }));
    const empty = [{ numerator: 0, denominator: 0 }, { numerator: 0, denominator: 0 }];
    expect(() => pairedDifference(empty, empty, { kind: "ratio" })).toThrow(expect.objectContaining({ code: "zero_denominator" }));
  });
});
