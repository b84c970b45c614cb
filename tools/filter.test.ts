import { describe, expect, it } from "vitest";
import { invokeTool } from "./define-tool.ts";
import { filter } from "./filter.ts";
import { initialRankState, type RankState } from "./rank-state.ts";
import { fixtureContext, prefs } from "./test-fixtures.ts";

// Fixture: genre a Comedy, b Sci-Fi, c Horror, d Romance+Comedy, e Sci-Fi+Horror, f Comedy, g —, h Sci-Fi;
// year a1995 b2005 c1985 d2012 e— f2001 g1999 h2020; lang en: a b d g h, fr: c f, de: e.
const ctx = fixtureContext();
const run = (p: Parameters<typeof prefs>[0], extra: Partial<RankState> = {}) => {
  const update = invokeTool(filter, initialRankState({ preferences: prefs(p), ...extra }), {}, ctx);
  const ids = update.candidates === undefined ? undefined : update.candidates && Array.from(update.candidates, (i) => ctx.catalog.ids[i]);
  return { ids, texts: (update.notes ?? []).map((n) => n.text) };
};

describe("filter", () => {
  it("keeps items having any of the required values", () => {
    expect(run({ positive: { hard: [{ attribute: "genre", values: ["Sci-Fi", "Horror"] }] } }).ids).toEqual(["b", "c", "e", "h"]);
  });

  it("applies an inclusive range; an item without a value fails it", () => {
    expect(run({ positive: { hard: [{ attribute: "year", min: 2001, max: 2012 }] } }).ids).toEqual(["b", "d", "f"]);
    expect(run({ positive: { hard: [{ attribute: "year", min: 2000 }] } }).ids).toEqual(["b", "d", "f", "h"]);
  });

  it("excludes a negative range, keeping items without a value", () => {
    expect(run({ negative: { hard: [{ attribute: "year", max: 1999 }] } }).ids).toEqual(["b", "d", "e", "f", "h"]);
  });

  it("combines positive and negative categorical constraints", () => {
    // en {a,b,d,g,h} minus Comedy {a,d,f} = {b,g,h}
    const out = run({ positive: { hard: [{ attribute: "lang", values: ["en"] }] }, negative: { hard: [{ attribute: "genre", values: ["Comedy"] }] } });
    expect(out.ids).toEqual(["b", "g", "h"]);
  });

  it("excludes items referenced in negative hard", () => {
    expect(run({ negative: { hard: [{ attribute: "item", values: ["b", "zz"] }] } })).toEqual({
      ids: ["a", "c", "d", "e", "f", "g", "h"],
      texts: ["unknown item `zz` ignored", "7 of 8 items pass 0 required and 1 excluded constraints"],
    });
  });

  it("matches values by normalized spelling", () => {
    expect(run({ positive: { hard: [{ attribute: "Genre", values: ["sci fi"] }] } }).ids).toEqual(["b", "e", "h"]);
  });

  it("ignores unknown attributes and values with a note, applying the rest", () => {
    const out = run({
      positive: { hard: [{ attribute: "colr", values: ["red"] }, { attribute: "genre", values: ["Western", "Horror"] }] },
    });
    expect(out.ids).toEqual(["c", "e"]);
    expect(out.texts).toContain("unknown attribute `colr` ignored");
    expect(out.texts).toContain("unknown value `Western` of `genre` ignored");
  });

  it("never filters free text, and says so", () => {
    const out = run({ positive: { hard: [{ attribute: "text", text: "time travel" }] } });
    expect(out.ids).toBeUndefined();
    expect(out.texts[0]).toMatch(/matched by meaning, not filtered/);
  });

  it("rejects a range on a categorical attribute with a note", () => {
    const out = run({ positive: { hard: [{ attribute: "genre", min: 3 }] } });
    expect(out.ids).toBeUndefined();
    expect(out.texts[0]).toBe("attribute `genre` is not numeric; range 3.. ignored");
  });

  it("narrows an existing candidate set", () => {
    const out = run({ positive: { hard: [{ attribute: "genre", values: ["Comedy"] }] } }, { candidates: Uint32Array.from([0, 1, 5]) });
    expect(out.ids).toEqual(["a", "f"]);
  });

  it("reports when nothing passes", () => {
    const out = run({ positive: { hard: [{ attribute: "genre", values: ["Romance"] }, { attribute: "lang", values: ["fr"] }] } });
    expect(out.ids).toEqual([]);
    expect(out.texts).toContain("no item satisfies the hard constraints");
  });
});
