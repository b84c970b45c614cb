import { beforeAll, describe, expect, it } from "vitest";
import { categoryValues, type Catalog, type CategoryColumn } from "../../catalog/catalog.ts";
import { loadMlSmall, nearestItems, unitLengthError } from "../test-support/movielens.ts";
import { LsaSemanticModel } from "./semantic-model.ts";
import { trainSemantic } from "./semantic-trainer.ts";

let catalog: Catalog;
let model: LsaSemanticModel;
let genre: CategoryColumn;

beforeAll(async () => {
  catalog = await loadMlSmall();
  model = new LsaSemanticModel(trainSemantic(catalog), catalog);
  genre = catalog.columns.get("genre") as CategoryColumn;
});

/** How many of the top 20 items for a query vector carry one of the genres. */
function genreHits(vector: Float32Array | null, genres: string[]): number {
  expect(vector).not.toBeNull();
  return nearestItems(model.items, model.dim, vector!, 20).filter((i) =>
    categoryValues(genre, i).some((g) => genres.includes(g)),
  ).length;
}

describe("semantic model on ml-latest-small", () => {
  it("gives unit-length vectors", () => {
    expect(unitLengthError(model.items, model.dim).maxError).toBeLessThan(1e-5);
  });

  it("reads intents the catalog never spells out", () => {
    expect(genreHits(model.embedText("scary"), ["Horror", "Thriller"])).toBeGreaterThanOrEqual(16);
    expect(genreHits(model.embedText("something funny"), ["Comedy"])).toBeGreaterThanOrEqual(16);
    expect(genreHits(model.embedText("horor"), ["Horror"])).toBeGreaterThanOrEqual(16);
  });

  it("embeds a genre value however it is spelt", () => {
    expect(genreHits(model.embedValue("genre", "sci fi"), ["Sci-Fi"])).toBeGreaterThanOrEqual(16);
    expect(model.embedValue("Genre", "SCI-FI")).toEqual(model.embedValue("genre", "sci fi"));
  });

  it("finds a tag-level concept (time travel)", () => {
    const tag = catalog.columns.get("tag") as CategoryColumn;
    const hits = nearestItems(model.items, model.dim, model.embedText("time travel")!, 20).filter((i) =>
      categoryValues(tag, i).some((t) => t.toLowerCase().includes("time travel")),
    );
    expect(hits.length).toBeGreaterThanOrEqual(6);
  });
});
