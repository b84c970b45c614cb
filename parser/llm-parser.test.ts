import { describe, expect, it } from "vitest";
import { fixtureContext, prefs } from "../tools/test-fixtures.ts";
import { groundPreferences } from "./llm-parser.ts";

// Fixture: 8 movies a–h; genre (multi) Comedy, Sci-Fi, Horror, Romance; year (number); lang en/fr/de.
const ctx = fixtureContext();
const ground = (p: Parameters<typeof prefs>[0]) => groundPreferences(prefs(p), ctx);

describe("groundPreferences", () => {
  it("re-spells attributes and values the catalog's way and unites duplicates", () => {
    const { preferences, notes } = ground({
      positive: { soft: [{ attribute: "Genre", values: ["comedy", "SCI FI", "Comedy"] }, { attribute: "genre", values: ["sci-fi", "romance"] }] },
    });
    expect(preferences.positive.soft).toEqual([{ attribute: "genre", values: ["Comedy", "Sci-Fi", "Romance"] }]);
    expect(notes).toEqual([]);
  });

  it("drops an unknown attribute and an unknown value with a note naming the bucket", () => {
    const { preferences, notes } = ground({
      positive: { hard: [{ attribute: "mood", values: ["cosy"] }] },
      negative: { soft: [{ attribute: "genre", values: ["Gore", "Horror"] }, { attribute: "lang", values: ["klingon"] }] },
    });
    expect(preferences).toEqual(prefs({ negative: { soft: [{ attribute: "genre", values: ["Horror"] }] } }));
    expect(notes).toEqual([
      "dropped unknown attribute `mood` (positive.hard)",
      "dropped unknown value `Gore` of `genre` (negative.soft)",
      "dropped unknown value `klingon` of `lang` (negative.soft)",
    ]);
  });

  it("drops a range on a category and values on a number", () => {
    const { preferences, notes } = ground({
      positive: { hard: [{ attribute: "genre", min: 1 }, { attribute: "year", values: ["1990s"] }, { attribute: "YEAR", min: 1990, max: 1999 }] },
    });
    expect(preferences.positive.hard).toEqual([{ attribute: "year", min: 1990, max: 1999 }]);
    expect(notes).toEqual([
      "dropped range on `genre`, which is not numeric (positive.hard)",
      "dropped values 1990s of `year`, which is numeric (positive.hard)",
    ]);
  });

  it("keeps known item ids and texts, drops unknown ids", () => {
    const { preferences, notes } = ground({
      positive: { soft: [{ attribute: "item", values: ["b", "nope"] }, { attribute: "text", text: "  time travel " }, { attribute: "text", text: "Time-travel" }] },
    });
    expect(preferences.positive.soft).toEqual([{ attribute: "item", values: ["b"] }, { attribute: "text", text: "time travel" }]);
    expect(notes).toEqual(["dropped unknown item `nope` (positive.soft)"]);
  });
});
