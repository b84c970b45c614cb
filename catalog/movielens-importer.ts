import { basename, join, resolve } from "node:path";
import type { CatalogSchema } from "../schemas/catalog-schema.ts";
import type { Catalog } from "./catalog.ts";
import { CatalogBuilder } from "./catalog-builder.ts";
import type { LineProblem } from "./catalog-error.ts";
import { contentHash } from "./content-hash.ts";
import { type CsvRow, parseDecimal, parseWhole, readCsvTable } from "./csv.ts";
import { isFile, requireFile } from "./line-reader.ts";

/** Bump when the import rules change, so caches keyed by the content hash are rebuilt. */
const IMPORTER_VERSION = "movielens-importer/1";
const FOLDER_HINT = "a MovieLens folder holds movies.csv and ratings.csv (tags.csv optional), as GroupLens ships ml-latest-small";
const NO_GENRES = "(no genres listed)";
/** The trailing release year of a title: "(1995)", also a series' "(2006–2007)" or "(2006– )" (first year kept). */
const TITLE_YEAR = /\(\s*(\d{4})\s*(?:[–-]\s*(?:\d{4})?\s*)?\)\s*$/;
const TAGS_IN_DESCRIPTION = 5;

/** How MovieLens maps onto catalog attributes (shared/spec/catalog.md). */
export const MOVIELENS_SCHEMA: CatalogSchema = {
  attributes: {
    genre: { type: "category", multi: true, synonyms: ["genres"] },
    year: { type: "number", synonyms: ["released", "release", "decade", "old", "new", "recent"] },
    tag: { type: "category", multi: true, open: true, synonyms: ["tags", "tagged"] },
    rating: { type: "number", unit: "stars", synonyms: ["rated", "stars", "acclaimed", "score"] },
    popularity: { type: "number", unit: "ratings", synonyms: ["popular", "well-known", "famous", "mainstream", "obscure"] },
  },
};

interface Movies {
  ids: string[];
  titles: string[];
  genres: string[][];
  years: number[];
  indexOf: Map<string, number>;
  /** movieIds whose line in movies.csv was refused, with that line */
  refused: Map<string, number>;
}

/**
 * Reads a GroupLens MovieLens folder. Items keep MovieLens' titles (trimmed); their description is composed from
 * genres, year and most frequent tags, because MovieLens has no plot text and text matching would otherwise see
 * the title alone. Every rating becomes an interaction. Malformed lines are returned as problems and left out.
 */
export async function importMovieLens(dir: string, ref: string): Promise<{ catalog: Catalog; problems: LineProblem[] }> {
  const paths = { movies: join(dir, "movies.csv"), ratings: join(dir, "ratings.csv"), tags: join(dir, "tags.csv") };
  await requireFile(paths.movies, FOLDER_HINT);
  await requireFile(paths.ratings, FOLDER_HINT);
  const hasTags = await isFile(paths.tags);
  const problems: LineProblem[] = [];
  const movies = await readMovies(paths.movies, problems);
  const tags = hasTags ? await readTags(paths.tags, movies, problems) : [];
  const ratings = await readRatings(paths.ratings, movies, problems);

  const builder = new CatalogBuilder({ ref, name: basename(resolve(dir)), schema: MOVIELENS_SCHEMA });
  for (let m = 0; m < movies.ids.length; m++) {
    const topTags = tags[m] ? [...tags[m]].sort((a, b) => b[1] - a[1]).map(([tag]) => tag) : [];
    const count = ratings.count[m];
    const year = movies.years[m];
    builder.addItem({
      id: movies.ids[m],
      title: movies.titles[m],
      description: describeMovie(movies.genres[m], year, topTags.slice(0, TAGS_IN_DESCRIPTION)),
      attributes: {
        genre: movies.genres[m],
        tag: topTags,
        popularity: count,
        ...(Number.isNaN(year) ? {} : { year }),
        ...(count > 0 ? { rating: Math.round((ratings.sum[m] / count) * 100) / 100 } : {}),
      },
    });
  }
  for (let i = 0; i < ratings.movie.length; i++) {
    builder.addInteraction(ratings.user[i], movies.ids[ratings.movie[i]], ratings.rating[i], ratings.timestamp[i]);
  }
  const hash = await contentHash(IMPORTER_VERSION, [
    { name: "movies.csv", path: paths.movies },
    { name: "ratings.csv", path: paths.ratings },
    { name: "tags.csv", path: hasTags ? paths.tags : null },
  ]);
  return { catalog: builder.build(hash), problems };
}

async function readMovies(path: string, problems: LineProblem[]): Promise<Movies> {
  const movies: Movies = { ids: [], titles: [], genres: [], years: [], indexOf: new Map(), refused: new Map() };
  const lineOf = new Map<string, number>();
  await readCsvTable(path, { required: ["movieId", "title", "genres"] }, problems, (row) => {
    const before = problems.length;
    const id = row.cell("movieId").trim();
    const title = row.cell("title").trim();
    if (parseWhole(id) === undefined) row.problem(`must be a whole number, got ${JSON.stringify(id)}`, "movieId");
    else if (lineOf.has(id)) row.problem(`duplicate movieId ${id} (first on line ${lineOf.get(id)})`, "movieId");
    if (title === "") row.problem("is empty", "title");
    if (problems.length > before) {
      if (id !== "" && !lineOf.has(id) && !movies.refused.has(id)) movies.refused.set(id, row.line);
      return;
    }
    const genres = row.cell("genres").trim();
    lineOf.set(id, row.line);
    movies.indexOf.set(id, movies.ids.length);
    movies.ids.push(id);
    movies.titles.push(title);
    movies.genres.push(genres === NO_GENRES ? [] : genres.split("|").map((g) => g.trim()).filter((g) => g !== ""));
    const year = TITLE_YEAR.exec(title);
    movies.years.push(year ? Number(year[1]) : Number.NaN);
  });
  return movies;
}

/** Tag counts per movie (index), keyed by the first-seen spelling of each tag regardless of case. */
async function readTags(path: string, movies: Movies, problems: LineProblem[]): Promise<Map<string, number>[]> {
  const perMovie: Map<string, number>[] = [];
  const spelling = new Map<string, string>();
  await readCsvTable(path, { required: ["userId", "movieId", "tag", "timestamp"] }, problems, (row) => {
    const before = problems.length;
    checkUser(row);
    const movie = movieOf(row, movies);
    const tag = row.cell("tag").trim();
    if (tag === "") row.problem("is empty", "tag");
    checkTimestamp(row);
    if (problems.length > before || movie === undefined) return;
    const key = tag.toLowerCase();
    let canonical = spelling.get(key);
    if (canonical === undefined) spelling.set(key, (canonical = tag));
    const counts = (perMovie[movie] ??= new Map());
    counts.set(canonical, (counts.get(canonical) ?? 0) + 1);
  });
  return perMovie;
}

async function readRatings(path: string, movies: Movies, problems: LineProblem[]) {
  const out = {
    user: [] as string[],
    movie: [] as number[],
    rating: [] as number[],
    timestamp: [] as number[],
    sum: new Float64Array(movies.ids.length),
    count: new Uint32Array(movies.ids.length),
  };
  await readCsvTable(path, { required: ["userId", "movieId", "rating", "timestamp"] }, problems, (row) => {
    const before = problems.length;
    const user = checkUser(row);
    const movie = movieOf(row, movies);
    const cell = row.cell("rating");
    const rating = parseDecimal(cell);
    if (rating === undefined || rating < 0.5 || rating > 5) row.problem(`must be a number from 0.5 to 5, got ${JSON.stringify(cell)}`, "rating");
    const timestamp = checkTimestamp(row);
    if (problems.length > before || movie === undefined || rating === undefined) return;
    out.user.push(user);
    out.movie.push(movie);
    out.rating.push(rating);
    out.timestamp.push(timestamp);
    out.sum[movie] += rating;
    out.count[movie]++;
  });
  return out;
}

function checkUser(row: CsvRow<string>): string {
  const user = row.cell("userId").trim();
  if (parseWhole(user) === undefined) row.problem(`must be a whole number, got ${JSON.stringify(user)}`, "userId");
  return user;
}

/** The index of the movie a row refers to, or undefined after recording why it cannot be used. */
function movieOf(row: CsvRow<string>, movies: Movies): number | undefined {
  const id = row.cell("movieId").trim();
  const index = movies.indexOf.get(id);
  if (index !== undefined) return index;
  if (parseWhole(id) === undefined) row.problem(`must be a whole number, got ${JSON.stringify(id)}`, "movieId");
  else if (movies.refused.has(id)) row.problem(`movieId ${id} is on a bad line of movies.csv (line ${movies.refused.get(id)})`, "movieId");
  else row.problem(`unknown movieId ${id} (not in movies.csv)`, "movieId");
  return undefined;
}

function checkTimestamp(row: CsvRow<string>): number {
  const cell = row.cell("timestamp");
  const seconds = parseWhole(cell);
  if (seconds === undefined) row.problem(`must be whole seconds since 1970, got ${JSON.stringify(cell)}`, "timestamp");
  return seconds ?? Number.NaN;
}

/** "Adventure, Animation, Comedy, released 1995. Tagged: pixar, fun." from what the files say; "" when they say nothing. */
function describeMovie(genres: string[], year: number, tags: string[]): string {
  const sentences: string[] = [];
  const released = Number.isNaN(year) ? "" : `released ${year}`;
  if (genres.length > 0) sentences.push(`${genres.join(", ")}${released ? `, ${released}` : ""}.`);
  else if (released) sentences.push(`Released ${year}.`);
  if (tags.length > 0) sentences.push(`Tagged: ${tags.join(", ")}.`);
  return sentences.join(" ");
}
