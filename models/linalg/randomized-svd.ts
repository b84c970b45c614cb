import { gaussianFill, gram, matmul, symmetricEigen } from "./dense.ts";
import { createRandom } from "../seeded-random.ts";
import { multiplyDense, transpose, type SparseMatrix } from "./sparse-matrix.ts";

export interface TruncatedSvd {
  rank: number;
  /** rows × rank, row-major */
  u: Float64Array;
  singular: Float64Array;
  /** cols × rank, row-major */
  v: Float64Array;
}

export interface SvdOptions {
  oversample?: number;
  powerIterations?: number;
  seed?: number;
  /** skip the right singular vectors (`v` is then empty): saves a pass over the columns */
  leftOnly?: boolean;
  onStep?: (done: number, total: number) => void;
}

/**
 * Orthonormal basis of the column space of Y (rows × k) via the eigenvectors of YᵀY; columns whose
 * energy is negligible are dropped, so a rank-deficient Y yields fewer columns.
 */
function orthonormalize(y: Float64Array, rows: number, k: number): { q: Float64Array; k: number } {
  const { values, vectors } = symmetricEigen(gram(y, rows, k), k);
  const keep: number[] = [];
  for (let i = 0; i < k; i++) if (values[i] > 1e-10 * Math.max(values[0], 1e-300)) keep.push(i);
  const w = new Float64Array(k * keep.length);
  keep.forEach((c, j) => {
    const inv = 1 / Math.sqrt(values[c]);
    for (let r = 0; r < k; r++) w[r * keep.length + j] = vectors[r * k + c] * inv;
  });
  return { q: matmul(y, w, rows, k, keep.length), k: keep.length };
}

/** Orthonormalizes twice: the second pass repairs the precision the Gram matrix loses. */
function stableBasis(y: Float64Array, rows: number, k: number): { q: Float64Array; k: number } {
  const first = orthonormalize(y, rows, k);
  return orthonormalize(first.q, rows, first.k);
}

/**
 * Top-`rank` singular triplets of a sparse matrix by randomized range finding with power iterations
 * (Halko, Martinsson & Tropp 2011). Deterministic for a given seed; missing ranks are zero-padded.
 */
export function randomizedSvd(m: SparseMatrix, rank: number, options: SvdOptions = {}): TruncatedSvd {
  const { oversample = 12, powerIterations = 2, seed = 7, leftOnly = false, onStep } = options;
  const mt = transpose(m);
  let k = Math.max(1, Math.min(rank + oversample, m.rows, m.cols));
  const totalSteps = 2 + 2 * powerIterations;
  let step = 0;
  const omega = new Float64Array(m.cols * k);
  gaussianFill(omega, createRandom(seed));
  // Power iterations Y ← M(MᵀQ): only the row side is re-orthonormalised (few iterations keep the column
  // side well within double precision); the last basis must be orthonormal to precision.
  let basis = orthonormalize(multiplyDense(m, omega, k), m.rows, k);
  onStep?.(++step, totalSteps);
  for (let it = 0; it < powerIterations; it++) {
    const z = multiplyDense(mt, basis.q, basis.k);
    onStep?.(++step, totalSteps);
    const y = multiplyDense(m, z, basis.k);
    basis = it === powerIterations - 1 ? stableBasis(y, m.rows, basis.k) : orthonormalize(y, m.rows, basis.k);
    onStep?.(++step, totalSteps);
  }
  if (powerIterations === 0) basis = orthonormalize(basis.q, m.rows, basis.k);
  k = basis.k;
  // B = Qᵀ M, held transposed (cols × k); BBᵀ = BtᵀBt is k × k.
  const bt = multiplyDense(mt, basis.q, k);
  const { values, vectors } = symmetricEigen(gram(bt, m.cols, k), k);
  onStep?.(++step, totalSteps);
  const uAll = matmul(basis.q, vectors, m.rows, k, k);
  const vAll = leftOnly ? new Float64Array(0) : matmul(bt, vectors, m.cols, k, k);
  const u = new Float64Array(m.rows * rank);
  const v = new Float64Array(leftOnly ? 0 : m.cols * rank);
  const singular = new Float64Array(rank);
  for (let j = 0; j < Math.min(rank, k); j++) {
    const s = Math.sqrt(Math.max(values[j], 0));
    singular[j] = s;
    if (s <= 1e-12) continue;
    for (let r = 0; r < m.rows; r++) u[r * rank + j] = uAll[r * k + j];
    if (!leftOnly) for (let c = 0; c < m.cols; c++) v[c * rank + j] = vAll[c * k + j] / s;
  }
  onStep?.(++step, totalSteps);
  return { rank, u, singular, v };
}
