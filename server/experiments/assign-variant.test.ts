import { describe, expect, it } from "vitest";
import { chiSquareSurvival } from "../../experiments/statistics/chi-square.ts";
import { assignVariant, bucketOf } from "./assign-variant.ts";

const experiment = (id: string, weights: number[]) => ({ id, variants: weights.map((weight, i) => ({ name: String.fromCharCode(65 + i), weight })) });

describe("assignVariant", () => {
  it("gives a user the same variant every time, and independent assignments across experiments", () => {
    const e = experiment("exp-1", [1, 1]);
    for (let u = 0; u < 200; u++) expect(assignVariant(`user-${u}`, e)).toBe(assignVariant(`user-${u}`, e));
    const other = experiment("exp-2", [1, 1]);
    let same = 0;
    for (let u = 0; u < 4000; u++) if (assignVariant(`user-${u}`, e) === assignVariant(`user-${u}`, other)) same++;
    expect(Math.abs(same / 4000 - 0.5)).toBeLessThan(0.03); // about half, not all: experiments are not correlated
  });

  it("splits traffic in proportion to the weights (chi-square goodness of fit)", () => {
    const weights = [1, 2, 1];
    const e = experiment("exp-split", weights);
    const counts = new Map<string, number>();
    const n = 20_000;
    for (let u = 0; u < n; u++) counts.set(assignVariant(`u${u}`, e), (counts.get(assignVariant(`u${u}`, e)) ?? 0) + 1);
    const expected = weights.map((w) => (n * w) / 4);
    const chi = ["A", "B", "C"].reduce((s, name, i) => s + ((counts.get(name) ?? 0) - expected[i]) ** 2 / expected[i], 0);
    expect(chiSquareSurvival(chi, 2)).toBeGreaterThan(0.001);
    expect(counts.get("B")! / n).toBeGreaterThan(0.48);
  });

  it("maps users uniformly into [0, 1)", () => {
    for (let u = 0; u < 1000; u++) {
      const b = bucketOf(`u${u}`, "x");
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(1);
    }
  });
});
