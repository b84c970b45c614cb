import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { emptyPreferences, type Constraint, type Preferences } from "../schemas/preferences.ts";
import { prepareCatalog } from "../runtime/prepared-catalog.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { parseOffline } from "./parse-offline.ts";

/**
 * Three small catalogs of other domains (books, restaurants, electronics) in the generic folder format, with
 * hand-written commands and gold P_{t+1}. Items are generated deterministically; nothing in the parser names them.
 */
export interface OtherItem {
  id: string;
  title: string;
  description: string;
  attributes: Record<string, string | string[] | number>;
}

export interface OtherCase {
  id: string;
  command: string;
  memory?: Preferences;
  feed?: string[];
  gold: Preferences;
  tags?: string[];
}

export interface OtherCatalog {
  name: string;
  schema: { attributes: Record<string, { type: "number" | "category"; multi?: boolean; unit?: string; synonyms?: string[] }> };
  items: OtherItem[];
  cases: OtherCase[];
}

/** Small deterministic generator (LCG). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const between = (r: () => number, lo: number, hi: number) => lo + r() * (hi - lo);
const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

export const cat = (attribute: string, ...values: string[]): Constraint => ({ attribute, values });
export const range = (attribute: string, min?: number, max?: number): Constraint => {
  const c = { attribute } as { attribute: string; min?: number; max?: number };
  if (min !== undefined) c.min = min;
  if (max !== undefined) c.max = max;
  return c as Constraint;
};
export const text = (t: string): Constraint => ({ attribute: "text", text: t });
export const item = (...ids: string[]): Constraint => ({ attribute: "item", values: ids });

/** Preferences from bucket lists: ph positive hard, ps positive soft, nh negative hard, ns negative soft. */
export function P(b: { ph?: Constraint[]; ps?: Constraint[]; nh?: Constraint[]; ns?: Constraint[] } = {}): Preferences {
  const p = emptyPreferences();
  p.positive.hard.push(...(b.ph ?? []));
  p.positive.soft.push(...(b.ps ?? []));
  p.negative.hard.push(...(b.nh ?? []));
  p.negative.soft.push(...(b.ns ?? []));
  return p;
}

/** Median of a numeric attribute over feed items (what relative commands are measured against). */
export function feedMedian(items: OtherItem[], attribute: string, feed: string[]): number {
  const values = feed.map((id) => items.find((i) => i.id === id)!.attributes[attribute] as number).sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

// ---------------------------------------------------------------- books

const BOOK_GENRES = ["Fantasy", "Science Fiction", "Mystery", "Thriller", "Romance", "Historical Fiction", "Horror", "Biography", "Poetry", "Self-Help", "Young Adult", "Graphic Novel", "True Crime", "Cookbook"] as const;
const BOOK_WORDS: Record<string, [string[], string]> = {
  Fantasy: [["Dragon", "Throne", "Sorcerer", "Crown", "Kingdom"], "a quest with dragons, wizards and magic swords"],
  "Science Fiction": [["Starship", "Orbit", "Android", "Nebula", "Colony"], "a crew explores distant planets, robots and alien worlds"],
  Mystery: [["Murder", "Secret", "Clue", "Vanishing", "Witness"], "a detective solves a murder in a quiet village"],
  Thriller: [["Pursuit", "Shadow", "Conspiracy", "Deadline", "Hunt"], "a tense chase against a ruthless killer"],
  Romance: [["Hearts", "Kiss", "Summer", "Letters", "Promise"], "two strangers fall in love over one summer"],
  "Historical Fiction": [["Empire", "Legion", "Queen", "Rebellion", "Dynasty"], "war and politics in an ancient empire"],
  Horror: [["Haunting", "Cellar", "Ghosts", "Nightmare", "Hollow"], "ghosts terrify a family in a haunted house"],
  Biography: [["Life", "Journey", "Memoir", "Portrait", "Years"], "the true life story of a famous statesman"],
  Poetry: [["Verses", "Songs", "Poems", "Rhymes", "Odes"], "short poems about nature, the sea and the city"],
  "Self-Help": [["Habits", "Mindset", "Focus", "Balance", "Growth"], "practical advice to build better habits"],
  "Young Adult": [["Academy", "Rebels", "Chosen", "Summer", "Secrets"], "a teenage girl discovers her hidden powers"],
  "Graphic Novel": [["Panels", "Ink", "Heroes", "Vigilante", "Comic"], "an illustrated story of masked heroes"],
  "True Crime": [["Case", "Killer", "Trial", "Evidence", "Confession"], "the real investigation of a notorious case"],
  Cookbook: [["Kitchen", "Recipes", "Flavours", "Table", "Baking"], "simple recipes for home cooking and baking"],
};
const AUTHORS = ["Margaret Holloway", "James Okafor", "Elena Petrova", "Tom Whitfield", "Aiko Tanaka", "Lucas Moreau", "Sofia Rinaldi", "Daniel Brandt", "Grace Kimura", "Henry Ashdown", "Nadia Haddad", "Oliver Quinn"];
const LANGUAGES = ["English", "English", "English", "French", "Spanish", "German"];
const FORMATS = ["hardcover", "paperback", "paperback", "ebook", "audiobook"];
const TITLE_ADJ = ["Silent", "Last", "Hidden", "Broken", "Golden", "Winter", "Lost", "Crimson", "Endless", "Quiet"];

function bookItems(): OtherItem[] {
  const r = rng(11);
  const out: OtherItem[] = [];
  for (let i = 0; i < 90; i++) {
    const main = BOOK_GENRES[i % BOOK_GENRES.length];
    const genres = [main];
    if (r() < 0.25) {
      const extra = pick(r, BOOK_GENRES);
      if (extra !== main) genres.push(extra);
    }
    const [nouns, blurb] = BOOK_WORDS[main];
    const title = `The ${pick(r, TITLE_ADJ)} ${pick(r, nouns)}${i >= 45 ? " " + (i % 9 + 2) : ""}`;
    const pages = main === "Poetry" ? Math.round(between(r, 60, 160)) : Math.round(between(r, 150, 820));
    out.push({
      id: `bk${i + 1}`,
      title,
      description: `A ${main.toLowerCase()} book: ${blurb}.`,
      attributes: {
        genre: genres,
        author: AUTHORS[(i * 5) % AUTHORS.length],
        language: pick(r, LANGUAGES),
        format: pick(r, FORMATS),
        pages,
        year: Math.round(between(r, 1952, 2024)),
        price: round(between(r, 3, 45), 2),
        rating: round(between(r, 2.6, 5), 1),
      },
    });
  }
  return out;
}

const books: OtherItem[] = bookItems();
const bookFeed = ["bk3", "bk8", "bk15", "bk22", "bk40"];
const bm = (attr: string) => feedMedian(books, attr, bookFeed);

export const BOOKS: OtherCatalog = {
  name: "books",
  schema: {
    attributes: {
      genre: { type: "category", multi: true, synonyms: ["genres"] },
      author: { type: "category", synonyms: ["writer", "authors"] },
      language: { type: "category", synonyms: ["written in"] },
      format: { type: "category", synonyms: ["edition", "binding"] },
      pages: { type: "number", unit: "pages", synonyms: ["length", "long", "short", "page count"] },
      year: { type: "number", synonyms: ["published", "publication year", "new", "old", "recent"] },
      price: { type: "number", unit: "USD", synonyms: ["cost", "cheap", "expensive"] },
      rating: { type: "number", unit: "stars", synonyms: ["rated", "stars"] },
    },
  },
  items: books,
  cases: [
    { id: "bk-01", command: "fantasy books please", gold: P({ ps: [cat("genre", "Fantasy")] }), tags: ["soft"] },
    { id: "bk-02", command: "only science fiction", gold: P({ ph: [cat("genre", "Science Fiction")] }), tags: ["hard", "multiword"] },
    { id: "bk-03", command: "no horror", gold: P({ nh: [cat("genre", "Horror")] }), tags: ["negation"] },
    { id: "bk-04", command: "under 300 pages", gold: P({ ph: [range("pages", undefined, 299)] }), tags: ["numeric", "unit"] },
    { id: "bk-05", command: "less than $15", gold: P({ ph: [range("price", undefined, 15)] }), tags: ["numeric", "currency"] },
    { id: "bk-06", command: "rated at least 4 stars", gold: P({ ph: [range("rating", 4)] }), tags: ["numeric", "unit"] },
    { id: "bk-07", command: "mysteries from the 80s", gold: P({ ps: [cat("genre", "Mystery")], ph: [range("year", 1980, 1989)] }), tags: ["decade", "plural"] },
    { id: "bk-08", command: "something by Margaret Holloway", gold: P({ ps: [cat("author", "Margaret Holloway")] }), tags: ["multiword"] },
    { id: "bk-09", command: "nothing written in German", gold: P({ nh: [cat("language", "German")] }), tags: ["negation"] },
    { id: "bk-10", command: "I'd like a thriler, paperback only", gold: P({ ps: [cat("genre", "Thriller")], ph: [cat("format", "paperback")] }), tags: ["typo", "scope"] },
    { id: "bk-11", command: "no more graphic novels, show me true crime instead", gold: P({ nh: [cat("genre", "Graphic Novel")], ps: [cat("genre", "True Crime")] }), tags: ["negation", "plural", "multiword"] },
    { id: "bk-12", command: "more like the second one", feed: bookFeed, gold: P({ ps: [item("bk8")] }), tags: ["feed"] },
    { id: "bk-13", command: "something like the last book", feed: bookFeed, gold: P({ ps: [item("bk40")] }), tags: ["feed"] },
    { id: "bk-14", command: "shorter ones", feed: bookFeed, gold: P({ ph: [range("pages", undefined, bm("pages") - 1)] }), tags: ["relative"] },
    { id: "bk-15", command: "newer please", feed: bookFeed, gold: P({ ph: [range("year", bm("year") + 1)] }), tags: ["relative"] },
    { id: "bk-16", command: "something scary", gold: P({ ps: [cat("genre", "Horror")] }), tags: ["lexicon"] },
    { id: "bk-17", command: "between 200 and 400 pages", gold: P({ ph: [range("pages", 200, 400)] }), tags: ["numeric"] },
    { id: "bk-18", command: "less than a hundred pages", gold: P({ ph: [range("pages", undefined, 99)] }), tags: ["numeric", "number-word"] },
    { id: "bk-19", command: "under twenty dollars", gold: P({ ph: [range("price", undefined, 20)] }), tags: ["numeric", "number-word"] },
    { id: "bk-20", command: "not so much romance", gold: P({ ns: [cat("genre", "Romance")] }), tags: ["negation", "soft"] },
    {
      id: "bk-21",
      command: "actually poetry is fine",
      memory: P({ ps: [cat("genre", "Fantasy")], nh: [cat("genre", "Poetry")] }),
      gold: P({ ps: [cat("genre", "Fantasy")] }),
      tags: ["memory", "accept"],
    },
    {
      id: "bk-22",
      command: "also in French",
      memory: P({ ps: [cat("genre", "Romance")] }),
      gold: P({ ps: [cat("genre", "Romance"), cat("language", "French")] }),
      tags: ["memory"],
    },
    {
      id: "bk-23",
      command: "forget the page count",
      memory: P({ ph: [range("pages", undefined, 299)], ps: [cat("genre", "Mystery")] }),
      gold: P({ ps: [cat("genre", "Mystery")] }),
      tags: ["memory", "forget"],
    },
    { id: "bk-24", command: "published after 2015, ebooks only", gold: P({ ph: [range("year", 2016), cat("format", "ebook")] }), tags: ["numeric", "plural"] },
    { id: "bk-25", command: "like the second to last one", feed: bookFeed, gold: P({ ps: [item("bk22")] }), tags: ["feed"] },
    { id: "bk-26", command: "around 25 dollars", gold: P({ ph: [range("price", 21.25, 28.75)] }), tags: ["numeric", "approx"] },
    { id: "bk-27", command: "young adult or fantasy, but no audiobooks", gold: P({ ps: [cat("genre", "Young Adult", "Fantasy")], nh: [cat("format", "audiobook")] }), tags: ["multiword", "negation"] },
    { id: "bk-28", command: "less self help", gold: P({ ns: [cat("genre", "Self-Help")] }), tags: ["negation", "soft", "multiword"] },
    { id: "bk-29", command: "books from the nineties with twenty five dollars max", gold: P({ ph: [range("year", 1990, 1999), range("price", undefined, 25)] }), tags: ["decade", "number-word"] },
    { id: "bk-30", command: "a cheap detective novel", gold: P({ ps: [cat("genre", "Mystery")] }), tags: ["lexicon", "adjective"] },
    { id: "bk-31", command: "highly rated historical fiction", gold: P({ ps: [cat("genre", "Historical Fiction")] }), tags: ["adjective", "multiword"] },
    { id: "bk-32", command: "not by James Okafor or Elena Petrova", gold: P({ nh: [cat("author", "James Okafor", "Elena Petrova")] }), tags: ["negation", "multiword"] },
    { id: "bk-33", command: "audio books in spanish", gold: P({ ps: [cat("format", "audiobook"), cat("language", "Spanish")] }), tags: ["compound"] },
    { id: "bk-34", command: "at most 150 pages of poems", gold: P({ ph: [range("pages", undefined, 150)], ps: [cat("genre", "Poetry")] }), tags: ["numeric", "lexicon"] },
    { id: "bk-35", command: "nothing published before 1970", gold: P({ ph: [range("year", 1970)] }), tags: ["numeric", "negation"] },
    { id: "bk-36", command: "I'd rather have hardcovers", gold: P({ ps: [cat("format", "hardcover")] }), tags: ["soft", "plural"] },
    { id: "bk-37", command: "anything but poetry", gold: P({ nh: [cat("genre", "Poetry")] }), tags: ["negation"] },
    { id: "bk-38", command: "shorter than 250 pages", gold: P({ ph: [range("pages", undefined, 249)] }), tags: ["numeric", "comparative"] },
    { id: "bk-39", command: "published in the 2000s", gold: P({ ph: [range("year", 2000, 2009)] }), tags: ["decade"] },
    { id: "bk-40", command: "from the early 90s", gold: P({ ph: [range("year", 1990, 1993)] }), tags: ["decade"] },
    { id: "bk-41", command: "4.5 stars or better", gold: P({ ph: [range("rating", 4.5)] }), tags: ["numeric"] },
    { id: "bk-42", command: "no ebooks please", gold: P({ nh: [cat("format", "ebook")] }), tags: ["negation", "plural"] },
    { id: "bk-43", command: "more sci-fi", gold: P({ ps: [cat("genre", "Science Fiction")] }), tags: ["alias"] },
    { id: "bk-44", command: "in english only", gold: P({ ph: [cat("language", "English")] }), tags: ["hard"] },
    { id: "bk-45", command: "less expensive ones", feed: bookFeed, gold: P({ ph: [range("price", undefined, bm("price"))] }), tags: ["relative"] },
    { id: "bk-46", command: "books by Aiko Tanaka but not audiobooks", gold: P({ ps: [cat("author", "Aiko Tanaka")], nh: [cat("format", "audiobook")] }), tags: ["multiword", "negation"] },
    { id: "bk-47", command: "a romance under 10 bucks", gold: P({ ps: [cat("genre", "Romance")], ph: [range("price", undefined, 10)] }), tags: ["numeric", "currency"] },
    { id: "bk-48", command: "over 500 pages", gold: P({ ph: [range("pages", 501)] }), tags: ["numeric"] },
    { id: "bk-49", command: "no thrillers, no horror", gold: P({ nh: [cat("genre", "Thriller", "Horror")] }), tags: ["negation"] },
    { id: "bk-50", command: "cookbooks", gold: P({ ps: [cat("genre", "Cookbook")] }), tags: ["plural"] },
    { id: "bk-51", command: "biographies from before 1980", gold: P({ ps: [cat("genre", "Biography")], ph: [range("year", undefined, 1979)] }), tags: ["numeric", "plural"] },
    {
      id: "bk-52",
      command: "remove the price limit",
      memory: P({ ph: [range("price", undefined, 20)], ps: [cat("genre", "Fantasy")] }),
      gold: P({ ps: [cat("genre", "Fantasy")] }),
      tags: ["memory", "forget"],
    },
    { id: "bk-53", command: "the top one but cheaper", feed: bookFeed, gold: P({ ps: [item("bk3")], ph: [range("price", undefined, bm("price"))] }), tags: ["feed", "relative"] },
    { id: "bk-54", command: "I'm in the mood for a mystery, nothing longer than 400 pages", gold: P({ ps: [cat("genre", "Mystery")], ph: [range("pages", undefined, 400)] }), tags: ["numeric", "negation", "mixed"] },
    { id: "bk-55", command: "written by Oliver Quinn or Grace Kimura", gold: P({ ps: [cat("author", "Oliver Quinn", "Grace Kimura")] }), tags: ["multiword"] },
    { id: "bk-56", command: "Spanish or French books from after 2010", gold: P({ ps: [cat("language", "Spanish", "French")], ph: [range("year", 2011)] }), tags: ["numeric"] },
    { id: "bk-57", command: "no true crime or self-help", gold: P({ nh: [cat("genre", "True Crime", "Self-Help")] }), tags: ["negation", "multiword"] },
    { id: "bk-58", command: "paperbacks under $12 please", gold: P({ ps: [cat("format", "paperback")], ph: [range("price", undefined, 12)] }), tags: ["numeric", "plural"] },
    { id: "bk-59", command: "a graphic novel", gold: P({ ps: [cat("genre", "Graphic Novel")] }), tags: ["multiword"] },
    { id: "bk-60", command: "more like the fourth book", feed: bookFeed, gold: P({ ps: [item("bk22")] }), tags: ["feed"] },
    { id: "bk-61", command: "not the first one", feed: bookFeed, gold: P({ nh: [item("bk3")] }), tags: ["feed", "negation"] },
    { id: "bk-62", command: "older ones", feed: bookFeed, gold: P({ ph: [range("year", undefined, bm("year") - 1)] }), tags: ["relative"] },
    {
      id: "bk-63",
      command: "actually, no fantasy either",
      memory: P({ ps: [cat("genre", "Fantasy")], nh: [cat("genre", "Horror")] }),
      gold: P({ nh: [cat("genre", "Horror", "Fantasy")] }),
      tags: ["memory", "negation"],
    },
    {
      id: "bk-64",
      command: "make it the 2000s instead",
      memory: P({ ph: [range("year", 1990, 1999)], ps: [cat("genre", "Thriller")] }),
      gold: P({ ph: [range("year", 2000, 2009)], ps: [cat("genre", "Thriller")] }),
      tags: ["memory", "decade"],
    },
    { id: "bk-65", command: "at least 300 but no more than 600 pages", gold: P({ ph: [range("pages", 300, 600)] }), tags: ["numeric"] },
    { id: "bk-66", command: "rated higher than 4.2", gold: P({ ph: [range("rating", 4.2)] }), tags: ["numeric"] },
    { id: "bk-67", command: "fantasy but not young adult", gold: P({ ps: [cat("genre", "Fantasy")], nh: [cat("genre", "Young Adult")] }), tags: ["negation", "scope"] },
    { id: "bk-68", command: "a short book", gold: P(), tags: ["adjective"] },
    { id: "bk-69", command: "under 20 bucks and under 300 pages", gold: P({ ph: [range("price", undefined, 20), range("pages", undefined, 299)] }), tags: ["numeric"] },
    { id: "bk-70", command: "novels in german from the 60s", gold: P({ ps: [cat("language", "German")], ph: [range("year", 1960, 1969)] }), tags: ["decade"] },
    { id: "bk-71", command: "horror or thriller, 3.5 stars or more", gold: P({ ps: [cat("genre", "Horror", "Thriller")], ph: [range("rating", 3.5)] }), tags: ["numeric"] },
    { id: "bk-72", command: "I've already read the third one", feed: bookFeed, gold: P({ nh: [item("bk15")] }), tags: ["feed", "negation"] },
    { id: "bk-73", command: "hardcover editions only", gold: P({ ph: [cat("format", "hardcover")] }), tags: ["hard", "synonym"] },
  ],
};

// ---------------------------------------------------------------- restaurants

const CUISINES = ["Italian", "Japanese", "Mexican", "Indian", "Thai", "French", "Chinese", "Middle Eastern", "Korean", "Vietnamese", "Greek", "American"] as const;
const DISHES: Record<string, [string, string]> = {
  Italian: ["Trattoria", "fresh pasta|wood-fired pizza|tiramisu|risotto"],
  Japanese: ["Sushi Bar", "sushi|ramen|grilled skewers|tempura"],
  Mexican: ["Cantina", "tacos|burritos|fresh salsa|spicy enchiladas"],
  Indian: ["Curry House", "spicy curries|tandoori chicken|naan|lentil dal"],
  Thai: ["Thai Kitchen", "green curry|pad thai|noodles|spicy salads"],
  French: ["Bistro", "classic bistro dishes|wine|cheese|steak frites"],
  Chinese: ["Dumpling House", "dumplings|noodles|roast duck|spicy tofu"],
  "Middle Eastern": ["Mezze Grill", "falafel|hummus|grilled kebabs|flatbread"],
  Korean: ["Korean BBQ", "barbecue at the table|kimchi|bibimbap|fried chicken"],
  Vietnamese: ["Pho Shop", "pho|banh mi|fresh spring rolls|noodle salads"],
  Greek: ["Taverna", "souvlaki|salads|grilled fish|moussaka"],
  American: ["Diner", "burgers|fries|milkshakes|pancakes"],
};
const NEIGHBOURHOODS = ["Old Town", "Harbour District", "Riverside", "University Quarter", "Market Square", "West End"];
const NAMES = ["Luna", "Golden", "Little", "Blue", "Corner", "Olive", "Red Lantern", "Sunset", "Green", "Royal"];
const DIETARY = ["vegan", "vegetarian", "gluten-free", "halal"];
const FEATURES = ["open late", "outdoor seating", "live music", "takeaway", "kid friendly"];

/** Two of a cuisine's dishes, so descriptions vary as real ones do. */
function dishes(r: () => number, list: string): string {
  const all = list.split("|");
  const a = Math.floor(r() * all.length);
  const b = (a + 1 + Math.floor(r() * (all.length - 1))) % all.length;
  return `${all[a]} and ${all[b]}`;
}

function restaurantItems(): OtherItem[] {
  const r = rng(23);
  const out: OtherItem[] = [];
  for (let i = 0; i < 84; i++) {
    const main = CUISINES[i % CUISINES.length];
    const cuisine = [main];
    if (r() < 0.15) {
      const extra = pick(r, CUISINES);
      if (extra !== main) cuisine.push(extra);
    }
    const dietary = DIETARY.filter(() => r() < 0.35);
    const features = FEATURES.filter(() => r() < 0.3);
    out.push({
      id: `r${i + 1}`,
      title: `${pick(r, NAMES)} ${DISHES[main][0]}${i >= 40 ? ` ${pick(r, NEIGHBOURHOODS).split(" ")[0]}` : ""}`,
      description: `A ${main} restaurant serving ${dishes(r, DISHES[main][1])}.`,
      attributes: {
        cuisine,
        neighbourhood: pick(r, NEIGHBOURHOODS),
        price: round(between(r, 9, 85), 0),
        rating: round(between(r, 2.8, 5), 1),
        dietary,
        features,
        distance: round(between(r, 0.2, 9), 1),
      },
    });
  }
  return out;
}

const restaurants = restaurantItems();
const restFeed = ["r2", "r9", "r14", "r30", "r51", "r66"];
const rm = (attr: string) => feedMedian(restaurants, attr, restFeed);

export const RESTAURANTS: OtherCatalog = {
  name: "restaurants",
  schema: {
    attributes: {
      cuisine: { type: "category", multi: true, synonyms: ["food", "cuisines"] },
      neighbourhood: { type: "category", synonyms: ["neighborhood", "area", "district"] },
      price: { type: "number", unit: "EUR", synonyms: ["average price", "cost", "cheap", "expensive", "budget"] },
      rating: { type: "number", unit: "stars", synonyms: ["rated"] },
      dietary: { type: "category", multi: true, synonyms: ["diet", "dietary options"] },
      features: { type: "category", multi: true, synonyms: ["amenities"] },
      distance: { type: "number", unit: "km", synonyms: ["far", "close", "near", "away"] },
    },
  },
  items: restaurants,
  cases: [
    { id: "rs-01", command: "italian food", gold: P({ ps: [cat("cuisine", "Italian")] }), tags: ["soft"] },
    { id: "rs-02", command: "only vegan places", gold: P({ ph: [cat("dietary", "vegan")] }), tags: ["hard"] },
    { id: "rs-03", command: "no mexican", gold: P({ nh: [cat("cuisine", "Mexican")] }), tags: ["negation"] },
    { id: "rs-04", command: "middle eastern in the old town", gold: P({ ps: [cat("cuisine", "Middle Eastern"), cat("neighbourhood", "Old Town")] }), tags: ["multiword"] },
    { id: "rs-05", command: "under 30 euros", gold: P({ ph: [range("price", undefined, 30)] }), tags: ["numeric", "currency"] },
    { id: "rs-06", command: "around 50 euros", gold: P({ ph: [range("price", 42.5, 57.5)] }), tags: ["numeric", "approx"] },
    { id: "rs-07", command: "at least 4.5 stars", gold: P({ ph: [range("rating", 4.5)] }), tags: ["numeric", "unit"] },
    { id: "rs-08", command: "within 2 km", gold: P({ ph: [range("distance", undefined, 2)] }), tags: ["numeric", "unit"] },
    { id: "rs-09", command: "must be gluten free", gold: P({ ph: [cat("dietary", "gluten-free")] }), tags: ["hard", "multiword"] },
    { id: "rs-10", command: "somewhere open late with live music", gold: P({ ps: [cat("features", "open late", "live music")] }), tags: ["multiword"] },
    { id: "rs-11", command: "not in the harbour district", gold: P({ nh: [cat("neighbourhood", "Harbour District")] }), tags: ["negation", "multiword"] },
    { id: "rs-12", command: "more like the third one", feed: restFeed, gold: P({ ps: [item("r14")] }), tags: ["feed"] },
    { id: "rs-13", command: "cheaper", feed: restFeed, gold: P({ ph: [range("price", undefined, rm("price"))] }), tags: ["relative"] },
    { id: "rs-14", command: "closer please", feed: restFeed, gold: P({ ph: [range("distance", undefined, rm("distance"))] }), tags: ["relative"] },
    { id: "rs-15", command: "enough japanese for this week", gold: P({ ns: [cat("cuisine", "Japanese")] }), tags: ["negation", "soft"] },
    { id: "rs-16", command: "thai or vietnamese, no more than 25 euros", gold: P({ ps: [cat("cuisine", "Thai", "Vietnamese")], ph: [range("price", undefined, 25)] }), tags: ["numeric", "multi"] },
    { id: "rs-17", command: "vegetarian friendly indian restaurants", gold: P({ ps: [cat("dietary", "vegetarian"), cat("cuisine", "Indian")] }), tags: ["soft"] },
    { id: "rs-18", command: "something like the last one but in riverside", feed: restFeed, gold: P({ ps: [item("r66"), cat("neighbourhood", "Riverside")] }), tags: ["feed"] },
    { id: "rs-19", command: "less than twenty euros a head", gold: P({ ph: [range("price", undefined, 20)] }), tags: ["numeric", "number-word"] },
    {
      id: "rs-20",
      command: "actually I'm fine with greek now",
      memory: P({ ps: [cat("cuisine", "Italian")], nh: [cat("cuisine", "Greek")] }),
      gold: P({ ps: [cat("cuisine", "Italian")] }),
      tags: ["memory", "accept"],
    },
    {
      id: "rs-21",
      command: "no more korean",
      memory: P({ ps: [cat("cuisine", "Korean", "Chinese")] }),
      gold: P({ ps: [cat("cuisine", "Chinese")], nh: [cat("cuisine", "Korean")] }),
      tags: ["memory", "negation"],
    },
    {
      id: "rs-22",
      command: "start over, only halal",
      memory: P({ ph: [range("price", undefined, 30)], ps: [cat("cuisine", "French")] }),
      gold: P({ ph: [cat("dietary", "halal")] }),
      tags: ["memory", "reset"],
    },
    { id: "rs-23", command: "with outdoor seating, not too far, under 3 km", gold: P({ ps: [cat("features", "outdoor seating")], ph: [range("distance", undefined, 3)] }), tags: ["numeric", "multiword"] },
    { id: "rs-24", command: "chineese food", gold: P({ ps: [cat("cuisine", "Chinese")] }), tags: ["typo"] },
    { id: "rs-25", command: "between 20 and 40 euros per person", gold: P({ ph: [range("price", 20, 40)] }), tags: ["numeric"] },
    { id: "rs-26", command: "kid-friendly places in the west end", gold: P({ ps: [cat("features", "kid friendly"), cat("neighbourhood", "West End")] }), tags: ["multiword"] },
    { id: "rs-27", command: "a cheap vegan lunch", gold: P({ ps: [cat("dietary", "vegan")] }), tags: ["adjective"] },
    { id: "rs-28", command: "highly rated korean, 4 stars and up", gold: P({ ps: [cat("cuisine", "Korean")], ph: [range("rating", 4)] }), tags: ["numeric"] },
    { id: "rs-29", command: "no more than 1.5 km away", gold: P({ ph: [range("distance", undefined, 1.5)] }), tags: ["numeric"] },
    { id: "rs-30", command: "somewhere in the univeristy quarter", gold: P({ ps: [cat("neighbourhood", "University Quarter")] }), tags: ["typo", "multiword"] },
    { id: "rs-31", command: "spicy food but nothing indian", gold: P({ nh: [cat("cuisine", "Indian")], ps: [text("spicy")] }), tags: ["negation", "text"] },
    { id: "rs-32", command: "less than 5 kilometres from here", gold: P({ ph: [range("distance", undefined, 5)] }), tags: ["numeric", "unit"] },
    { id: "rs-33", command: "pizza", gold: P({ ps: [text("pizza")] }), tags: ["text"] },
    { id: "rs-34", command: "vegan or vegetarian options", gold: P({ ps: [cat("dietary", "vegan", "vegetarian")] }), tags: ["soft"] },
    { id: "rs-35", command: "rated above 4", gold: P({ ph: [range("rating", 4)] }), tags: ["numeric"] },
    { id: "rs-36", command: "under €25", gold: P({ ph: [range("price", undefined, 25)] }), tags: ["numeric", "currency"] },
    { id: "rs-37", command: "less than 1 km away", gold: P({ ph: [range("distance", undefined, 1)] }), tags: ["numeric"] },
    { id: "rs-38", command: "Greek food in Market Square", gold: P({ ps: [cat("cuisine", "Greek"), cat("neighbourhood", "Market Square")] }), tags: ["multiword"] },
    { id: "rs-39", command: "not so much american", gold: P({ ns: [cat("cuisine", "American")] }), tags: ["negation", "soft"] },
    { id: "rs-40", command: "avoid the west end", gold: P({ nh: [cat("neighbourhood", "West End")] }), tags: ["negation", "multiword"] },
    { id: "rs-41", command: "korean barbecue", gold: P({ ps: [cat("cuisine", "Korean")] }), tags: ["soft"] },
    { id: "rs-42", command: "thai, only gluten free", gold: P({ ps: [cat("cuisine", "Thai")], ph: [cat("dietary", "gluten-free")] }), tags: ["scope"] },
    { id: "rs-43", command: "up to 40 euros", gold: P({ ph: [range("price", undefined, 40)] }), tags: ["numeric"] },
    { id: "rs-44", command: "with takeaway", gold: P({ ps: [cat("features", "takeaway")] }), tags: ["soft"] },
    { id: "rs-45", command: "no live music", gold: P({ nh: [cat("features", "live music")] }), tags: ["negation", "multiword"] },
    { id: "rs-46", command: "something like the second one but vegan", feed: restFeed, gold: P({ ps: [item("r9"), cat("dietary", "vegan")] }), tags: ["feed"] },
    { id: "rs-47", command: "more expensive", feed: restFeed, gold: P({ ph: [range("price", rm("price"))] }), tags: ["relative"] },
    { id: "rs-48", command: "at least four stars", gold: P({ ph: [range("rating", 4)] }), tags: ["numeric", "number-word"] },
    { id: "rs-49", command: "a romantic french bistro in the old town", gold: P({ ps: [cat("cuisine", "French"), cat("neighbourhood", "Old Town")] }), tags: ["multiword"] },
    { id: "rs-50", command: "no chinese or thai, and nothing over 35 euros", gold: P({ nh: [cat("cuisine", "Chinese", "Thai")], ph: [range("price", undefined, 35)] }), tags: ["negation", "numeric"] },
    { id: "rs-51", command: "somewhere with outdoor seating that's open late", gold: P({ ps: [cat("features", "outdoor seating", "open late")] }), tags: ["multiword"] },
    { id: "rs-52", command: "halal and kid friendly", gold: P({ ps: [cat("dietary", "halal"), cat("features", "kid friendly")] }), tags: ["soft"] },
    { id: "rs-53", command: "no more than 2 km from me and at least 4 stars", gold: P({ ph: [range("distance", undefined, 2), range("rating", 4)] }), tags: ["numeric"] },
    {
      id: "rs-54",
      command: "also mexican",
      memory: P({ ps: [cat("cuisine", "Italian")] }),
      gold: P({ ps: [cat("cuisine", "Italian", "Mexican")] }),
      tags: ["memory"],
    },
    {
      id: "rs-55",
      command: "forget the budget",
      memory: P({ ps: [cat("cuisine", "Japanese")], ph: [range("price", undefined, 30)] }),
      gold: P({ ps: [cat("cuisine", "Japanese")] }),
      tags: ["memory", "forget", "synonym"],
    },
    { id: "rs-56", command: "not the harbour district or riverside", gold: P({ nh: [cat("neighbourhood", "Harbour District", "Riverside")] }), tags: ["negation", "multiword"] },
    { id: "rs-57", command: "a cheap vietnamese place", gold: P({ ps: [cat("cuisine", "Vietnamese")] }), tags: ["adjective"] },
    { id: "rs-58", command: "less like the fourth one", feed: restFeed, gold: P({ ns: [item("r30")] }), tags: ["feed", "negation"] },
    { id: "rs-59", command: "somewhere in the university quarter with vegan options", gold: P({ ps: [cat("neighbourhood", "University Quarter"), cat("dietary", "vegan")] }), tags: ["multiword"] },
    { id: "rs-60", command: "italian or greek under 30 euros per person", gold: P({ ps: [cat("cuisine", "Italian", "Greek")], ph: [range("price", undefined, 30)] }), tags: ["numeric"] },
    { id: "rs-61", command: "nothing more than 5 km away", gold: P({ ph: [range("distance", undefined, 5)] }), tags: ["numeric", "negation"] },
    { id: "rs-62", command: "it has to be halal", gold: P({ ph: [cat("dietary", "halal")] }), tags: ["hard"] },
    {
      id: "rs-63",
      command: "not japanese anymore",
      memory: P({ ps: [cat("cuisine", "Japanese")] }),
      gold: P({ nh: [cat("cuisine", "Japanese")] }),
      tags: ["memory", "negation"],
    },
    { id: "rs-64", command: "show me something like the last one", feed: restFeed, gold: P({ ps: [item("r66")] }), tags: ["feed"] },
    { id: "rs-65", command: "4 star places or better", gold: P({ ph: [range("rating", 4)] }), tags: ["numeric"] },
    { id: "rs-66", command: "cheaper than 15 euros", gold: P({ ph: [range("price", undefined, 15)] }), tags: ["numeric"] },
  ],
};

// ---------------------------------------------------------------- electronics

const DEVICES: [string, [number, number], [number, number], [number, number], [number, number], string][] = [
  // category, screen inches, price USD, battery hours, weight kg, description words
  ["laptop", [13, 17.3], [450, 2400], [6, 20], [1.1, 2.8], "a thin laptop with a backlit keyboard for work and study"],
  ["tablet", [8, 13], [180, 1200], [8, 14], [0.3, 0.7], "a tablet for reading, drawing and streaming video"],
  ["smartphone", [5.4, 6.9], [150, 1400], [18, 40], [0.14, 0.24], "a phone with a bright display and a triple camera"],
  ["television", [32, 85], [250, 3500], [0, 0], [5, 40], "a smart TV with vivid colours for films and sport"],
  ["headphones", [0, 0], [30, 450], [15, 60], [0.2, 0.4], "wireless headphones with noise cancelling"],
  ["smartwatch", [1.2, 2], [99, 800], [18, 120], [0.03, 0.07], "a watch that tracks your fitness, sleep and heart rate"],
  ["monitor", [22, 34], [120, 1100], [0, 0], [3, 9], "a sharp monitor for gaming and photo editing"],
];
const BRANDS = ["Lumetra", "Voxa", "Kestrel", "Orion Labs", "Nimbus", "Tessel"];
const COLOURS = ["black", "silver", "white", "space grey", "midnight blue", "rose gold", "red"];

function electronicsItems(): OtherItem[] {
  const r = rng(37);
  const out: OtherItem[] = [];
  for (let i = 0; i < 91; i++) {
    const [category, screen, price, battery, weight, words] = DEVICES[i % DEVICES.length];
    const brand = pick(r, BRANDS);
    const attributes: Record<string, string | number> = {
      brand,
      category,
      colour: pick(r, COLOURS),
      price: round(between(r, ...price), 0) - 0.01,
      weight: round(between(r, ...weight), 2),
      rating: round(between(r, 3, 5), 1),
    };
    if (screen[1] > 0) attributes.screen = round(between(r, ...screen), 1);
    if (battery[1] > 0) attributes.battery = Math.round(between(r, ...battery));
    out.push({ id: `e${i + 1}`, title: `${brand} ${category === "television" ? "TV" : category[0].toUpperCase() + category.slice(1)} ${pick(r, ["Pro", "Air", "Max", "Mini", "One", "Plus", "S", "X"])} ${i + 1}`, description: `${words[0].toUpperCase()}${words.slice(1)}.`, attributes });
  }
  return out;
}

const electronics = electronicsItems();
const elecFeed = ["e1", "e8", "e15", "e22", "e29"]; // laptops
const em = (attr: string) => feedMedian(electronics, attr, elecFeed);

export const ELECTRONICS: OtherCatalog = {
  name: "electronics",
  schema: {
    attributes: {
      brand: { type: "category", synonyms: ["make", "manufacturer"] },
      category: { type: "category", synonyms: ["device", "type"] },
      colour: { type: "category", synonyms: ["color"] },
      screen: { type: "number", unit: "inches", synonyms: ["screen size", "display", "big", "small"] },
      price: { type: "number", unit: "USD", synonyms: ["cost", "cheap", "expensive"] },
      battery: { type: "number", unit: "hours", synonyms: ["battery life"] },
      weight: { type: "number", unit: "kg", synonyms: ["heavy", "light", "weighs"] },
      rating: { type: "number", unit: "stars", synonyms: ["rated"] },
    },
  },
  items: electronics,
  cases: [
    { id: "el-01", command: "show me laptops", gold: P({ ps: [cat("category", "laptop")] }), tags: ["plural", "soft"] },
    { id: "el-02", command: "only Lumetra", gold: P({ ph: [cat("brand", "Lumetra")] }), tags: ["hard"] },
    { id: "el-03", command: "I never want to see Orion Labs", gold: P({ nh: [cat("brand", "Orion Labs")] }), tags: ["negation", "multiword"] },
    { id: "el-04", command: "screens bigger than 15 inches", gold: P({ ph: [range("screen", 15)] }), tags: ["numeric", "unit"] },
    { id: "el-05", command: "less than $800", gold: P({ ph: [range("price", undefined, 800)] }), tags: ["numeric", "currency"] },
    { id: "el-06", command: "battery life of at least 10 hours", gold: P({ ph: [range("battery", 10)] }), tags: ["numeric", "unit"] },
    { id: "el-07", command: "a 6 inch phone", gold: P({ ph: [range("screen", 5.1, 6.9)], ps: [cat("category", "smartphone")] }), tags: ["numeric", "approx", "lexicon"] },
    { id: "el-08", command: "in space grey or midnight blue", gold: P({ ps: [cat("colour", "space grey", "midnight blue")] }), tags: ["multiword"] },
    { id: "el-09", command: "no rose gold", gold: P({ nh: [cat("colour", "rose gold")] }), tags: ["negation", "multiword"] },
    { id: "el-10", command: "tablets under 500 dollars", gold: P({ ps: [cat("category", "tablet")], ph: [range("price", undefined, 500)] }), tags: ["numeric", "plural"] },
    { id: "el-11", command: "more like the first one", feed: elecFeed, gold: P({ ps: [item("e1")] }), tags: ["feed"] },
    { id: "el-12", command: "cheaper than these", feed: elecFeed, gold: P({ ph: [range("price", undefined, em("price"))] }), tags: ["relative"] },
    { id: "el-13", command: "lighter than 1.5 kg", gold: P({ ph: [range("weight", undefined, 1.5)] }), tags: ["numeric", "comparative"] },
    { id: "el-14", command: "less stuff like the last one", feed: elecFeed, gold: P({ ns: [item("e29")] }), tags: ["feed", "negation"] },
    { id: "el-15", command: "headphones, not white", gold: P({ ps: [cat("category", "headphones")], nh: [cat("colour", "white")] }), tags: ["negation", "scope"] },
    { id: "el-16", command: "televisions of at least 55 inches", gold: P({ ps: [cat("category", "television")], ph: [range("screen", 55)] }), tags: ["numeric", "plural"] },
    { id: "el-17", command: "a smartwatch with over 48 hours of battery", gold: P({ ps: [cat("category", "smartwatch")], ph: [range("battery", 49)] }), tags: ["numeric"] },
    {
      id: "el-18",
      command: "forget the brand",
      memory: P({ ph: [cat("brand", "Voxa")], ps: [cat("category", "laptop")] }),
      gold: P({ ps: [cat("category", "laptop")] }),
      tags: ["memory", "forget"],
    },
    {
      id: "el-19",
      command: "black is fine too",
      memory: P({ ps: [cat("category", "monitor")], nh: [cat("colour", "black")] }),
      gold: P({ ps: [cat("category", "monitor")] }),
      tags: ["memory", "accept"],
    },
    {
      id: "el-20",
      command: "also under 1000 dollars",
      memory: P({ ps: [cat("category", "laptop")] }),
      gold: P({ ps: [cat("category", "laptop")], ph: [range("price", undefined, 1000)] }),
      tags: ["memory", "numeric"],
    },
    { id: "el-21", command: "no monitors or televisions", gold: P({ nh: [cat("category", "monitor", "television")] }), tags: ["negation", "plural"] },
    { id: "el-22", command: "a 15-inch laptop", gold: P({ ph: [range("screen", 12.75, 17.25)], ps: [cat("category", "laptop")] }), tags: ["numeric", "approx"] },
    { id: "el-23", command: "rated 4 stars or more, from Kestrel", gold: P({ ph: [range("rating", 4)], ps: [cat("brand", "Kestrel")] }), tags: ["numeric"] },
    { id: "el-24", command: "smartphones between 300 and 600 dollars", gold: P({ ps: [cat("category", "smartphone")], ph: [range("price", 300, 600)] }), tags: ["numeric"] },
    { id: "el-25", command: "not so many tablets", gold: P({ ns: [cat("category", "tablet")] }), tags: ["negation", "soft"] },
    { id: "el-26", command: "the third one but in silver", feed: elecFeed, gold: P({ ps: [item("e15"), cat("colour", "silver")] }), tags: ["feed"] },
    { id: "el-27", command: "weighs under two kilos", gold: P({ ph: [range("weight", undefined, 2)] }), tags: ["numeric", "number-word"] },
    { id: "el-28", command: "a laptop with a screen under 14 inches", gold: P({ ps: [cat("category", "laptop")], ph: [range("screen", undefined, 14)] }), tags: ["numeric"] },
    { id: "el-29", command: "only smart watches", gold: P({ ph: [cat("category", "smartwatch")] }), tags: ["compound"] },
    { id: "el-30", command: "no tvs", gold: P({ nh: [cat("category", "television")] }), tags: ["abbreviation", "negation"] },
    { id: "el-31", command: "longer battery life", feed: elecFeed, gold: P({ ph: [range("battery", em("battery") + 1)] }), tags: ["relative"] },
    { id: "el-32", command: "bigger screens than these", feed: elecFeed, gold: P({ ph: [range("screen", em("screen"))] }), tags: ["relative"] },
    { id: "el-33", command: "under a thousand dollars", gold: P({ ph: [range("price", undefined, 1000)] }), tags: ["number-word"] },
    { id: "el-34", command: "no headphones", gold: P({ nh: [cat("category", "headphones")] }), tags: ["negation"] },
    { id: "el-35", command: "a red smartwatch", gold: P({ ps: [cat("colour", "red"), cat("category", "smartwatch")] }), tags: ["soft"] },
    { id: "el-36", command: "anything from Voxa or Nimbus", gold: P({ ps: [cat("brand", "Voxa", "Nimbus")] }), tags: ["soft"] },
    { id: "el-37", command: "laptops with at least 12 hours of battery", gold: P({ ps: [cat("category", "laptop")], ph: [range("battery", 12)] }), tags: ["numeric"] },
    { id: "el-38", command: "under 1.2 kg", gold: P({ ph: [range("weight", undefined, 1.2)] }), tags: ["numeric"] },
    { id: "el-39", command: "a monitor of 27 inches or more", gold: P({ ps: [cat("category", "monitor")], ph: [range("screen", 27)] }), tags: ["numeric"] },
    { id: "el-40", command: "silver or white laptops, under $1500", gold: P({ ps: [cat("colour", "silver", "white"), cat("category", "laptop")], ph: [range("price", undefined, 1500)] }), tags: ["numeric"] },
    { id: "el-41", command: "not Tessel", gold: P({ nh: [cat("brand", "Tessel")] }), tags: ["negation"] },
    { id: "el-42", command: "i'd prefer a tablet", gold: P({ ps: [cat("category", "tablet")] }), tags: ["soft"] },
    { id: "el-43", command: "cheaper than $200", gold: P({ ph: [range("price", undefined, 200)] }), tags: ["numeric"] },
    { id: "el-44", command: "between 40 and 60 inch tvs", gold: P({ ps: [cat("category", "television")], ph: [range("screen", 40, 60)] }), tags: ["numeric"] },
    { id: "el-45", command: "phones", gold: P({ ps: [cat("category", "smartphone")] }), tags: ["cooccurrence"] },
    { id: "el-46", command: "a watch for running", gold: P({ ps: [cat("category", "smartwatch")] }), tags: ["cooccurrence"] },
    { id: "el-47", command: "heavier than 3 kg", gold: P({ ph: [range("weight", 3)] }), tags: ["numeric", "comparative"] },
    { id: "el-48", command: "only black or space grey", gold: P({ ph: [cat("colour", "black", "space grey")] }), tags: ["hard"] },
    {
      id: "el-49",
      command: "forget about the price",
      memory: P({ ph: [range("price", undefined, 900)], ps: [cat("category", "tablet")] }),
      gold: P({ ps: [cat("category", "tablet")] }),
      tags: ["memory", "forget"],
    },
    { id: "el-50", command: "the last one but smaller", feed: elecFeed, gold: P({ ps: [item("e29")], ph: [range("screen", undefined, em("screen"))] }), tags: ["feed", "relative"] },
    { id: "el-51", command: "a lightweight laptop under 1.5 kg with at least 16 hours of battery", gold: P({ ps: [cat("category", "laptop")], ph: [range("weight", undefined, 1.5), range("battery", 16)] }), tags: ["numeric", "mixed"] },
    { id: "el-52", command: "a big tv, 65 inches or more", gold: P({ ps: [cat("category", "television")], ph: [range("screen", 65)] }), tags: ["numeric"] },
    { id: "el-53", command: "headphones under 100 bucks", gold: P({ ps: [cat("category", "headphones")], ph: [range("price", undefined, 100)] }), tags: ["numeric"] },
    { id: "el-54", command: "not red or rose gold", gold: P({ nh: [cat("colour", "red", "rose gold")] }), tags: ["negation", "multiword"] },
    { id: "el-55", command: "Kestrel tablets only", gold: P({ ph: [cat("brand", "Kestrel"), cat("category", "tablet")] }), tags: ["hard", "scope"] },
    { id: "el-56", command: "from Lumetra, but not their phones", gold: P({ ps: [cat("brand", "Lumetra")], nh: [cat("category", "smartphone")] }), tags: ["negation", "cooccurrence"] },
    {
      id: "el-57",
      command: "make it under 1200",
      memory: P({ ps: [cat("category", "laptop")], ph: [range("price", undefined, 1000)] }),
      gold: P({ ps: [cat("category", "laptop")], ph: [range("price", undefined, 1200)] }),
      tags: ["memory", "numeric"],
    },
    { id: "el-58", command: "more like the second one but in black", feed: elecFeed, gold: P({ ps: [item("e8"), cat("colour", "black")] }), tags: ["feed"] },
    { id: "el-59", command: "a monitor around 27 inches", gold: P({ ps: [cat("category", "monitor")], ph: [range("screen", 22.95, 31.05)] }), tags: ["numeric", "approx"] },
    { id: "el-60", command: "smaller screens", feed: elecFeed, gold: P({ ph: [range("screen", undefined, em("screen"))] }), tags: ["relative"] },
    { id: "el-61", command: "4 stars minimum", gold: P({ ph: [range("rating", 4)] }), tags: ["numeric"] },
    { id: "el-62", command: "twelve hours of battery at least", gold: P({ ph: [range("battery", 12)] }), tags: ["numeric", "number-word"] },
    { id: "el-63", command: "a silver laptop from Voxa", gold: P({ ps: [cat("colour", "silver"), cat("category", "laptop"), cat("brand", "Voxa")] }), tags: ["soft"] },
    { id: "el-64", command: "no smartwatches or headphones", gold: P({ nh: [cat("category", "smartwatch", "headphones")] }), tags: ["negation"] },
    { id: "el-65", command: "screen of at least 13 inches, under 2 kg", gold: P({ ph: [range("screen", 13), range("weight", undefined, 2)] }), tags: ["numeric"] },
    { id: "el-66", command: "tablets with 10 hours battery or more", gold: P({ ps: [cat("category", "tablet")], ph: [range("battery", 10)] }), tags: ["numeric"] },
    { id: "el-67", command: "only Nimbus or Kestrel phones", gold: P({ ph: [cat("brand", "Nimbus", "Kestrel"), cat("category", "smartphone")] }), tags: ["hard", "cooccurrence"] },
    { id: "el-68", command: "a TV under two thousand dollars", gold: P({ ps: [cat("category", "television")], ph: [range("price", undefined, 2000)] }), tags: ["numeric", "number-word"] },
    {
      id: "el-69",
      command: "ditch the colour",
      memory: P({ ps: [cat("colour", "black"), cat("category", "laptop")] }),
      gold: P({ ps: [cat("category", "laptop")] }),
      tags: ["memory", "forget"],
    },
    { id: "el-70", command: "rated 4.5+", gold: P({ ph: [range("rating", 4.5)] }), tags: ["numeric"] },
  ],
};

export const OTHER_CATALOGS: OtherCatalog[] = [BOOKS, RESTAURANTS, ELECTRONICS];

/** Writes a catalog as a generic folder (items.jsonl, schema.json, interactions.csv) under a fresh temp dir. */
export function writeCatalogFolder(c: OtherCatalog, root = mkdtempSync(join(tmpdir(), "recbot-other-"))): string {
  const dir = join(root, c.name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "items.jsonl"), c.items.map((i) => JSON.stringify(i)).join("\n") + "\n");
  writeFileSync(join(dir, "schema.json"), JSON.stringify(c.schema, null, 2));
  const r = rng(c.items.length);
  const lines = ["user_id,item_id,rating,timestamp"];
  for (let u = 0; u < 40; u++) for (let k = 0; k < 6; k++) lines.push(`u${u},${pick(r, c.items).id},${1 + Math.floor(r() * 5)},${u * 10 + k}`);
  writeFileSync(join(dir, "interactions.csv"), lines.join("\n") + "\n");
  return dir;
}

/** Writes a catalog folder and prepares it (models trained into a temp data dir). */
export async function prepareOther(c: OtherCatalog): Promise<ToolContext> {
  const root = mkdtempSync(join(tmpdir(), "recbot-other-"));
  const dir = writeCatalogFolder(c, root);
  return (await prepareCatalog(dir, { dataDir: join(root, "data"), progress: false })).context;
}

const SCORER = fileURLToPath(new URL("../../shared/eval/score-parser.mjs", import.meta.url));

export interface OtherScore {
  f1: number;
  exact: number;
  details: string;
  json: { strict: { f1: number; precision: number; recall: number }; exact_match: number; cases: number };
}

/** Parses every case of a catalog and scores it with the shared scorer (strict F1, exact match, details). */
export function scoreOther(ctx: ToolContext, c: OtherCatalog): OtherScore {
  const dir = mkdtempSync(join(tmpdir(), "recbot-other-score-"));
  const gold = c.cases.map((k) => JSON.stringify({ id: k.id, command: k.command, gold: k.gold, tags: k.tags ?? [] }));
  const pred = c.cases.map((k) => {
    const out = parseOffline({ command: k.command, memory: structuredClone(k.memory ?? emptyPreferences()), feed: k.feed ?? [] }, ctx);
    return JSON.stringify({ id: k.id, preferences: out.preferences });
  });
  writeFileSync(join(dir, "gold.jsonl"), gold.join("\n") + "\n");
  writeFileSync(join(dir, "pred.jsonl"), pred.join("\n") + "\n");
  const run = spawnSync(process.execPath, [SCORER, "--gold", join(dir, "gold.jsonl"), "--pred", join(dir, "pred.jsonl"), "--json", "--details"], { encoding: "utf8" });
  const lines = run.stdout.trim().split("\n");
  const json = JSON.parse(lines[lines.length - 1]) as OtherScore["json"];
  return { f1: json.strict.f1, exact: json.exact_match, details: lines.slice(0, -1).join("\n"), json };
}
