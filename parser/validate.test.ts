import { beforeAll, describe, expect, it } from "vitest";
import type { ToolContext } from "../tools/tool-context.ts";
import { booksContext, prefs } from "./test-catalogs.ts";
import { validatePreferences } from "./validate.ts";

let ctx: ToolContext;
beforeAll(async () => {
  ctx = await booksContext();
});

describe("validatePreferences", () => {
  it("drops constraints on unknown or mistyped attributes and says so", () => {
    const notes: string[] = [];
    const out = validatePreferences(
      prefs({ positive: { soft: [{ attribute: "colour", values: ["red"] }, { attribute: "genre", values: ["Poetry"] }], hard: [{ attribute: "genre", min: 1 }] } }),
      ctx,
      notes,
    );
    expect(out).toEqual(prefs({ positive: { soft: [{ attribute: "genre", values: ["Poetry"] }] } }));
    expect(notes).toHaveLength(2);
  });

  it("keeps one value of one attribute in one bucket only", () => {
    const out = validatePreferences(
      prefs({ positive: { hard: [{ attribute: "genre", values: ["Poetry"] }] }, negative: { soft: [{ attribute: "genre", values: ["Poetry", "Horror"] }] } }),
      ctx,
      [],
    );
    expect(out.negative.soft).toEqual([{ attribute: "genre", values: ["Horror"] }]);
  });

  it("replaces a malformed memory by an empty one", () => {
    const notes: string[] = [];
    expect(validatePreferences({ positive: { hard: [{ attribute: "price", min: 9, max: 1 }] } }, ctx, notes)).toEqual(prefs({}));
    expect(notes[0]).toMatch(/invalid/);
  });
});
