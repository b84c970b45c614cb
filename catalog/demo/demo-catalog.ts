import { createHash } from "node:crypto";
import type { CatalogSchema, ItemRecord } from "../../schemas/catalog-schema.ts";
import type { Catalog } from "../catalog.ts";
import { CatalogBuilder } from "../catalog-builder.ts";
import { BRANDS } from "./brands.ts";
import { CATEGORY_NAMES } from "./categories.ts";
import { ItemGenerator } from "./item-generator.ts";
import { ItemIndex } from "./item-index.ts";
import { createItemTable } from "./item-table.ts";
import { Rng } from "./prng.ts";
import { describeItem } from "./text-generator.ts";
import { generateUser } from "./user-generator.ts";
import { COLOURS, GENDERS, LENGTHS, MATERIALS, PATTERNS, SEASONS, STYLES } from "./vocabulary.ts";

/** Bump whenever the generated content changes, so cached models keyed by contentHash are rebuilt. */
export const GENERATOR_VERSION = "demo-fashion/1";

export interface DemoOptions {
  /** default 42 */
  seed?: number;
  /** default 20,000 */
  items?: number;
  /** default max(2000, round(items / 10)) */
  users?: number;
}

const DEFAULT_ITEMS = 20_000;

/** The demo catalog's attribute types and the words shoppers use for them. */
export const DEMO_SCHEMA: CatalogSchema = {
  attributes: {
    gender: { type: "category", synonyms: ["department", "womenswear", "menswear", "for women", "for men"] },
    category: { type: "category", synonyms: ["type", "kind", "product type", "clothing"] },
    colour: { type: "category", synonyms: ["color", "colours", "colors", "shade"] },
    pattern: { type: "category", synonyms: ["print", "motif", "patterned"] },
    material: { type: "category", synonyms: ["fabric", "made of", "made from"] },
    length: { type: "category", synonyms: ["hemline", "how long"] },
    season: { type: "category", multi: true, synonyms: ["weather", "time of year", "seasonal"] },
    style: { type: "category", multi: true, synonyms: ["look", "vibe", "occasion", "aesthetic"] },
    brand: { type: "category", synonyms: ["label", "designer", "make"] },
    price: { type: "number", unit: "EUR", synonyms: ["cost", "cheap", "expensive", "budget", "pricey", "affordable", "euros", "€"] },
    rating: { type: "number", unit: "stars", synonyms: ["stars", "rated", "top-rated", "best-rated", "score"] },
    reviews: { type: "number", synonyms: ["review count", "number of reviews", "popular", "bestseller", "bestselling"] },
  },
};

/** The values each categorical attribute may take, in the catalog's spelling. */
export const DEMO_VOCABULARY: Record<string, readonly string[]> = {
  gender: GENDERS, category: CATEGORY_NAMES, colour: COLOURS, pattern: PATTERNS, material: MATERIALS, length: LENGTHS,
  season: SEASONS, style: STYLES, brand: BRANDS.map((b) => b.name),
};

function resolve(options: DemoOptions): Required<DemoOptions> {
  const seed = options.seed ?? 42;
  const items = options.items ?? DEFAULT_ITEMS;
  const users = options.users ?? Math.max(2000, Math.round(items / 10));
  if (!Number.isInteger(items) || items < 1) throw new RangeError(`demo catalog: items must be a positive integer, got ${items}`);
  if (!Number.isInteger(users) || users < 0) throw new RangeError(`demo catalog: users must be a non-negative integer, got ${users}`);
  return { seed, items, users };
}

/** sha256 of the generator version and its options: the demo's content is a pure function of them. */
export function demoContentHash(options: DemoOptions = {}): string {
  const { seed, items, users } = resolve(options);
  return createHash("sha256").update(JSON.stringify({ generator: GENERATOR_VERSION, seed, items, users })).digest("hex");
}

function padded(prefix: string, n: number, total: number): string {
  return prefix + String(n).padStart(Math.max(4, String(total).length), "0");
}

/**
 * The built-in demo: a fashion store (Taobao-like feed) with coherent attributes, shop-style titles
 * and descriptions, and simulated shoppers whose histories carry real collaborative signal.
 * Deterministic in its options.
 */
export function generateDemoCatalog(options: DemoOptions = {}): Catalog {
  const { seed, items, users } = resolve(options);
  const root = new Rng(seed, GENERATOR_VERSION);
  const itemRng = root.fork("items");
  const textRng = root.fork("text");
  const userRng = root.fork("users");

  const builder = new CatalogBuilder({
    ref: items === DEFAULT_ITEMS ? "demo" : `demo:${items}`,
    name: "RecBot demo fashion store",
    schema: DEMO_SCHEMA,
  });
  const table = createItemTable(items);
  const generator = new ItemGenerator(itemRng);
  const ids: string[] = new Array(items);
  for (let i = 0; i < items; i++) {
    const item = generator.next(i, table);
    const { title, description } = describeItem(item, textRng);
    ids[i] = padded("p", i + 1, items);
    const attributes: ItemRecord["attributes"] = {
      gender: item.gender, category: item.category.name, colour: item.colour, material: item.material,
      season: item.seasons, style: item.styles, brand: item.brand.name, price: item.price, reviews: item.reviews,
    };
    if (item.pattern) attributes.pattern = item.pattern;
    if (item.length) attributes.length = item.length;
    if (item.rating !== undefined) attributes.rating = item.rating;
    const problems = builder.addItem({ id: ids[i], title, description, attributes });
    if (problems.length > 0) throw new Error(`demo item ${ids[i]}: ${problems.map((p) => `${p.field} ${p.reason}`).join("; ")}`);
  }

  const index = new ItemIndex(table);
  for (let u = 0; u < users; u++) {
    const userId = padded("u", u + 1, users);
    generateUser(userRng, index, table, (item, rating, timestamp) => builder.addInteraction(userId, ids[item], rating, timestamp));
  }
  return builder.build(demoContentHash({ seed, items, users }));
}
