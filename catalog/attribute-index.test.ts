import { describe, expect, it } from "vitest";
import { fixtureCatalog } from "../tools/test-fixtures.ts";
import { CatalogBuilder } from "./catalog-builder.ts";
import { AttributeIndex, normalizeValue, type Predicate } from "./attribute-index.ts";

// Fixture (tools/test-fixtures.ts): genre a Comedy, b Sci-Fi, c Horror, d Romance+Comedy,
// e Sci-Fi+Horror, f Comedy, g none, h Sci-Fi; year a1995 b2005 c1985 d2012 e— f2001 g1999 h2020.
const index = new AttributeIndex(fixtureCatalog());
const genre = (...values: string[]): Predicate => ({
  kind: "category", attribute: "genre", codes: values.map((v) => index.lookupValue("genre", v)!.code),
});
const year = (min: number, max: number): Predicate => ({ kind: "range", attribute: "year", min, max });

describe("AttributeIndex", () => {
  it("keeps a sorted posting list per categorical value", () => {
    const entry = index.attribute("genre");
    if (entry?.kind !== "category") throw new Error("genre should be categorical");
    const list = (v: string) => Array.from(entry.postings[entry.column.codeOf.get(v)!]);
    expect(list("Comedy")).toEqual([0, 3, 5]);
    expect(list("Sci-Fi")).toEqual([1, 4, 7]);
    expect(list("Horror")).toEqual([2, 4]);
    expect(list("Romance")).toEqual([3]);
  });

  it("sorts numeric items by value and leaves out items without one", () => {
    const entry = index.attribute("year");
    if (entry?.kind !== "number") throw new Error("year should be numeric");
    // c1985 a1995 g1999 f2001 b2005 d2012 h2020; e has no year
    expect(Array.from(entry.items)).toEqual([2, 0, 6, 5, 1, 3, 7]);
    expect(Array.from(entry.sorted)).toEqual([1985, 1995, 1999, 2001, 2005, 2012, 2020]);
    expect(index.rangeBounds(entry, 1995, 2001)).toEqual([1, 4]);
  });

  it("looks values up ignoring case and punctuation, answering in the catalog's spelling", () => {
    expect(normalizeValue("Sci-Fi")).toBe("scifi");
    expect(index.lookupValue("genre", "sci fi")?.value).toBe("Sci-Fi");
    expect(index.lookupValue("Genre", "SCIFI")?.value).toBe("Sci-Fi");
    expect(index.lookupValue("genre", "Western")).toBeUndefined();
    expect(index.lookupValue("colr", "red")).toBeUndefined();
    expect(index.lookupValue("year", "1995")).toBeUndefined();
  });

  it("unites several values of one constraint, each item once", () => {
    expect(Array.from(index.matchingItems(genre("Comedy", "Romance")))).toEqual([0, 3, 5]);
    expect(index.count(genre("Comedy", "Romance"))).toBe(4); // upper bound: d counted twice
  });

  it("intersects required constraints from the smallest set", () => {
    // Comedy {a,d,f} ∩ 1990..2005 {a,g,f,b} = {a,f}
    expect(Array.from(index.select([genre("Comedy"), year(1990, 2005)], []))).toEqual([0, 5]);
    // year ≥ 2000 {f,b,d,h} minus Sci-Fi {b,e,h} = {d,f}, ascending although the range is in value order
    expect(Array.from(index.select([year(2000, Infinity)], [genre("Sci-Fi")]))).toEqual([3, 5]);
  });

  it("excludes without a required constraint; a missing value never matches a range", () => {
    expect(Array.from(index.select([], [genre("Horror")]))).toEqual([0, 1, 3, 5, 6, 7]);
    // ≤ 1999 excludes c, a, g; e (no year) stays
    expect(Array.from(index.select([], [year(-Infinity, 1999)]))).toEqual([1, 3, 4, 5, 7]);
    expect(index.matches(year(-Infinity, Infinity), 4)).toBe(false);
  });

  it("tests explicit item sets by binary search", () => {
    const items: Predicate = { kind: "items", items: Uint32Array.from([1, 4, 6]) };
    expect(Array.from(index.select([genre("Sci-Fi"), items], []))).toEqual([1, 4]);
    expect(index.matches(items, 5)).toBe(false);
  });

  it("walks a small driver set: one posting list, or a range collected in ascending order", () => {
    // Horror {c,e} is ≤ 25% of 8 items: driver; e has no year → {c}
    expect(Array.from(index.select([genre("Horror"), year(1980, Infinity)], []))).toEqual([2]);
    // 2001..2005 {f,b} in value order f, b; en keeps b; ascending output
    expect(Array.from(index.select([year(2001, 2005)], []))).toEqual([1, 5]);
    expect(Array.from(index.select([year(2001, 2005)], [genre("Comedy")]))).toEqual([1]);
  });

  it("agrees with a brute-force scan on a larger random catalog, on every path", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const tags = ["t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12", "t13", "t14", "t15"];
    const builder = new CatalogBuilder({ ref: "r", name: "r", schema: { attributes: { tag: { type: "category", multi: true }, x: { type: "number" } } } });
    for (let i = 0; i < 2000; i++) {
      const attributes: Record<string, string[] | number> = { tag: tags.filter(() => random() < 0.12) };
      if (random() < 0.9) attributes.x = Math.floor(random() * 100);
      builder.addItem({ id: `i${i}`, title: `i${i}`, attributes });
    }
    const big = new AttributeIndex(builder.build("r"));
    const tag = (...v: string[]): Predicate => ({ kind: "category", attribute: "tag", codes: v.map((t) => big.lookupValue("tag", t)!.code) });
    const x = (min: number, max: number): Predicate => ({ kind: "range", attribute: "x", min, max });
    const cases: [Predicate[], Predicate[]][] = [
      [[tag("t1")], []], [[tag("t1", "t2", "t3")], [x(0, 20)]], [[x(10, 14)], [tag("t4")]], [[x(0, 80), tag("t5", "t6")], []],
      [[x(0, 90)], [tag("t7", "t8")]], [[], [x(50, Infinity), tag("t9")]], [[tag("t1"), tag("t2")], [x(-Infinity, 5)]],
    ];
    for (const [must, mustNot] of cases) {
      const expected: number[] = [];
      for (let i = 0; i < 2000; i++) if (must.every((p) => big.matches(p, i)) && !mustNot.some((p) => big.matches(p, i))) expected.push(i);
      expect(Array.from(big.select(must, mustNot))).toEqual(expected);
    }
  });
});
