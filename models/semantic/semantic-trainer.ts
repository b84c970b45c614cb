import type { Catalog } from "../../catalog/catalog.ts";
import { normalizeRows } from "../linalg/dense.ts";
import { createRandom } from "../seeded-random.ts";
import { randomizedSvd } from "../linalg/randomized-svd.ts";
import { sparseFromTriplets } from "../linalg/sparse-matrix.ts";
import { silentProgress, type Progress } from "../progress.ts";
import { buildItemDocuments, type ItemDocuments } from "./item-documents.ts";

/** What a trained semantic model consists of; everything else is derived from it and the catalog. */
export interface SemanticArtifacts {
  dim: number;
  /** size × dim, unit rows (zero for an item without known tokens) */
  items: Float32Array;
  vocabulary: string[];
  /** vocabulary × dim */
  tokenVectors: Float32Array;
  idf: Float32Array;
}

export interface SemanticTrainOptions {
  dim?: number;
  /** items the SVD is fitted on; the rest are folded in */
  sampleSize?: number;
  /** token vector = U · Σ^exponent */
  singularExponent?: number;
  seed?: number;
  progress?: Progress;
}

export const SEMANTIC_DIM = 64;

function sampleItems(size: number, sampleSize: number, seed: number): Uint32Array {
  const all = Uint32Array.from({ length: size }, (_, i) => i);
  if (size <= sampleSize) return all;
  const random = createRandom(seed);
  for (let i = 0; i < sampleSize; i++) {
    const j = i + Math.floor(random() * (size - i));
    const t = all[i];
    all[i] = all[j];
    all[j] = t;
  }
  return all.slice(0, sampleSize).sort();
}

/** log-scaled term frequency times idf; the unit of both the SVD matrix and the fold-in. */
function termWeight(count: number, idf: number): number {
  return Math.log1p(count) * idf;
}

/**
 * Learns item and token embeddings from the catalog's own text: a TF-IDF token × item matrix over at most
 * `sampleSize` items is factorised by randomized truncated SVD (LSA); every item is then the normalised
 * TF-IDF-weighted sum of its token vectors, which keeps a million items feasible.
 */
export function trainSemantic(catalog: Catalog, options: SemanticTrainOptions = {}): SemanticArtifacts {
  const { dim = SEMANTIC_DIM, sampleSize = 50_000, singularExponent = 0.5, seed = 11, progress = silentProgress } = options;
  progress.phase("semantic: tokenizing", catalog.size);
  const docs = buildItemDocuments(catalog, undefined, (i) => progress.update(i));
  progress.done();
  const idf = Float32Array.from(docs.df, (df) => Math.log((catalog.size + 1) / (df + 1)) + 1);

  const sample = sampleItems(catalog.size, sampleSize, seed);
  const tokenVectors = fitTokenVectors(docs, idf, sample, dim, singularExponent, seed, progress);
  progress.phase("semantic: folding in items", catalog.size);
  const items = foldIn(docs, idf, tokenVectors, dim, catalog.size, progress);
  progress.done();
  if (sample.length < catalog.size) fillUnsampledTokens(docs, items, tokenVectors, dim);
  return { dim, items, vocabulary: docs.vocabulary, tokenVectors, idf };
}

function fitTokenVectors(
  docs: ItemDocuments, idf: Float32Array, sample: Uint32Array, dim: number,
  exponent: number, seed: number, progress: Progress,
): Float32Array {
  let nnz = 0;
  for (const i of sample) nnz += docs.offsets[i + 1] - docs.offsets[i];
  const rowOf = new Uint32Array(nnz);
  const colOf = new Uint32Array(nnz);
  const valueOf = new Float32Array(nnz);
  let w = 0;
  sample.forEach((item, col) => {
    const start = w;
    let norm = 0;
    for (let p = docs.offsets[item]; p < docs.offsets[item + 1]; p++) {
      const t = docs.tokens[p];
      const v = termWeight(docs.counts[p], idf[t]);
      rowOf[w] = t;
      colOf[w] = col;
      valueOf[w++] = v;
      norm += v * v;
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let p = start; p < w; p++) valueOf[p] *= inv;
  });
  const matrix = sparseFromTriplets(docs.vocabulary.length, sample.length, rowOf, colOf, valueOf);
  progress.phase("semantic: SVD", 1);
  const svd = randomizedSvd(matrix, dim, { seed, leftOnly: true, onStep: (d, t) => progress.update(d / t) });
  progress.done();
  const out = new Float32Array(docs.vocabulary.length * dim);
  for (let j = 0; j < dim; j++) {
    const scale = Math.pow(svd.singular[j], exponent);
    for (let t = 0; t < docs.vocabulary.length; t++) out[t * dim + j] = svd.u[t * dim + j] * scale;
  }
  return out;
}

function foldIn(
  docs: ItemDocuments, idf: Float32Array, tokenVectors: Float32Array, dim: number, size: number, progress: Progress,
): Float32Array {
  const items = new Float32Array(size * dim);
  for (let i = 0; i < size; i++) {
    const o = i * dim;
    for (let p = docs.offsets[i]; p < docs.offsets[i + 1]; p++) {
      const t = docs.tokens[p];
      const v = termWeight(docs.counts[p], idf[t]);
      const to = t * dim;
      for (let j = 0; j < dim; j++) items[o + j] += v * tokenVectors[to + j];
    }
    if ((i & 8191) === 0) progress.update(i);
  }
  normalizeRows(items, dim);
  return items;
}

/** Tokens absent from the SVD sample get the mean direction of the items carrying them, at a typical norm. */
function fillUnsampledTokens(docs: ItemDocuments, items: Float32Array, tokenVectors: Float32Array, dim: number): void {
  const vocabSize = docs.vocabulary.length;
  const norms = new Float32Array(vocabSize);
  for (let t = 0; t < vocabSize; t++) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += tokenVectors[t * dim + j] ** 2;
    norms[t] = Math.sqrt(s);
  }
  const typical = medianNorm(tokenVectors, dim);
  const sums = new Float32Array(vocabSize * dim);
  const missing = norms.map((n) => (n > 0 ? 0 : 1));
  for (let i = 0; i < docs.offsets.length - 1; i++) {
    for (let p = docs.offsets[i]; p < docs.offsets[i + 1]; p++) {
      const t = docs.tokens[p];
      if (!missing[t]) continue;
      for (let j = 0; j < dim; j++) sums[t * dim + j] += items[i * dim + j];
    }
  }
  normalizeRows(sums, dim);
  for (let t = 0; t < vocabSize; t++) {
    if (!missing[t]) continue;
    for (let j = 0; j < dim; j++) tokenVectors[t * dim + j] = sums[t * dim + j] * typical;
  }
}

function medianNorm(vectors: Float32Array, dim: number): number {
  const norms: number[] = [];
  for (let o = 0; o < vectors.length; o += dim) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += vectors[o + j] ** 2;
    if (s > 0) norms.push(Math.sqrt(s));
  }
  norms.sort((a, b) => a - b);
  return norms.length > 0 ? norms[norms.length >> 1] : 1;
}

