import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile, normalSurvival, twoSidedPValue } from "./normal.ts";

// reference values from R: pnorm / qnorm
describe("normalCdf", () => {
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1.959963984540054, 0.025],
    [-3, 0.0013498980316301],
    [2.5, 0.9937903346742238],
    [-8, 6.220960574271785e-16],
    [-20, 2.753624118606233e-89],
  ])("Φ(%d) = %d", (z, p) => {
    expect(Math.abs(normalCdf(z) - p)).toBeLessThanOrEqual(1e-12 * p + 1e-15);
  });

  it("is accurate in the upper tail through the survival function", () => {
    expect(normalSurvival(8) / 6.220960574271785e-16).toBeCloseTo(1, 12);
    expect(twoSidedPValue(-1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedPValue(0)).toBe(1);
  });
});

describe("normalQuantile", () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489],
    [0.3, -0.5244005127080407],
    [1e-10, -6.361340902404056],
    [0.999999, 4.753424308817091],
  ])("Φ⁻¹(%d) = %d", (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(z)));
  });

  it("inverts the CDF across (0, 1) to ~1e-12 relative to the nearer tail", () => {
    let worst = 0;
    for (let p = 1e-7; p < 1; p += 0.000731) worst = Math.max(worst, Math.abs(normalCdf(normalQuantile(p)) - p) / Math.min(p, 1 - p));
    expect(worst).toBeLessThan(1e-12);
  });

  it("is infinite at the ends and refuses probabilities outside [0, 1]", () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
  });
});
