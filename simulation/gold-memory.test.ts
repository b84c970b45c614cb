import { describe, expect, it } from "vitest";
import { emptyPreferences } from "../schemas/preferences.ts";
import { applyIntents } from "./gold-memory.ts";

describe("applyIntents", () => {
  it("puts each intent in its bucket and merges values of one attribute", () => {
    const memory = applyIntents(emptyPreferences(), [
      { kind: "want", strength: "hard", attribute: "genre", values: ["Comedy"] },
      { kind: "want", strength: "hard", attribute: "genre", values: ["Romance"] },
      { kind: "avoid", strength: "hard", attribute: "genre", values: ["Horror"] },
      { kind: "critique", strength: "soft", attribute: "genre", values: ["Drama"] },
      { kind: "range", strength: "hard", attribute: "year", min: 1990, max: 1999, framing: "decade" },
      { kind: "text", strength: "soft", text: "time travel" },
    ]);
    expect(memory).toEqual({
      positive: { hard: [{ attribute: "genre", values: ["Comedy", "Romance"] }, { attribute: "year", min: 1990, max: 1999 }], soft: [{ attribute: "text", text: "time travel" }] },
      negative: { hard: [{ attribute: "genre", values: ["Horror"] }], soft: [{ attribute: "genre", values: ["Drama"] }] },
    });
  });

  it("moves a restated value out of its old bucket and replaces numeric bounds", () => {
    const before = applyIntents(emptyPreferences(), [
      { kind: "want", strength: "soft", attribute: "genre", values: ["Drama", "Crime"] },
      { kind: "range", strength: "hard", attribute: "year", min: 1980, framing: "limit" },
    ]);
    const after = applyIntents(before, [
      { kind: "critique", strength: "soft", attribute: "genre", values: ["Drama"] },
      { kind: "range", strength: "hard", attribute: "year", min: 1970, max: 2009, framing: "limit" },
    ]);
    expect(after.positive.soft).toEqual([{ attribute: "genre", values: ["Crime"] }]);
    expect(after.negative.soft).toEqual([{ attribute: "genre", values: ["Drama"] }]);
    expect(after.positive.hard).toEqual([{ attribute: "year", min: 1970, max: 2009 }]);
    expect(before.positive.soft).toEqual([{ attribute: "genre", values: ["Drama", "Crime"] }]);
  });

  it("empties the memory on reset, then applies what follows", () => {
    const before = applyIntents(emptyPreferences(), [{ kind: "avoid", strength: "hard", attribute: "genre", values: ["Horror"] }]);
    expect(applyIntents(before, [{ kind: "reset" }, { kind: "want", strength: "soft", attribute: "genre", values: ["Horror"] }])).toEqual({
      positive: { hard: [], soft: [{ attribute: "genre", values: ["Horror"] }] }, negative: { hard: [], soft: [] },
    });
  });
});
