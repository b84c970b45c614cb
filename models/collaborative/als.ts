import { gaussianFill } from "../linalg/dense.ts";
import { createRandom } from "../seeded-random.ts";
import { usersByItem, type TrainingData } from "./training-data.ts";

export interface AlsOptions {
  dim: number;
  iterations?: number;
  /** confidence of an observed positive: c = 1 + alpha */
  alpha?: number;
  regularization?: number;
  /** conjugate-gradient steps per row and half-iteration (warm-started) */
  cgSteps?: number;
  seed?: number;
  onIteration?: (done: number, total: number) => void;
}

/** YᵀY over the rows of a factor matrix. */
function gramOf(y: Float32Array, rows: number, k: number): Float64Array {
  const g = new Float64Array(k * k);
  for (let r = 0; r < rows; r++) {
    const o = r * k;
    for (let a = 0; a < k; a++) {
      const v = y[o + a];
      if (v === 0) continue;
      for (let b = a; b < k; b++) g[a * k + b] += v * y[o + b];
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) g[a * k + b] = g[b * k + a];
  return g;
}

/** out = (G + reg·I) v for a k × k matrix G; four accumulators keep the JIT's loop tight. */
function regularizedProduct(g: Float64Array, v: Float64Array, out: Float64Array, k: number, reg: number): void {
  for (let a = 0; a < k; a++) {
    const o = a * k;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let b = 0;
    for (; b + 3 < k; b += 4) {
      s0 += g[o + b] * v[b];
      s1 += g[o + b + 1] * v[b + 1];
      s2 += g[o + b + 2] * v[b + 2];
      s3 += g[o + b + 3] * v[b + 3];
    }
    for (; b < k; b++) s0 += g[o + b] * v[b];
    out[a] = s0 + s1 + s2 + s3 + reg * v[a];
  }
}

/**
 * One ALS half-step: each row x of X solves (YᵀY + Yᵀ(C−I)Y + λI) x = YᵀC p by a few warm-started conjugate
 * gradient steps (Takács, Pilászy & Tikk 2011), never forming the per-row matrix.
 */
function halfStep(
  x: Float32Array, y: Float32Array, rows: number, yRows: number, offsets: Uint32Array, indices: Uint32Array,
  k: number, alpha: number, reg: number, cgSteps: number,
): void {
  const yty = gramOf(y, yRows, k);
  const xr = new Float64Array(k);
  const r = new Float64Array(k);
  const p = new Float64Array(k);
  const ap = new Float64Array(k);
  for (let u = 0; u < rows; u++) {
    const start = offsets[u];
    const end = offsets[u + 1];
    const o = u * k;
    if (start === end) {
      x.fill(0, o, o + k);
      continue;
    }
    for (let a = 0; a < k; a++) xr[a] = x[o + a];
    regularizedProduct(yty, xr, r, k, reg);
    for (let a = 0; a < k; a++) r[a] = -r[a];
    for (let q = start; q < end; q++) {
      const yo = indices[q] * k;
      let d = 0;
      for (let a = 0; a < k; a++) d += y[yo + a] * xr[a];
      const coef = 1 + alpha - alpha * d;
      for (let a = 0; a < k; a++) r[a] += coef * y[yo + a];
    }
    p.set(r);
    let rsOld = 0;
    for (let a = 0; a < k; a++) rsOld += r[a] * r[a];
    for (let step = 0; step < cgSteps && rsOld > 1e-12; step++) {
      regularizedProduct(yty, p, ap, k, reg);
      for (let q = start; q < end; q++) {
        const yo = indices[q] * k;
        let d = 0;
        for (let a = 0; a < k; a++) d += y[yo + a] * p[a];
        d *= alpha;
        for (let a = 0; a < k; a++) ap[a] += d * y[yo + a];
      }
      let pAp = 0;
      for (let a = 0; a < k; a++) pAp += p[a] * ap[a];
      const step_ = rsOld / pAp;
      let rsNew = 0;
      for (let a = 0; a < k; a++) {
        xr[a] += step_ * p[a];
        r[a] -= step_ * ap[a];
        rsNew += r[a] * r[a];
      }
      const beta = rsNew / rsOld;
      for (let a = 0; a < k; a++) p[a] = r[a] + beta * p[a];
      rsOld = rsNew;
    }
    for (let a = 0; a < k; a++) x[o + a] = xr[a];
  }
}

/** Implicit-feedback ALS (Hu, Koren & Volinsky 2008) with conjugate-gradient solves; returns item factors. */
export function trainAls(data: TrainingData, options: AlsOptions): Float32Array {
  const { dim: k, iterations = 12, alpha = 10, regularization = 1, cgSteps = 3, seed = 5, onIteration } = options;
  const random = createRandom(seed);
  const userFactors = new Float32Array(data.userCount * k);
  const itemFactors = new Float32Array(data.itemCount * k);
  gaussianFill(userFactors, random, 0.01);
  gaussianFill(itemFactors, random, 0.01);
  const byItem = usersByItem(data);
  for (let it = 0; it < iterations; it++) {
    halfStep(userFactors, itemFactors, data.userCount, data.itemCount, data.offsets, data.items, k, alpha, regularization, cgSteps);
    halfStep(itemFactors, userFactors, data.itemCount, data.userCount, byItem.offsets, byItem.users, k, alpha, regularization, cgSteps);
    onIteration?.(it + 1, iterations);
  }
  return itemFactors;
}
