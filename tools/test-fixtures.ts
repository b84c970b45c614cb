import { CatalogBuilder } from "../catalog/catalog-builder.ts";
import type { CatalogModels } from "../models/model-types.ts";
import { emptyPreferences, type Preferences } from "../schemas/preferences.ts";
import { dot } from "./history-attention.ts";
import type { ScoreTerm } from "./score-terms.ts";
import { createToolContext, type ToolContext } from "./tool-context.ts";

/**
 * Eight movies with 4-d vectors small enough to score by hand. Semantic axes: [comedy, sci-fi,
 * horror, romance]. Item "e" has no year, item "g" no genre.
 *
 *  #  id  genre            year  lang  semantic           collaborative      popularity
 *  0  a   Comedy           1995  en    [1, 0, 0, 0]       [1, 0, 0, 0]       0.9
 *  1  b   Sci-Fi           2005  en    [0, 1, 0, 0]       [0, 1, 0, 0]       0.5
 *  2  c   Horror           1985  fr    [0, 0, 1, 0]       [0, 0, 1, 0]       0.2
 *  3  d   Romance, Comedy  2012  en    [.6, 0, 0, .8]     [.6, .8, 0, 0]     0.7
 *  4  e   Sci-Fi, Horror   —     de    [0, .6, .8, 0]     [0, 0, .6, .8]     0.1
 *  5  f   Comedy           2001  fr    [.8, .6, 0, 0]     [0, 0, 0, 1]       0.6
 *  6  g   —                1999  en    [0, 0, 0, 1]       [.8, 0, 0, .6]     0.3
 *  7  h   Sci-Fi           2020  en    [0, .8, 0, .6]     [0, .6, .8, 0]     0.4
 *
 * Users: u1 liked a then b; u2 liked c.
 */
const ITEMS = [
  { id: "a", genre: ["Comedy"], year: 1995, lang: "en", sem: [1, 0, 0, 0], col: [1, 0, 0, 0], pop: 0.9 },
  { id: "b", genre: ["Sci-Fi"], year: 2005, lang: "en", sem: [0, 1, 0, 0], col: [0, 1, 0, 0], pop: 0.5 },
  { id: "c", genre: ["Horror"], year: 1985, lang: "fr", sem: [0, 0, 1, 0], col: [0, 0, 1, 0], pop: 0.2 },
  { id: "d", genre: ["Romance", "Comedy"], year: 2012, lang: "en", sem: [0.6, 0, 0, 0.8], col: [0.6, 0.8, 0, 0], pop: 0.7 },
  { id: "e", genre: ["Sci-Fi", "Horror"], year: undefined, lang: "de", sem: [0, 0.6, 0.8, 0], col: [0, 0, 0.6, 0.8], pop: 0.1 },
  { id: "f", genre: ["Comedy"], year: 2001, lang: "fr", sem: [0.8, 0.6, 0, 0], col: [0, 0, 0, 1], pop: 0.6 },
  { id: "g", genre: [], year: 1999, lang: "en", sem: [0, 0, 0, 1], col: [0.8, 0, 0, 0.6], pop: 0.3 },
  { id: "h", genre: ["Sci-Fi"], year: 2020, lang: "en", sem: [0, 0.8, 0, 0.6], col: [0, 0.6, 0.8, 0], pop: 0.4 },
];

const AXES: Record<string, number[]> = {
  comedy: [1, 0, 0, 0], scifi: [0, 1, 0, 0], horror: [0, 0, 1, 0], romance: [0, 0, 0, 1],
  funny: [1, 0, 0, 0], space: [0, 1, 0, 0], scary: [0, 0, 1, 0], love: [0, 0, 0, 1],
};
const axis = (word: string) => {
  const v = AXES[word.toLowerCase().replace(/[^a-z]/g, "")];
  return v ? Float32Array.from(v) : null;
};

export function fixtureCatalog() {
  const builder = new CatalogBuilder({
    ref: "fixture", name: "fixture",
    schema: { attributes: { genre: { type: "category", multi: true }, year: { type: "number" }, lang: { type: "category" } } },
  });
  for (const it of ITEMS) {
    const attributes: Record<string, string | string[] | number> = { genre: it.genre, lang: it.lang };
    if (it.year !== undefined) attributes.year = it.year;
    builder.addItem({ id: it.id, title: `Movie ${it.id}`, attributes });
  }
  builder.addInteraction("u1", "a", Number.NaN, 1);
  builder.addInteraction("u1", "b", Number.NaN, 2);
  builder.addInteraction("u2", "c", Number.NaN, 1);
  return builder.build("fixture");
}

export function fixtureModels(): CatalogModels {
  return {
    semantic: {
      dim: 4,
      items: Float32Array.from(ITEMS.flatMap((it) => it.sem)),
      embedText: (text) => axis(text),
      embedValue: (attribute, value) => (attribute === "genre" ? axis(value) : null),
    },
    collaborative: {
      algorithm: "fixture", dim: 4,
      items: Float32Array.from(ITEMS.flatMap((it) => it.col)),
      popularity: Float32Array.from(ITEMS.map((it) => it.pop)),
    },
  };
}

export function fixtureContext(): ToolContext {
  return createToolContext(fixtureCatalog(), fixtureModels());
}

/** Preferences from a partial literal: `prefs({ positive: { soft: [...] } })`. */
export function prefs(p: { positive?: Partial<Preferences["positive"]>; negative?: Partial<Preferences["negative"]> }): Preferences {
  const e = emptyPreferences();
  return { positive: { ...e.positive, ...p.positive }, negative: { ...e.negative, ...p.negative } };
}

/** Every item's total of the given terms, computed the slow obvious way (a reference for the Aggregator). */
export function naiveScores(terms: ScoreTerm[], ctx: ToolContext): number[] {
  return ctx.catalog.ids.map((_, item) =>
    terms.reduce((sum, t) => {
      if (t.kind === "dense") return sum + t.weight * dot((t.space === "semantic" ? ctx.semantic : ctx.collaborative).row(item), t.query);
      if (t.kind === "bonus") return sum + (ctx.index.matches(t.predicate, item) ? t.weight : 0);
      return sum + t.weight * t.values[item];
    }, 0),
  );
}
