import { describe, expect, it } from "vitest";
import { chiSquareSurvival } from "./chi-square.ts";
import { logGamma } from "./incomplete-gamma.ts";
import { normalSurvival } from "./normal.ts";

// reference values from R: pchisq(x, df, lower.tail = FALSE), qchisq
describe("chiSquareSurvival", () => {
  it.each([
    [3.841458820694124, 1, 0.05],
    [10.827566170662733, 1, 0.001],
    [16, 1, 6.334248366623996e-5],
    [16.26623619623813, 3, 0.001],
    [18.307038053275146, 10, 0.05],
    [10, 5, 0.07523524614651217],
  ])("P(χ² ≥ %d; df %d) = %d", (x, df, p) => {
    expect(Math.abs(chiSquareSurvival(x, df) - p) / p).toBeLessThan(1e-10);
  });

  it("matches the closed forms for 2 and 4 degrees of freedom, deep into the tail", () => {
    for (const x of [0.01, 1, 7.3, 40, 300]) {
      expect(chiSquareSurvival(x, 2) / Math.exp(-x / 2)).toBeCloseTo(1, 12);
      expect(chiSquareSurvival(x, 4) / (Math.exp(-x / 2) * (1 + x / 2))).toBeCloseTo(1, 12);
    }
  });

  it("matches the closed forms for 3 and 7 degrees of freedom, built on the normal tail", () => {
    for (const x of [0.5, 2, 11, 60]) {
      const base = 2 * normalSurvival(Math.sqrt(x));
      const term = Math.sqrt((2 * x) / Math.PI) * Math.exp(-x / 2);
      expect(chiSquareSurvival(x, 3) / (base + term)).toBeCloseTo(1, 12);
      expect(chiSquareSurvival(x, 7) / (base + term * (1 + x / 3 + (x * x) / 15))).toBeCloseTo(1, 12);
    }
  });

  it("is 1 at 0 and refuses non-positive degrees of freedom", () => {
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(() => chiSquareSurvival(1, 0)).toThrow(RangeError);
  });
});

describe("logGamma", () => {
  it("matches factorials and Γ(½) = √π", () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(1)).toBeCloseTo(0, 14);
  });
});
