import { describe, expect, it } from "vitest";
import { CatalogBuilder } from "../catalog/catalog-builder.ts";
import { fixtureContext, prefs } from "../tools/test-fixtures.ts";
import { buildParserPrompt, describeCatalog, describeFeed, PROMPT_LIMITS } from "./llm-prompt.ts";

// Fixture: 8 movies a–h; genre (multi) Comedy, Sci-Fi, Horror, Romance; year 1985–2020 (e has none); lang en/fr/de.
const ctx = fixtureContext();
const input = {
  command: 'only "comedies", please',
  feed: ["d", "zz", "e"],
  memory: prefs({ negative: { hard: [{ attribute: "genre", values: ["Horror"] }] } }),
};

describe("buildParserPrompt", () => {
  it("puts the rules and the catalog in the system message, the turn in the user message", () => {
    const { system, user } = buildParserPrompt(input, ctx);
    expect(system).toContain("positive.hard = every item must satisfy");
    expect(system).toContain("A bare request (\"comedies please\") is soft");
    expect(system).toContain("One value of one attribute lives in at most one bucket");
    expect(system).toContain("- genre: category, multi-valued; values Comedy, Sci-Fi, Horror, Romance");
    expect(system).toContain("- year: number; range 1985–2020");
    expect(system).toContain("- lang: category; values en, fr, de");
    expect(user).toContain('Memory P_t:\n{"positive":{"hard":[],"soft":[]},"negative":{"hard":[{"attribute":"genre","values":["Horror"]}],"soft":[]}}');
    expect(user).toContain('Command: "only \\"comedies\\", please"');
  });

  it("is deterministic", () => {
    expect(buildParserPrompt(input, ctx)).toEqual(buildParserPrompt(structuredClone(input), fixtureContext()));
  });
});

describe("describeFeed", () => {
  it("lists known items by feed position with their attributes; unknown ids are left out", () => {
    expect(describeFeed(input.feed, ctx.catalog)).toBe(
      ["1. [d] Movie d — genre=Romance|Comedy; year=2012; lang=en", "3. [e] Movie e — genre=Sci-Fi|Horror; lang=de"].join("\n"),
    );
  });

  it("caps the feed and says how many were not shown", () => {
    const feed = Array.from({ length: PROMPT_LIMITS.feedItems + 3 }, () => "a");
    const lines = describeFeed(feed, ctx.catalog).split("\n");
    expect(lines).toHaveLength(PROMPT_LIMITS.feedItems + 1);
    expect(lines.at(-1)).toBe("(3 more not shown)");
  });

  it("says when the feed is empty", () => {
    expect(describeFeed([], ctx.catalog)).toBe("(empty)");
  });
});

describe("describeCatalog", () => {
  it("orders values by item count, ties alphabetically", () => {
    // Comedy a,d,f = 3; Sci-Fi b,e,h = 3; Horror c,e = 2; Romance d = 1
    expect(describeCatalog(ctx.catalog)).toMatch(/values Comedy, Sci-Fi, Horror, Romance\n/);
  });
});

describe("describeCatalog on large vocabularies", () => {
  // 45 brands b01..b45 (b01 on 2 items, the rest on 1) and one open tag per item
  const builder = new CatalogBuilder({
    ref: "big", name: "big",
    schema: { attributes: { brand: { type: "category", synonyms: ["label"] }, tag: { type: "category", multi: true, open: true }, price: { type: "number", unit: "EUR" } } },
  });
  for (let i = 0; i <= 45; i++) {
    const brand = `b${String(Math.max(i, 1)).padStart(2, "0")}`;
    builder.addItem({ id: `i${i}`, title: `Item ${i}`, attributes: { brand, tag: [`t${i}`], price: 10 + i / 4 } });
  }
  const text = describeCatalog(builder.build("big"));

  it("cuts a closed vocabulary to its most frequent values and counts the rest", () => {
    const line = text.split("\n").find((l) => l.startsWith("- brand:"))!;
    expect(line).toMatch(/^- brand: category; values b01, b02, /);
    expect(line.split(", ").length).toBeGreaterThanOrEqual(PROMPT_LIMITS.vocabulary);
    expect(line).toContain(`b${PROMPT_LIMITS.vocabulary} … (${45 - PROMPT_LIMITS.vocabulary} rarer values); also called label`);
  });

  it("gives an open attribute a few examples only, and a number its range and unit", () => {
    expect(text).toContain(`- tag: open tags, multi-valued (46 values, matched by meaning); e.g. t0, t1, t10, t11,`);
    expect(text).toContain("- price: number; range 10–21.25 EUR");
  });
});
