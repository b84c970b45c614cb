import { describe, expect, it } from "vitest";
import { CatalogBuilder } from "../../catalog/catalog-builder.ts";
import type { TrainingData } from "../../models/collaborative/training-data.ts";
import { bm25Recommender, buildBm25Index, itemText } from "./bm25.ts";

// Three documents after tokenizing: a = [space, war], b = [space, space, comedi], c = [love, stori]; avg length 7/3.
function tinyCatalog() {
  const builder = new CatalogBuilder({ ref: "t", name: "t", schema: { attributes: { genre: { type: "category", multi: true } } } });
  builder.addItem({ id: "a", title: "Space War", attributes: {} });
  builder.addItem({ id: "b", title: "Space", description: "space", attributes: { genre: ["Comedy"] } });
  builder.addItem({ id: "c", title: "Love Story", attributes: {} });
  return builder.build("t");
}
const catalog = tinyCatalog();
// item 2 most popular, then 0, then 1
const train: TrainingData = { userCount: 2, itemCount: 3, offsets: Uint32Array.from([0, 2, 3]), items: Uint32Array.from([2, 0, 2]) };

describe("BM25 over item text", () => {
  it("indexes title, description and categorical values", () => {
    expect(itemText(catalog, 1)).toBe("Space space Comedy");
  });

  it("matches the formula by hand (b = 0): idf(space) = ln 1.6, idf(comedy) = ln(8/3)", () => {
    const s = buildBm25Index(catalog, { b: 0 }).score("space comedies");
    expect(s[0]).toBeCloseTo(Math.log(1.6), 9); // tf 1: 1·2.2/(1 + 1.2) = 1
    expect(s[1]).toBeCloseTo(Math.log(1.6) * (2 * 2.2) / 3.2 + Math.log(8 / 3), 9); // 0.6463 + 0.9808
    expect(s[2]).toBe(0);
  });

  it("normalises by length with b = 0.75: a short document gains", () => {
    // a: length 2, norm = 0.25 + 0.75·2/(7/3) = 0.892857; tf part = 2.2/(1 + 1.2·0.892857) = 1.062069
    const s = buildBm25Index(catalog).score("space");
    expect(s[0]).toBeCloseTo(Math.log(1.6) * 1.062069, 6);
  });

  it("each distinct query word counts once", () => {
    const index = buildBm25Index(catalog);
    expect(index.score("space space space")).toEqual(index.score("space"));
  });

  it("ranks by the concatenated commands, unmatched items by popularity, popularity alone before any command", () => {
    const bm25 = bm25Recommender(catalog, train);
    expect(bm25.recommend({ history: [], commands: ["something in space", "a comedy"], k: 3 })).toEqual([1, 0, 2]);
    expect(bm25.recommend({ history: [], commands: ["love"], k: 3 })).toEqual([2, 0, 1]);
    expect(bm25.recommend({ history: [], commands: [], k: 3 })).toEqual([2, 0, 1]);
    expect(bm25.recommend({ history: [1], commands: ["space"], exclude: [2], k: 3 })).toEqual([0]);
  });
});
