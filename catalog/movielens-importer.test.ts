import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { categoryValues, historyOf, itemRecord, type Catalog } from "./catalog.ts";
import type { LineProblem } from "./catalog-error.ts";
import { importMovieLens } from "./movielens-importer.ts";

const ML_SMALL = fileURLToPath(new URL("../../shared/data/ml-latest-small/", import.meta.url));

describe("importMovieLens on ml-latest-small", () => {
  let catalog: Catalog;
  let problems: LineProblem[];
  beforeAll(async () => {
    ({ catalog, problems } = await importMovieLens(ML_SMALL, `movielens:${ML_SMALL}`));
  });

  it("loads every movie, user and rating without a problem", () => {
    expect(problems).toEqual([]);
    expect(catalog.size).toBe(9742);
    expect(catalog.interactions.users.length).toBe(610);
    expect(catalog.interactions.item.length).toBe(100836);
    expect(catalog.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("maps Toy Story's genres, year, mean rating (215 ratings) and tags", () => {
    const toyStory = itemRecord(catalog, catalog.indexOf.get("1")!);
    expect(toyStory.title).toBe("Toy Story (1995)");
    expect(toyStory.attributes).toEqual({
      genre: ["Adventure", "Animation", "Children", "Comedy", "Fantasy"],
      year: 1995,
      tag: ["Pixar", "fun"],
      rating: 3.92,
      popularity: 215,
    });
    expect(toyStory.description).toBe("Adventure, Animation, Children, Comedy, Fantasy, released 1995. Tagged: Pixar, fun.");
  });

  it("keeps titles with commas as MovieLens spells them, and reads years from odd title endings", () => {
    const movie = (id: string) => itemRecord(catalog, catalog.indexOf.get(id)!);
    expect(movie("11").title).toBe("American President, The (1995)");
    expect(movie("27008").attributes.year).toBe(1999); // "(1999) " with a trailing space
    expect(movie("171749").attributes.year).toBe(2006); // "(2006–2007)"
    expect(movie("40697").attributes.year).toBeUndefined(); // "Babylon 5"
    expect(movie("143410").attributes.genre).toBeUndefined(); // "(no genres listed)"
  });

  it("merges case variants of a tag under its first-seen spelling (tags.csv line 17: holocaust)", () => {
    const tag = catalog.columns.get("tag")!;
    if (tag.kind !== "category") throw new Error("tag is not a category");
    expect(tag.codeOf.has("holocaust")).toBe(true);
    expect(tag.codeOf.has("Holocaust")).toBe(false);
    // The Pianist is tagged "holocaust" (line 17) and "Holocaust" (line 2056): one value
    expect(categoryValues(tag, catalog.indexOf.get("5995")!).filter((t) => t.toLowerCase() === "holocaust")).toEqual(["holocaust"]);
    // Schindler's List only as "Holocaust" by one user and "holocaust" by another
    expect(categoryValues(tag, catalog.indexOf.get("527")!)).toContain("holocaust");
    expect(tag.vocabulary.length).toBe(1475);
  });

  it("counts a rating above 3 as positive, and builds histories from positives only", () => {
    const { rating, positive } = catalog.interactions;
    let positives = 0;
    let mismatches = 0;
    for (let i = 0; i < rating.length; i++) {
      if (positive[i] !== (rating[i] > 3 ? 1 : 0)) mismatches++;
      positives += positive[i];
    }
    expect(mismatches).toBe(0);
    expect(positives).toBe(61716);
    const user1 = catalog.interactions.userIndex.get("1")!;
    expect(historyOf(catalog, user1).length).toBeGreaterThan(0);
  });
});

describe("importMovieLens on malformed files", () => {
  const dir = mkdtempSync(join(tmpdir(), "movielens-bad-"));
  writeFileSync(
    join(dir, "movies.csv"),
    [
      "movieId,title,genres",
      '10,"Heist, The (2001)",Crime|Thriller', // 2
      "x1,Nameless (2000),Drama", // 3: bad id
      "12,Two Columns", // 4: wrong column count
      '13,"Unclosed (1999),Drama', // 5: quote never closed... swallows the rest
    ].join("\r\n") + "\r\n",
  );
  writeFileSync(
    join(dir, "ratings.csv"),
    ["userId,movieId,rating,timestamp", "1,10,4.5,964982703", "1,99,4,964982703", "2,10,seven,964982703", "3,10,5,yesterday", "4,10,4", "u5,10,3,964982703"].join("\n"),
  );
  writeFileSync(join(dir, "tags.csv"), ["userId,movieId,tag,timestamp", "1,10,Heist,1", "2,10,heist ,2", "3,10,  ,3", "4,12,orphan,4"].join("\n") + "\n");

  it("reports each bad line with file, line, field and reason, keeps the good ones, and leaves the files alone", async () => {
    const names = ["movies.csv", "ratings.csv", "tags.csv"];
    const before = names.map((name) => [readFileSync(join(dir, name), "utf8"), statSync(join(dir, name)).mtimeMs]);
    const { catalog, problems } = await importMovieLens(dir, `movielens:${dir}`);
    expect(names.map((name) => [readFileSync(join(dir, name), "utf8"), statSync(join(dir, name)).mtimeMs])).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(names);
    const movies = join(dir, "movies.csv");
    const ratings = join(dir, "ratings.csv");
    const tags = join(dir, "tags.csv");
    expect(problems).toEqual([
      { file: movies, line: 3, field: "movieId", reason: 'must be a whole number, got "x1"' },
      { file: movies, line: 4, field: undefined, reason: "expected 3 columns (movieId,title,genres), got 2" },
      { file: movies, line: 5, field: undefined, reason: 'quoted field is never closed (unbalanced ")' },
      { file: tags, line: 4, field: "tag", reason: "is empty" },
      { file: tags, line: 5, field: "movieId", reason: "unknown movieId 12 (not in movies.csv)" },
      { file: ratings, line: 3, field: "movieId", reason: "unknown movieId 99 (not in movies.csv)" },
      { file: ratings, line: 4, field: "rating", reason: 'must be a number from 0.5 to 5, got "seven"' },
      { file: ratings, line: 5, field: "timestamp", reason: 'must be whole seconds since 1970, got "yesterday"' },
      { file: ratings, line: 6, field: undefined, reason: "expected 4 columns (userId,movieId,rating,timestamp), got 3" },
      { file: ratings, line: 7, field: "userId", reason: 'must be a whole number, got "u5"' },
    ]);
    expect(catalog.ids).toEqual(["10"]);
    expect(itemRecord(catalog, 0)).toMatchObject({ title: "Heist, The (2001)", attributes: { tag: ["Heist"], rating: 4.5, popularity: 1, year: 2001 } });
  });

  it("names the ratings for a movie whose own line was refused", async () => {
    const other = mkdtempSync(join(tmpdir(), "movielens-bad-"));
    writeFileSync(join(other, "movies.csv"), "movieId,title,genres\n7,,Drama\n");
    writeFileSync(join(other, "ratings.csv"), "userId,movieId,rating,timestamp\n1,7,4,1\n");
    const { problems } = await importMovieLens(other, "movielens:x");
    expect(problems.map((p) => [p.line, p.field, p.reason])).toEqual([
      [2, "title", "is empty"],
      [2, "movieId", "movieId 7 is on a bad line of movies.csv (line 2)"],
    ]);
  });

  it("throws FILE_MISSING naming ratings.csv when it is absent", async () => {
    const other = mkdtempSync(join(tmpdir(), "movielens-bad-"));
    writeFileSync(join(other, "movies.csv"), "movieId,title,genres\n");
    await expect(importMovieLens(other, "movielens:x")).rejects.toMatchObject({ code: "FILE_MISSING", message: expect.stringContaining(join(other, "ratings.csv")) });
  });
});
