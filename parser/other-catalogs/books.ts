// A generated bookshop catalog and hand-written commands with their gold memory.
import { P, between, cat, feedMedian, item, pick, range, rng, round, text, type OtherCatalog, type OtherItem } from "./kit.ts";

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
