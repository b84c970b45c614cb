/** Half-life of the recency weighting, in history positions: the item liked 10 likes ago counts half. */
export const PROFILE_HALF_LIFE = 10;

/**
 * The user's taste in an item-vector space: the recency-weighted mean of the vectors of the items in the
 * history (oldest first), normalised; null when no history item has a vector. Candidates are then scored
 * by their dot product with it, which is how the recommender reads collaborative vectors.
 */
export function profileVector(
  history: ArrayLike<number>,
  items: Float32Array,
  dim: number,
  halfLife = PROFILE_HALF_LIFE,
): Float32Array | null {
  const sum = new Float64Array(dim);
  const decay = Number.isFinite(halfLife) ? Math.pow(0.5, 1 / halfLife) : 1;
  let weight = 1;
  let any = false;
  for (let p = history.length - 1; p >= 0; p--, weight *= decay) {
    const o = history[p] * dim;
    for (let j = 0; j < dim; j++) sum[j] += weight * items[o + j];
    any = true;
  }
  if (!any) return null;
  let norm = 0;
  for (let j = 0; j < dim; j++) norm += sum[j] * sum[j];
  if (norm === 0) return null;
  const inv = 1 / Math.sqrt(norm);
  return Float32Array.from(sum, (x) => x * inv);
}
