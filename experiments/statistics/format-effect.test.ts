import { describe, expect, it } from "vitest";
import { formatEffect, formatPValue } from "./format-effect.ts";

describe("formatEffect", () => {
  it("shows percentage points with one decimal for an interval about 1.6 points wide", () => {
    expect(formatEffect(0.012, 0.004, 0.02, "percent")).toEqual({ estimate: "+1.2 pp", low: "+0.4", high: "+2.0" });
  });

  it("uses as many decimals as the interval's width warrants, and signs both ways", () => {
    expect(formatEffect(-12.3, -20.1, -4.4, "number")).toEqual({ estimate: "-12", low: "-20", high: "-4" });
    expect(formatEffect(0.0123, -0.0031, 0.0277, "number")).toEqual({ estimate: "+0.012", low: "-0.003", high: "+0.028" });
  });

  it("falls back to the estimate's magnitude for a zero-width interval, and never prints -0", () => {
    expect(formatEffect(0.25, 0.25, 0.25, "number").estimate).toBe("+0.25");
    expect(formatEffect(-0.00001, -0.3, 0.3, "number").estimate).toBe("0.00");
  });
});

describe("formatPValue", () => {
  it.each([
    [0.003, "= 0.003"],
    [0.0449, "= 0.045"],
    [0.42, "= 0.42"],
    [1, "= 1.00"],
    [0.0004, "< 0.001"],
  ])("%d → %s", (p, text) => expect(formatPValue(p)).toBe(text));
});
