import { describe, expect, it } from "vitest";
import { EMPTY_MOMENTS, mergeMoments, momentsOf } from "./moments.ts";
import { estimateFromMoments, estimateRatio, linearize } from "./ratio-delta.ts";

const records = [
  { numerator: 1, denominator: 2 },
  { numerator: 0, denominator: 1 },
  { numerator: 3, denominator: 3 },
];

describe("estimateRatio", () => {
  it("gives the ratio of sums and the delta-method variance computed by hand", () => {
    // σ²_Y = 7/3, σ²_X = 1, σ_XY = 3/2, μ_Y = 4/3, μ_X = 2: (1/3)(7/12 − 1/2 + 1/9) = 7/108
    const estimate = estimateRatio(records);
    expect(estimate.value).toBeCloseTo(4 / 6, 15);
    expect(estimate.variance).toBeCloseTo(7 / 108, 15);
    expect(estimate).toMatchObject({ users: 3, numeratorTotal: 4, denominatorTotal: 6 });
  });

  it("reduces to s²/n for a mean metric", () => {
    const estimate = estimateRatio([1, 2, 3, 4].map((y) => ({ numerator: y, denominator: 1 })), "arm", "mean");
    expect(estimate.value).toBe(2.5);
    expect(estimate.variance).toBeCloseTo(5 / 3 / 4, 15);
  });

  it("has a linearization with mean 0 whose variance / n is the delta-method variance", () => {
    const estimate = estimateRatio(records);
    const l = linearize(records, estimate);
    expect(l[0] + l[1] + l[2]).toBeCloseTo(0, 15);
    const variance = (l[0] ** 2 + l[1] ** 2 + l[2] ** 2) / 2 / 3;
    expect(variance).toBeCloseTo(estimate.variance, 15);
  });

  it("gives a zero variance, not NaN, when every user has the same ratio", () => {
    const estimate = estimateRatio([1, 2, 3].map((x) => ({ numerator: 0.5 * x, denominator: x })));
    expect(estimate.value).toBe(0.5);
    expect(estimate.variance).toBeCloseTo(0, 15);
  });

  it("refuses what it cannot estimate, with a code and the arm's name", () => {
    expect(() => estimateRatio([], "arm B")).toThrow(expect.objectContaining({ code: "too_few_users", message: expect.stringContaining("arm B has 0 users") }));
    expect(() => estimateRatio([records[0]])).toThrow(expect.objectContaining({ code: "too_few_users" }));
    expect(() => estimateRatio([{ numerator: 0, denominator: 0 }, { numerator: 0, denominator: 0 }])).toThrow(expect.objectContaining({ code: "zero_denominator" }));
    expect(() => estimateRatio([records[0], { numerator: Number.NaN, denominator: 1 }], "B")).toThrow(/B, user record 1: numerator must be a finite number/);
    expect(() => estimateRatio([records[0], { numerator: 1, denominator: -1 }])).toThrow(expect.objectContaining({ code: "invalid_record" }));
    expect(() => estimateRatio(records, "A", "mean")).toThrow(/a mean metric needs denominator 1/);
  });
});

describe("moments", () => {
  it("merge to exactly the moments of the union", () => {
    const whole = momentsOf(records);
    const merged = mergeMoments(mergeMoments(EMPTY_MOMENTS, momentsOf(records.slice(0, 1))), momentsOf(records.slice(1)));
    for (const key of Object.keys(whole) as (keyof typeof whole)[]) expect(merged[key]).toBeCloseTo(whole[key], 13);
    expect(estimateFromMoments(merged).variance).toBeCloseTo(7 / 108, 14);
  });
});
