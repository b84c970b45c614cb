import { describe, expect, it } from "vitest";
import type { NumberColumn } from "../catalog/catalog.ts";
import { createRandom } from "../models/seeded-random.ts";
import { widenedRange } from "./widen-range.ts";

const column = (name: string, min: number, max: number, unit?: string): NumberColumn => ({
  kind: "number", name, spec: { type: "number", unit }, values: new Float64Array(0), min, max, count: 1,
});
const year = column("year", 1902, 2018);
const price = column("price", 4.99, 1050, "EUR");
const rating = column("rating", 0.5, 5, "stars");

describe("widenedRange", () => {
  it("keeps the target strictly inside, for many values and seeds, at every slack", () => {
    const random = createRandom(1);
    for (const [col, values] of [[year, [1930, 1989, 1990, 1995, 1999, 2000, 2009, 2010]], [price, [9.99, 20, 45, 80, 100, 499]], [rating, [1.5, 3, 3.5, 4.2, 5]]] as const) {
      for (const v of values) {
        for (let slack = 0; slack < 4; slack++) {
          const r = widenedRange(col, v, random, slack);
          if (!r) continue;
          if (r.min !== undefined) expect(r.min).toBeLessThan(v);
          if (r.max !== undefined) expect(r.max).toBeGreaterThan(v);
        }
      }
    }
  });

  it("speaks years in decades and round years", () => {
    const random = createRandom(3);
    const seen = new Set<string>();
    for (let k = 0; k < 50; k++) {
      const r = widenedRange(year, 1995, random)!;
      if (r.framing === "decade") expect(r).toEqual({ min: 1990, max: 1999, framing: "decade" });
      else expect(r.min ?? r.max! + 1).toSatisfy((b: number) => b % 10 === 0);
      seen.add(r.framing);
    }
    expect(seen).toEqual(new Set(["decade", "limit"]));
    // a year on a decade's edge never gets that decade (its bound would equal the target)
    for (let k = 0; k < 50; k++) expect(widenedRange(year, 1990, random)!.framing).toBe("limit");
  });

  it("caps prices above the target and floors ratings below it, at round numbers", () => {
    const random = createRandom(5);
    expect(widenedRange(price, 62, random)).toEqual({ max: expect.toSatisfy((m: number) => m > 62 && m % 5 === 0), framing: "limit" });
    expect(widenedRange(rating, 4.2, random)).toEqual({ min: expect.toSatisfy((m: number) => m < 4.2 && m % 0.5 === 0), framing: "limit" });
  });

  it("keeps counts whole", () => {
    const reviews = column("reviews", 0, 7501);
    const random = createRandom(2);
    for (const v of [3, 7, 12, 40]) for (let k = 0; k < 20; k++) expect(Number.isInteger(widenedRange(reviews, v, random)?.min ?? 0)).toBe(true);
  });

  it("gives up when the limit would exclude nothing", () => {
    expect(widenedRange(rating, 0.5, createRandom(1))).toBeNull();
    expect(widenedRange(price, 1000, () => 0.99)).toBeNull();
  });

  it("widens with slack", () => {
    const at = (slack: number) => widenedRange(price, 50, () => 0.5, slack)!.max!;
    expect(at(0)).toBeLessThan(at(1));
    expect(at(1)).toBeLessThan(at(2));
  });
});
