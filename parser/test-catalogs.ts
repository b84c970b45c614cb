import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CatalogBuilder } from "../catalog/catalog-builder.ts";
import { loadCatalogModels } from "../models/build-models.ts";
import { prepareCatalog } from "../runtime/prepared-catalog.ts";
import { emptyPreferences, type Preferences } from "../schemas/preferences.ts";
import { createToolContext, type ToolContext } from "../tools/tool-context.ts";
import { parseOffline } from "./parse-offline.ts";

/** MovieLens is read from the shared folder beside the repository. */
export const mlRef = `movielens:${fileURLToPath(new URL("../../shared/data/ml-latest-small/", import.meta.url))}`;

const contexts = new Map<string, Promise<ToolContext>>();

/** A prepared catalog's context, loaded once per test file (models from the default cache). */
export function contextOf(ref: string): Promise<ToolContext> {
  let ctx = contexts.get(ref);
  if (!ctx) contexts.set(ref, (ctx = prepareCatalog(ref).then((p) => p.context)));
  return ctx;
}

const BOOKS: [string, string, string[], string, string, number, number, number][] = [
  ["Dragon Road", "An epic quest with dragons and sword fights across a magic kingdom", ["Fantasy"], "paperback", "English", 420, 12.99, 2004],
  ["The Ember Throne", "Dragons, wizards and a war for the throne", ["Fantasy"], "hardcover", "English", 610, 27.5, 2011],
  ["Stars Beyond", "A starship crew explores distant planets and alien worlds", ["Science Fiction"], "paperback", "English", 350, 9.99, 1968],
  ["Orbit of Glass", "Robots and artificial intelligence on a space station", ["Science Fiction"], "ebook", "English", 280, 4.99, 2019],
  ["Le Vaisseau", "Voyage spatial et planetes lointaines", ["Science Fiction"], "paperback", "French", 300, 11, 1972],
  ["Murder at Midnight", "A detective solves a murder in a quiet village", ["Mystery"], "paperback", "English", 250, 8.5, 1934],
  ["The Silent Witness", "A lawyer and a detective chase a killer", ["Mystery", "Thriller"], "hardcover", "English", 390, 24, 1999],
  ["Cold Trail", "A tense thriller about a kidnapping in the mountains", ["Thriller"], "audiobook", "English", 330, 19.99, 2015],
  ["Summer Letters", "Two strangers fall in love through letters one summer", ["Romance"], "paperback", "English", 310, 7.99, 2008],
  ["Paris Hearts", "A love story in Paris", ["Romance"], "ebook", "French", 220, 3.99, 2016],
  ["The Iron Duke", "The life of a famous general and statesman", ["Biography", "History"], "hardcover", "English", 700, 35, 1962],
  ["Queen of the Nile", "A historical novel about an ancient Egyptian queen", ["Historical Fiction"], "paperback", "English", 480, 14.5, 1961],
  ["Rivers of Rome", "War and politics in ancient Rome, a historical epic", ["Historical Fiction"], "hardcover", "English", 540, 29, 1987],
  ["Quiet Verses", "Short poems about nature and the sea", ["Poetry"], "paperback", "English", 90, 10, 1975],
  ["Night Songs", "Poems of the city at night", ["Poetry"], "ebook", "French", 70, 2.99, 2020],
  ["Haunted Hollow", "Ghosts and a haunted house terrify a family", ["Horror"], "paperback", "English", 360, 9.5, 1983],
  ["The Cellar", "A creepy horror story of something in the cellar", ["Horror"], "ebook", "English", 200, 4.5, 2012],
  ["Kitchen Science", "Cooking explained through chemistry, with recipes", ["Cookbook", "Science"], "hardcover", "English", 260, 32, 2014],
];

let books: Promise<ToolContext> | undefined;

/** A small book shop (18 items) with its own schema: genre, format, language, pages, price (USD), published. */
export function booksContext(): Promise<ToolContext> {
  books ??= (async () => {
    const builder = new CatalogBuilder({
      ref: "test:books",
      name: "test books",
      schema: {
        attributes: {
          genre: { type: "category", multi: true, synonyms: ["genres"] },
          format: { type: "category", synonyms: ["edition", "binding"] },
          language: { type: "category", synonyms: ["written in"] },
          pages: { type: "number", unit: "pages", synonyms: ["long", "short", "length"] },
          price: { type: "number", unit: "USD", synonyms: ["cost", "cheap", "expensive"] },
          published: { type: "number", synonyms: ["year", "old", "new", "recent"] },
        },
      },
    });
    BOOKS.forEach(([title, description, genre, format, language, pages, price, published], i) =>
      builder.addItem({ id: `b${i + 1}`, title, description, attributes: { genre, format, language, pages, price, published } }),
    );
    for (let u = 0; u < 30; u++) for (let k = 0; k < 4; k++) builder.addInteraction(`u${u}`, `b${((u * 7 + k * 5) % BOOKS.length) + 1}`, 5, k);
    const catalog = builder.build("parser-books-test");
    const models = await loadCatalogModels(catalog, { dataDir: mkdtempSync(join(tmpdir(), "recbot-parser-books-")), progress: false });
    return createToolContext(catalog, models);
  })();
  return books;
}

/** Parses one command on an empty memory (or the given one) and returns P_{t+1}. */
export function parse(ctx: ToolContext, command: string, options: { memory?: Preferences; feed?: string[] } = {}): Preferences {
  return parseOffline({ command, memory: options.memory ?? emptyPreferences(), feed: options.feed ?? [] }, ctx).preferences;
}

/** Preferences from a partial literal. */
export function prefs(p: { positive?: Partial<Preferences["positive"]>; negative?: Partial<Preferences["negative"]> }): Preferences {
  const out = emptyPreferences();
  Object.assign(out.positive, p.positive ?? {});
  Object.assign(out.negative, p.negative ?? {});
  return out;
}
