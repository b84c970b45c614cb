import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { AttributeIndex } from "../catalog/attribute-index.ts";
import type { Catalog } from "../catalog/catalog.ts";
import { loadCatalog } from "../catalog/load-catalog.ts";
import { evaluateHoldout, popularityScorer } from "../models/collaborative/holdout-eval.ts";
import { holdOutLast, popularityOf, trainingDataOf, type TrainingData } from "../models/collaborative/training-data.ts";
import { prefs } from "../tools/test-fixtures.ts";
import { bm25Recommender } from "./baselines/bm25.ts";
import { itemKnnRecommender } from "./baselines/item-knn.ts";
import { popularityRecommender } from "./baselines/popularity.ts";
import { csrAtK, negativeViolationRate, resolveHardConstraints } from "./constraint-satisfaction.ts";
import { holdoutScores } from "./holdout-quality.ts";
import { bootstrapMean, pairedComparison } from "./statistics.ts";

const dir = fileURLToPath(new URL("../../shared/data/ml-latest-small/", import.meta.url));
let catalog: Catalog;
let train: TrainingData;
let target: Int32Array;

beforeAll(async () => {
  ({ catalog } = await loadCatalog(`movielens:${dir}`));
  ({ train, target } = holdOutLast(trainingDataOf(catalog)));
});

describe("baselines on ml-latest-small, last positive of each user held out", () => {
  it("ItemKNN beats popularity on Recall@10 (measured 0.0609 vs 0.0395 over 608 users)", () => {
    const popularity = holdoutScores(popularityRecommender(train), train, target);
    const knn = holdoutScores(itemKnnRecommender(train), train, target);
    const pop = bootstrapMean(popularity.recall);
    const comparison = pairedComparison(knn.recall, popularity.recall);
    expect(popularity.users.length).toBeGreaterThan(600);
    expect(pop.mean).toBeCloseTo(0.0395, 3);
    expect(comparison.meanA).toBeGreaterThanOrEqual(1.3 * comparison.meanB);
    // measured: +0.0214, 95% CI [0.0016, 0.0411], p = 0.049: a real but small margin on 608 users, so only its
    // sign is held here; the CI and p-value would move with any change to the seed or resample count
    expect(comparison.difference.mean).toBeGreaterThan(0);
    expect(comparison.pValue).toBeLessThan(0.2);
  });

  it("popularity agrees with the models' own held-out evaluation", () => {
    const ours = holdoutScores(popularityRecommender(train), train, target);
    const theirs = evaluateHoldout(train, target, popularityScorer(popularityOf(train)));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(ours.recall)).toBeCloseTo(theirs.recallAt10, 2);
    expect(ours.users.length).toBe(theirs.users);
  });

  it("BM25 finds a film by the words of its title", () => {
    const bm25 = bm25Recommender(catalog, train);
    const top = bm25.recommend({ history: [], commands: ["toy story"], k: 3 }).map((i) => catalog.titles[i]);
    // measured: Toy, The (1982) · Toy Story 3 (2010) · Toy Story (1995): a short document matching the rare "toy" wins
    expect(top).toContain("Toy Story (1995)");
    expect(top.every((title) => /\btoy/i.test(title))).toBe(true);
  });
});

describe("CSR@10 on ml-latest-small", () => {
  it("is 1 with no negative violation for what the Filter keeps, below 1 for the popular feed", () => {
    const index = new AttributeIndex(catalog);
    const memory = prefs({
      positive: { hard: [{ attribute: "genre", values: ["Comedy"] }, { attribute: "year", min: 1990, max: 1999 }] },
      negative: { hard: [{ attribute: "genre", values: ["Romance"] }] },
    });
    const hard = resolveHardConstraints(memory, { catalog, index });
    const kept = index.select(hard.positive, hard.negative);
    expect(kept.length).toBeGreaterThan(20);
    expect(csrAtK(kept.subarray(0, 10), hard, 10)).toBe(1);
    expect(negativeViolationRate(kept.subarray(0, 10), hard, 10)).toBe(0);
    const popular = popularityRecommender(train).recommend({ history: [], commands: [], k: 10 });
    expect(csrAtK(popular, hard, 10)).toBeLessThan(1);
  });
});
