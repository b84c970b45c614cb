import { beforeAll, describe, expect, it } from "vitest";
import type { ToolContext } from "../tools/tool-context.ts";
import { booksContext, parse, prefs } from "./test-catalogs.ts";

// A book shop the parser has never seen: everything below comes from its schema and columns.
let ctx: ToolContext;
beforeAll(async () => {
  ctx = await booksContext();
});
const feed = ["b1", "b2", "b3", "b11", "b14"]; // pages 420 610 350 700 90 → median 420; price 12.99 27.5 9.99 35 10 → median 12.99; published 2004 2011 1968 1962 1975 → median 1975

describe("grounding on a books catalog", () => {
  it("grounds values in the catalog's spelling, plural and multi-word", () => {
    expect(parse(ctx, "science fiction paperbacks")).toEqual(
      prefs({ positive: { soft: [{ attribute: "genre", values: ["Science Fiction"] }, { attribute: "format", values: ["paperback"] }] } }),
    );
    expect(parse(ctx, "mysteries but no historical fiction")).toEqual(
      prefs({ positive: { soft: [{ attribute: "genre", values: ["Mystery"] }] }, negative: { hard: [{ attribute: "genre", values: ["Historical Fiction"] }] } }),
    );
    expect(parse(ctx, "only ebooks in french").positive.hard).toEqual([
      { attribute: "format", values: ["ebook"] },
      { attribute: "language", values: ["French"] },
    ]);
  });

  it("corrects typos and reads compound spellings", () => {
    expect(parse(ctx, "mistery novels").positive.soft).toEqual([{ attribute: "genre", values: ["Mystery"] }]);
    expect(parse(ctx, "sci-fi").positive.soft).toEqual([{ attribute: "genre", values: ["Science Fiction"] }]);
  });

  it("grounds a paraphrase through the lexicon, confirmed by the semantic model", () => {
    expect(parse(ctx, "something scary").positive.soft).toEqual([{ attribute: "genre", values: ["Horror"] }]);
  });

  it("reads numbers through the attribute's unit, synonyms and year-like values", () => {
    expect(parse(ctx, "under $15").positive.hard).toEqual([{ attribute: "price", max: 15 }]);
    expect(parse(ctx, "less than 300 pages").positive.hard).toEqual([{ attribute: "pages", max: 299 }]);
    expect(parse(ctx, "books from the 1960s").positive.hard).toEqual([{ attribute: "published", min: 1960, max: 1969 }]);
    expect(parse(ctx, "published after 2010").positive.hard).toEqual([{ attribute: "published", min: 2011 }]);
    expect(parse(ctx, "around $20").positive.hard).toEqual([{ attribute: "price", min: 17, max: 23 }]);
    expect(parse(ctx, "nothing over 500 pages").negative.hard).toEqual([{ attribute: "pages", min: 501 }]);
  });

  it("bounds comparatives relative to the feed", () => {
    expect(parse(ctx, "shorter ones", { feed }).positive.hard).toEqual([{ attribute: "pages", max: 419 }]);
    expect(parse(ctx, "newer than these", { feed }).positive.hard).toEqual([{ attribute: "published", min: 1976 }]);
    expect(parse(ctx, "a bit cheaper", { feed }).positive.soft).toEqual([{ attribute: "price", max: 12.86 }]);
  });

  it("keeps what no closed attribute expresses as free text", () => {
    expect(parse(ctx, "something about dragons").positive.soft).toEqual([{ attribute: "text", text: "dragons" }]);
  });

  it("refers to feed items by ordinal and by title", () => {
    expect(parse(ctx, "more like the second one", { feed }).positive.soft).toEqual([{ attribute: "item", values: ["b2"] }]);
    expect(parse(ctx, "more like stars beyond", { feed }).positive.soft).toEqual([{ attribute: "item", values: ["b3"] }]);
    expect(parse(ctx, "less like the last one", { feed }).negative.soft).toEqual([{ attribute: "item", values: ["b14"] }]);
  });

  it("scopes negation: up to 'but', after its content, and back to the clause before", () => {
    expect(parse(ctx, "no horror or poetry, but something scary")).toEqual(
      prefs({ positive: { soft: [{ attribute: "genre", values: ["Horror"] }] }, negative: { hard: [{ attribute: "genre", values: ["Poetry"] }] } }),
    );
    expect(parse(ctx, "romance is not my thing").negative.hard).toEqual([{ attribute: "genre", values: ["Romance"] }]);
    expect(parse(ctx, "poetry? never").negative.hard).toEqual([{ attribute: "genre", values: ["Poetry"] }]);
    expect(parse(ctx, "seen the second one, don't show it again", { feed })).toEqual(prefs({ negative: { hard: [{ attribute: "item", values: ["b2"] }] } }));
  });

  it("leaves the memory alone on an acknowledgement", () => {
    const memory = prefs({ positive: { soft: [{ attribute: "genre", values: ["Poetry"] }] } });
    expect(parse(ctx, "ok thanks, show me more", { memory })).toEqual(memory);
  });
});
