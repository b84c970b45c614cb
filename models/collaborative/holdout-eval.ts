import { profileVector } from "./user-profile.ts";
import type { TrainingData } from "./training-data.ts";

export interface RankingQuality {
  recallAt10: number;
  ndcgAt10: number;
  users: number;
}

/** Scores every item for one user given the user's training history (higher is better). */
export type UserScorer = (history: Uint32Array) => Float32Array;

/**
 * Leave-last-out quality: for each user with a target, the target's rank among all items not in the
 * training history (ties go to the lower item index, as a stable sort would). Recall@10 is the share of
 * targets in the top 10; NDCG@10 gives 1/log2(rank + 2) for those.
 */
export function evaluateHoldout(train: TrainingData, target: Int32Array, scorer: UserScorer, cutoff = 10): RankingQuality {
  let hits = 0;
  let gain = 0;
  let users = 0;
  const excluded = new Uint8Array(train.itemCount);
  for (let u = 0; u < train.userCount; u++) {
    const t = target[u];
    if (t < 0) continue;
    const history = train.items.subarray(train.offsets[u], train.offsets[u + 1]);
    users++;
    for (const i of history) excluded[i] = 1;
    const scores = scorer(history);
    const st = scores[t];
    let rank = 0;
    for (let i = 0; i < train.itemCount && rank < cutoff; i++) {
      if (excluded[i] || i === t) continue;
      if (scores[i] > st || (scores[i] === st && i < t)) rank++;
    }
    for (const i of history) excluded[i] = 0;
    if (rank < cutoff) {
      hits++;
      gain += 1 / Math.log2(rank + 2);
    }
  }
  return { recallAt10: users ? hits / users : 0, ndcgAt10: users ? gain / users : 0, users };
}

/** The recommender's turn-0 score: item vector · normalised recency-weighted mean of the history's vectors. */
export function vectorScorer(items: Float32Array, dim: number, halfLife?: number): UserScorer {
  const count = items.length / dim;
  return (history) => {
    const scores = new Float32Array(count);
    const profile = profileVector(history, items, dim, halfLife);
    if (!profile) return scores;
    for (let i = 0; i < count; i++) {
      let s = 0;
      const o = i * dim;
      for (let j = 0; j < dim; j++) s += items[o + j] * profile[j];
      scores[i] = s;
    }
    return scores;
  };
}

/** Everyone gets the same ranking: most popular first. */
export function popularityScorer(popularity: Float32Array): UserScorer {
  return () => popularity;
}
