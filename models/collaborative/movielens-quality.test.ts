import { describe, expect, it } from "vitest";
import { loadMlSmall } from "../test-support/movielens.ts";
import { DEFAULT_COLLABORATIVE, trainCollaborativeOn } from "./collaborative-trainer.ts";
import { evaluateHoldout, popularityScorer, vectorScorer } from "./holdout-eval.ts";
import { holdOutLast, popularityOf, trainingDataOf } from "./training-data.ts";

describe("default collaborative model on ml-latest-small (last positive held out)", () => {
  it("beats popularity on Recall@10 by at least 1.5× (measured ≈ 2×)", async () => {
    const { train, target } = holdOutLast(trainingDataOf(await loadMlSmall()));
    const popularity = evaluateHoldout(train, target, popularityScorer(popularityOf(train)));
    const model = trainCollaborativeOn(train, DEFAULT_COLLABORATIVE);
    const quality = evaluateHoldout(train, target, vectorScorer(model.items, model.dim));
    expect(quality.users).toBeGreaterThan(500);
    expect(quality.recallAt10).toBeGreaterThanOrEqual(1.5 * popularity.recallAt10);
    expect(quality.ndcgAt10).toBeGreaterThan(popularity.ndcgAt10);
  });
});
