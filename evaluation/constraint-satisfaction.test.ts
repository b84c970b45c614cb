import { describe, expect, it } from "vitest";
import { AttributeIndex } from "../catalog/attribute-index.ts";
import { fixtureCatalog, prefs } from "../tools/test-fixtures.ts";
import { csrAtK, negativeViolationRate, resolveHardConstraints } from "./constraint-satisfaction.ts";

// fixture: 0 a Comedy 1995 en · 1 b Sci-Fi 2005 en · 2 c Horror 1985 fr · 3 d Romance+Comedy 2012 en ·
//          4 e Sci-Fi+Horror (no year) de · 5 f Comedy 2001 fr · 6 g (no genre) 1999 en · 7 h Sci-Fi 2020 en
const catalog = fixtureCatalog();
const ctx = { catalog, index: new AttributeIndex(catalog) };
const hardOf = (p: Parameters<typeof prefs>[0]) => resolveHardConstraints(prefs(p), ctx);

describe("CSR@K and negative violations", () => {
  const hard = hardOf({
    positive: { hard: [{ attribute: "year", min: 1990 }] },
    negative: { hard: [{ attribute: "genre", values: ["Horror"] }] },
  });

  it("counts items meeting every positive and no negative hard constraint", () => {
    // a ok, b ok, c fails both (1985, Horror), e fails both (no year, Horror), g ok (1999, no genre)
    expect(csrAtK([0, 1, 2, 4, 6], hard, 5)).toBeCloseTo(3 / 5, 12);
    expect(negativeViolationRate([0, 1, 2, 4, 6], hard, 5)).toBeCloseTo(2 / 5, 12);
  });

  it("looks only at the first k items, and at fewer when the feed is shorter", () => {
    expect(csrAtK([0, 1, 2, 4, 6], hard, 2)).toBe(1);
    expect(negativeViolationRate([0, 1, 2, 4, 6], hard, 2)).toBe(0);
    expect(csrAtK([2, 0], hard, 10)).toBe(0.5);
  });

  it("reads spellings as the Filter does (case and punctuation ignored, multi-valued genres)", () => {
    const h = hardOf({ positive: { hard: [{ attribute: "Genre", values: ["sci fi"] }] } });
    expect(csrAtK([1, 4, 7, 0], h, 4)).toBe(0.75); // b, e, h are Sci-Fi; a is not
    expect(negativeViolationRate([1, 4], h, 4)).toBeNull(); // no negative constraint stated
  });

  it("an item without a value passes a negative range but fails a positive one", () => {
    const notOld = hardOf({ negative: { hard: [{ attribute: "year", max: 1990 }] } });
    expect(negativeViolationRate([2, 4], notOld, 2)).toBe(0.5); // c (1985) violates, e (no year) does not
    const recent = hardOf({ positive: { hard: [{ attribute: "year", min: 1990 }] } });
    expect(csrAtK([4], recent, 1)).toBe(0);
  });

  it("a negative item reference excludes that item", () => {
    const h = hardOf({ negative: { hard: [{ attribute: "item", values: ["b"] }] } });
    expect(negativeViolationRate([1, 0], h, 2)).toBe(0.5);
    expect(csrAtK([1, 0], h, 2)).toBe(0.5);
  });

  it("leaves out what the product never filters or cannot resolve, and says how many", () => {
    const h = hardOf({
      positive: {
        hard: [
          { attribute: "text", text: "time travel" },
          { attribute: "item", values: ["a"] },
          { attribute: "genre", values: ["Western"] },
          { attribute: "mood", values: ["dark"] },
        ],
      },
    });
    expect(h.unchecked).toBe(4);
    expect(csrAtK([0, 1], h, 2)).toBeNull();
  });

  it("is null on an empty feed", () => {
    expect(csrAtK([], hard, 10)).toBeNull();
    expect(negativeViolationRate([], hard, 10)).toBeNull();
  });
});
