/**
 * BM25 baseline: every item is a document (title, description, categorical attribute values), and the session's
 * commands so far, concatenated, are the query. Words go through the product's tokenizer (stopwords dropped,
 * light stemming). It reads commands as bags of words, so "no horror" pulls horror films up: that is what a
 * keyword-search baseline does. Before any command it ranks by popularity.
 */
import { categoryValues, type Catalog } from "../../catalog/catalog.ts";
import type { TrainingData } from "../../models/collaborative/training-data.ts";
import { tokenize } from "../../models/tokenizer.ts";
import { excludedMask, popularityOrder, rankTopK, type Recommender } from "./recommender.ts";

export interface Bm25Options {
  /** term-frequency saturation (default 1.2) */
  k1?: number;
  /** length normalisation, 0..1 (default 0.75) */
  b?: number;
}

/** An inverted index over the item texts with BM25 scoring. */
export interface Bm25Index {
  /** BM25 score of every item for the query; each distinct query term counts once */
  score(query: string): Float64Array;
}

/** The text BM25 indexes for an item: title, description and the values of its categorical attributes. */
export function itemText(catalog: Catalog, item: number): string {
  const parts = [catalog.titles[item], catalog.descriptions[item] ?? ""];
  for (const column of catalog.columns.values()) if (column.kind === "category") parts.push(...categoryValues(column, item));
  return parts.join(" ");
}

export function buildBm25Index(catalog: Catalog, options: Bm25Options = {}): Bm25Index {
  const { k1 = 1.2, b = 0.75 } = options;
  const n = catalog.size;
  const lengths = new Float64Array(n);
  const postings = new Map<string, { items: number[]; tf: number[] }>();
  for (let i = 0; i < n; i++) {
    const tokens = tokenize(itemText(catalog, i));
    lengths[i] = tokens.length;
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, f] of tf) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = { items: [], tf: [] }));
      list.items.push(i);
      list.tf.push(f);
    }
  }
  let total = 0;
  for (const l of lengths) total += l;
  const averageLength = n ? total / n || 1 : 1;
  return {
    score(query) {
      const scores = new Float64Array(n);
      for (const term of new Set(tokenize(query))) {
        const list = postings.get(term);
        if (!list) continue;
        const df = list.items.length;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        for (let p = 0; p < df; p++) {
          const i = list.items[p];
          const f = list.tf[p];
          scores[i] += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * lengths[i]) / averageLength));
        }
      }
      return scores;
    },
  };
}

/** Ranks by BM25 of the concatenated commands; items the query does not match follow by popularity in `train`. */
export function bm25Recommender(catalog: Catalog, train: TrainingData, options: Bm25Options = {}): Recommender {
  const index = buildBm25Index(catalog, options);
  const fallback = popularityOrder(train);
  return {
    name: "bm25",
    recommend(request) {
      const query = request.commands.join(" ");
      const scores = query.trim() ? index.score(query) : null;
      return rankTopK(scores, request.k, excludedMask(catalog.size, request), fallback);
    },
  };
}
