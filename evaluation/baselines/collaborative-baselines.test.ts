import { describe, expect, it } from "vitest";
import type { TrainingData } from "../../models/collaborative/training-data.ts";
import { itemKnnRecommender, itemNeighbours } from "./item-knn.ts";
import { popularityRecommender } from "./popularity.ts";
import { popularityOrder, rankTopK } from "./recommender.ts";

// u1 liked items 0, 1; u2 liked 0, 1, 2; u3 liked 2, 3.  Users per item: 0 {u1,u2}, 1 {u1,u2}, 2 {u2,u3}, 3 {u3}.
// Cosine: sim(0,1) = 2/√(2·2) = 1; sim(0,2) = sim(1,2) = 1/√(2·2) = 0.5; sim(2,3) = 1/√(2·1) = 0.7071; sim(0,3) = 0.
const train: TrainingData = {
  userCount: 3,
  itemCount: 4,
  offsets: Uint32Array.from([0, 2, 5, 7]),
  items: Uint32Array.from([0, 1, 0, 1, 2, 2, 3]),
};
const ask = (history: number[], k = 4, exclude: number[] = []) => ({ history, commands: [], exclude, k });

describe("rankTopK", () => {
  it("takes positive scores first (ties: lower index), then pads from the fallback, skipping excluded items", () => {
    const excluded = Uint8Array.from([0, 0, 1, 0, 0]);
    expect(rankTopK([0.5, 0, 0.9, 0.5, 0], 4, excluded, [4, 2, 1, 0, 3])).toEqual([0, 3, 4, 1]);
    expect(rankTopK(null, 2, excluded, [4, 2, 1])).toEqual([4, 1]);
  });
});

describe("popularity", () => {
  it("orders by training count, equal counts by index: counts 2, 2, 2, 1", () => {
    expect([...popularityOrder(train)]).toEqual([0, 1, 2, 3]);
  });

  it("never returns the history or excluded items", () => {
    const pop = popularityRecommender(train);
    expect(pop.recommend(ask([]))).toEqual([0, 1, 2, 3]);
    expect(pop.recommend(ask([0], 2))).toEqual([1, 2]);
    expect(pop.recommend(ask([0], 4, [2]))).toEqual([1, 3]);
  });
});

describe("ItemKNN", () => {
  it("computes cosine neighbours by hand, best first", () => {
    const lists = itemNeighbours(train);
    const of = (i: number) =>
      Array.from(lists.items.subarray(lists.offsets[i], lists.offsets[i + 1])).map((j, r) => [j, lists.similarities[lists.offsets[i] + r]]);
    expect(of(0)).toEqual([[1, 1], [2, 0.5]]);
    expect(of(2).map(([j]) => j)).toEqual([3, 0, 1]);
    expect(of(2)[0][1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(of(3).map(([j]) => j)).toEqual([2]);
  });

  it("scores sum the history's similarities; unscored items follow by popularity", () => {
    const knn = itemKnnRecommender(train);
    expect(knn.recommend(ask([0]))).toEqual([1, 2, 3]); // 1 (1.0), 2 (0.5), then 3 by popularity
    expect(knn.recommend(ask([3]))).toEqual([2, 0, 1]); // 2 (0.707), then 0, 1 by popularity
    expect(knn.recommend(ask([0, 3]))).toEqual([2, 1]); // 2: 0.5 + 0.707 = 1.207 beats 1: 1.0
  });

  it("keeps only the top neighbours and damps rare co-occurrences with shrink", () => {
    const one = itemKnnRecommender(train, { neighbours: 1 });
    expect(one.recommend(ask([2], 1))).toEqual([3]); // 2's single neighbour is 3 (0.707 > 0.5)
    // shrink 1: sim(2,3) = 1/(√2 + 1) = 0.414 still beats sim(2,0) = 1/(2 + 1) = 0.333
    const damped = itemNeighbours(train, { shrink: 1 });
    expect(damped.similarities[damped.offsets[2]]).toBeCloseTo(1 / (Math.SQRT2 + 1), 6);
    expect(damped.similarities[damped.offsets[2] + 1]).toBeCloseTo(1 / 3, 6);
  });

  it("an empty history falls back to popularity", () => {
    expect(itemKnnRecommender(train).recommend(ask([], 3))).toEqual([0, 1, 2]);
  });
});
