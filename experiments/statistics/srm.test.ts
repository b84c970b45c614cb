import { describe, expect, it } from "vitest";
import { createRandom } from "../../models/seeded-random.ts";
import { binomial } from "./simulated-users.ts";
import { checkSampleRatio } from "./srm.ts";

describe("checkSampleRatio", () => {
  it("flags a 52/48 split of 10 000 users configured 50/50", () => {
    const check = checkSampleRatio([5200, 4800], [1, 1]);
    expect(check.chiSquare).toBeCloseTo(16, 12);
    expect(check.pValue).toBeCloseTo(6.334248366623996e-5, 15);
    expect(check.mismatch).toBe(true);
  });

  it("does not flag an exact or nearly exact split, and normalises weights of any scale", () => {
    expect(checkSampleRatio([5000, 5000], [50, 50])).toMatchObject({ chiSquare: 0, pValue: 1, mismatch: false });
    expect(checkSampleRatio([5050, 2450, 2500], [0.5, 0.25, 0.25])).toMatchObject({ degreesOfFreedom: 2, mismatch: false });
    expect(checkSampleRatio([5050, 2450, 2500], [2, 1, 1]).expected).toEqual([5000, 2500, 2500]);
  });

  it("flags an arm that received nobody, and has nothing to test without users", () => {
    expect(checkSampleRatio([120, 0], [1, 1]).mismatch).toBe(true);
    expect(checkSampleRatio([0, 0], [1, 1])).toMatchObject({ pValue: 1, mismatch: false });
  });

  it("takes a configurable threshold", () => {
    expect(checkSampleRatio([5100, 4900], [1, 1]).mismatch).toBe(false);
    expect(checkSampleRatio([5100, 4900], [1, 1], 0.05).mismatch).toBe(true);
  });

  it("refuses counts and weights that do not fit", () => {
    expect(() => checkSampleRatio([1, 2, 3], [1, 1])).toThrow(expect.objectContaining({ code: "invalid_input" }));
    expect(() => checkSampleRatio([1, -2], [1, 1])).toThrow(/whole numbers/);
    expect(() => checkSampleRatio([1, 2], [1, 0])).toThrow(/weights must be finite and > 0/);
  });

  it("false-flags balanced assignment at about its threshold over 2000 simulated experiments of 10 000 users", () => {
    const runs = 2000;
    const random = createRandom(31337);
    let flagged = 0;
    let below5 = 0;
    for (let run = 0; run < runs; run++) {
      const a = binomial(random, 10_000, 0.5);
      const check = checkSampleRatio([a, 10_000 - a], [1, 1]);
      if (check.mismatch) flagged++;
      if (check.pValue < 0.05) below5++;
    }
    console.log(`balanced 50/50: flagged at p < 0.001 in ${flagged / runs}, p < 0.05 in ${below5 / runs}`);
    expect(flagged / runs).toBeLessThanOrEqual(0.001 + 3 * Math.sqrt((0.001 * 0.999) / runs));
    // the p-value is uniform under balance: 5% of runs below 0.05, within 3 binomial s.d.
    expect(Math.abs(below5 / runs - 0.05)).toBeLessThanOrEqual(3 * Math.sqrt((0.05 * 0.95) / runs));
  });
});
