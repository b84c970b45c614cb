/** Popularity baseline: everyone gets the items most users interacted with in training, minus their own history. */
import type { TrainingData } from "../../models/collaborative/training-data.ts";
import { excludedMask, popularityOrder, rankTopK, type Recommender } from "./recommender.ts";

export function popularityRecommender(train: TrainingData): Recommender {
  const order = popularityOrder(train);
  return {
    name: "popularity",
    recommend: (request) => rankTopK(null, request.k, excludedMask(train.itemCount, request), order),
  };
}
