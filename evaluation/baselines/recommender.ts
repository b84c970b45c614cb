/**
 * The one interface every evaluation baseline implements (RecBole style: one model per file behind one interface),
 * and the ranking helper they share. Items are catalog indices. A recommender never returns the user's history or
 * an excluded item; when its own scores run out (no positive score left) it pads the list with the most popular
 * items of its training data, so every system shows a full feed of k items.
 */
import type { TrainingData } from "../../models/collaborative/training-data.ts";
import { TopK } from "../../tools/top-k.ts";

export interface RecommendRequest {
  /** the user's training history, oldest first; never recommended again */
  history: ArrayLike<number>;
  /** everything the user has typed in the session so far, oldest first */
  commands: readonly string[];
  /** further items not to return (e.g. marked not interested) */
  exclude?: ArrayLike<number>;
  k: number;
}

export interface Recommender {
  readonly name: string;
  /** Up to k item indices, best first. */
  recommend(request: RecommendRequest): number[];
}

/** Item indices by training interaction count, most first; equal counts keep the lower index first. */
export function popularityOrder(train: TrainingData): Uint32Array {
  const counts = interactionCounts(train);
  return Uint32Array.from(counts.keys()).sort((a, b) => counts[b] - counts[a] || a - b);
}

/** How many training users interacted with each item. */
export function interactionCounts(train: TrainingData): Uint32Array {
  const counts = new Uint32Array(train.itemCount);
  for (const item of train.items) counts[item]++;
  return counts;
}

/** 1 for every item the request rules out (history and exclusions). */
export function excludedMask(itemCount: number, request: RecommendRequest): Uint8Array {
  const mask = new Uint8Array(itemCount);
  for (let i = 0; i < request.history.length; i++) mask[request.history[i]] = 1;
  const exclude = request.exclude ?? [];
  for (let i = 0; i < exclude.length; i++) mask[exclude[i]] = 1;
  return mask;
}

/**
 * The k best items with a positive score (ties: lower index first), then the first allowed items of `fallback`.
 * Pass `scores = null` to rank by the fallback order alone.
 */
export function rankTopK(scores: ArrayLike<number> | null, k: number, excluded: Uint8Array, fallback: ArrayLike<number>): number[] {
  const out: number[] = [];
  if (scores) {
    const top = new TopK(k);
    for (let i = 0; i < scores.length; i++) if (scores[i] > 0 && excluded[i] === 0) top.push(i, scores[i]);
    for (const item of top.result().items) out.push(item);
  }
  if (out.length < k) {
    const chosen = new Set(out);
    for (let r = 0; r < fallback.length && out.length < k; r++) {
      const item = fallback[r];
      if (excluded[item] === 0 && !chosen.has(item)) out.push(item);
    }
  }
  return out;
}
