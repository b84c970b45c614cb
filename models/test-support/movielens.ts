import { fileURLToPath } from "node:url";
import type { Catalog } from "../../catalog/catalog.ts";
import { loadCatalog } from "../../catalog/load-catalog.ts";

/** ml-latest-small in the shared data folder (read in place, never copied). */
export const ML_SMALL_DIR = fileURLToPath(new URL("../../../shared/data/ml-latest-small/", import.meta.url));

export async function loadMlSmall(): Promise<Catalog> {
  return (await loadCatalog(`movielens:${ML_SMALL_DIR}`)).catalog;
}

/** The `n` items whose vectors score highest against `query`. */
export function nearestItems(items: Float32Array, dim: number, query: Float32Array, n: number): number[] {
  const scored: [number, number][] = [];
  for (let i = 0; i < items.length / dim; i++) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += items[i * dim + j] * query[j];
    scored.push([s, i]);
  }
  return scored.sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, n).map(([, i]) => i);
}

/** Largest deviation of any non-zero row from unit length. */
export function unitLengthError(items: Float32Array, dim: number): { maxError: number; zeroRows: number } {
  let maxError = 0;
  let zeroRows = 0;
  for (let o = 0; o < items.length; o += dim) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += items[o + j] ** 2;
    if (s === 0) zeroRows++;
    else maxError = Math.max(maxError, Math.abs(Math.sqrt(s) - 1));
  }
  return { maxError, zeroRows };
}
