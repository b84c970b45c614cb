import { describe, expect, it } from "vitest";
import type { Catalog } from "../catalog/catalog.ts";
import { createRandom } from "../models/seeded-random.ts";
import type { Intent } from "../schemas/simulated-session.ts";
import { renderCommand } from "./render-command.ts";

const catalog = {
  columns: new Map([
    ["price", { kind: "number", name: "price", spec: { type: "number", unit: "EUR" } }],
    ["year", { kind: "number", name: "year", spec: { type: "number" } }],
  ]),
} as unknown as Catalog;

const renderings = (intents: Intent[], n = 60) => Array.from({ length: n }, (_, s) => renderCommand(intents, catalog, createRandom(s)));

const HARD = /\b(only|must|strictly|nothing but|has to|just|stick to|nothing else|keep it to)\b/;
const SOFT = /\b(please|prefer|more|ideally|mood|like|preferably|show me|go for|fancy|how about|leaning towards)\b/;

describe("renderCommand", () => {
  it("marks hard and soft wants with their cue words, in the catalog's spelling", () => {
    for (const text of renderings([{ kind: "want", strength: "hard", attribute: "category", values: ["t-shirts"] }])) {
      expect(text).toMatch(HARD);
      expect(text).toContain("t-shirts");
    }
    for (const text of renderings([{ kind: "want", strength: "soft", attribute: "genre", values: ["Sci-Fi"] }])) {
      expect(text).toMatch(SOFT);
      expect(text).not.toMatch(HARD);
      expect(text).toContain("Sci-Fi");
    }
  });

  it("words hard avoids as bans and soft avoids and critiques as 'less'", () => {
    for (const text of renderings([{ kind: "avoid", strength: "hard", attribute: "genre", values: ["Horror"] }]))
      expect(text).toMatch(/\b(no|never|without|exclude|don't want|anything but|steer clear|no-go|spare me|skip)\b/);
    for (const text of renderings([{ kind: "critique", strength: "soft", attribute: "category", values: ["sneakers"] }])) {
      expect(text).toMatch(/\b(too many|fewer|less|tired of|enough|cut down|not so many)\b/);
      expect(text).not.toMatch(/\b(no|never|without|exclude)\b/);
    }
  });

  it("states numeric limits with their bound and unit", () => {
    for (const text of renderings([{ kind: "range", strength: "hard", attribute: "price", max: 85, framing: "limit" }])) expect(text).toMatch(/(€85|85 EUR)/);
    for (const text of renderings([{ kind: "range", strength: "hard", attribute: "year", min: 1990, max: 1999, framing: "decade" }])) expect(text).toMatch(/\b(90s|1990s)\b/);
    for (const text of renderings([{ kind: "range", strength: "hard", attribute: "year", max: 1999, framing: "limit" }])) expect(text).toMatch(/(before 2000|1999)/);
  });

  it("varies its wording, joins several intents, and announces a drift", () => {
    const want: Intent = { kind: "want", strength: "soft", attribute: "genre", values: ["Comedy"] };
    expect(new Set(renderings([want])).size).toBeGreaterThanOrEqual(6);
    const compound = renderings([want, { kind: "avoid", strength: "hard", attribute: "genre", values: ["Horror"] }, { kind: "text", strength: "soft", text: "time travel" }]);
    for (const text of compound) expect(text).toMatch(/Comedy.*Horror.*time travel/);
    for (const text of renderings([{ kind: "reset" }, want])) expect(text).toMatch(/\b(forget|start over|new search|start fresh)\b/);
  });

  it("is deterministic by seed", () => {
    const intents: Intent[] = [{ kind: "want", strength: "hard", attribute: "genre", values: ["Drama"] }, { kind: "range", strength: "hard", attribute: "price", max: 40, framing: "limit" }];
    expect(renderings(intents, 10)).toEqual(renderings(intents, 10));
  });
});
