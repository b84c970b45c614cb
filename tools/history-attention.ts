import type { EmbeddingMatrix } from "../models/embedding-matrix.ts";

export interface AttentionOptions {
  /** τ: sharpness of the softmax over similarities to the intent */
  temperature: number;
  /** how many of the most recent history items are attended to */
  window: number;
  /** weight ratio between consecutive items when there is no intent (1 = uniform) */
  recencyDecay: number;
}

/** Attention weights over the most recent history items; weights sum to 1. */
export interface HistoryAttention {
  items: Uint32Array;
  weights: Float64Array;
  /** true when the weights follow the intent, false when they only follow recency */
  intentAware: boolean;
}

/**
 * Weights the last `window` history items by softmax(τ · e_h · u) where u is the intent in the
 * semantic space; without an intent, by recency: w_t ∝ decay^(age of t).
 */
export function attendHistory(
  history: Uint32Array,
  intent: Float32Array | null,
  semantic: EmbeddingMatrix,
  options: AttentionOptions,
): HistoryAttention {
  const items = history.subarray(Math.max(0, history.length - options.window));
  const n = items.length;
  const logits = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    logits[t] = intent
      ? options.temperature * dot(semantic.row(items[t]), intent)
      : (n - 1 - t) * Math.log(Math.max(options.recencyDecay, 1e-9));
  }
  return { items, weights: softmax(logits), intentAware: intent !== null };
}

/** Σ_t w_t · c_{h_t}: the attended history as one query in the collaborative space. */
export function poolHistory(attention: HistoryAttention, collaborative: EmbeddingMatrix): Float32Array {
  const query = new Float32Array(collaborative.dim);
  attention.items.forEach((item, t) => {
    const row = collaborative.row(item);
    const w = attention.weights[t];
    for (let j = 0; j < row.length; j++) query[j] += w * row[j];
  });
  return query;
}

/** Mean of the given vectors, or null when there are none. */
export function meanVector(vectors: Float32Array[]): Float32Array | null {
  if (vectors.length === 0) return null;
  const out = new Float32Array(vectors[0].length);
  for (const v of vectors) for (let j = 0; j < out.length; j++) out[j] += v[j] / vectors.length;
  return out;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  return s;
}

function softmax(logits: Float64Array): Float64Array {
  let max = -Infinity;
  for (const x of logits) if (x > max) max = x;
  let sum = 0;
  const out = logits.map((x) => {
    const e = Math.exp(x - max);
    sum += e;
    return e;
  });
  for (let t = 0; t < out.length; t++) out[t] /= sum;
  return out;
}
