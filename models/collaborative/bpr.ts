import { gaussianFill } from "../linalg/dense.ts";
import { createRandom } from "../seeded-random.ts";
import type { TrainingData } from "./training-data.ts";

export interface BprOptions {
  dim: number;
  epochs?: number;
  learningRate?: number;
  regularization?: number;
  seed?: number;
  onEpoch?: (done: number, total: number) => void;
}

/**
 * Bayesian personalised ranking (Rendle et al. 2009) by SGD: each step pushes a user's liked item above a
 * random item with interactions. One epoch draws as many triples as there are interactions. Returns item factors.
 */
export function trainBpr(data: TrainingData, options: BprOptions): Float32Array {
  const { dim: k, epochs = 30, learningRate = 0.05, regularization = 0.002, seed = 3, onEpoch } = options;
  const random = createRandom(seed);
  const users = new Float32Array(data.userCount * k);
  const items = new Float32Array(data.itemCount * k);
  gaussianFill(users, random, 0.1);
  gaussianFill(items, random, 0.1);
  const nnz = data.items.length;
  const userOf = new Uint32Array(nnz);
  for (let u = 0; u < data.userCount; u++) userOf.fill(u, data.offsets[u], data.offsets[u + 1]);
  const seen = new Uint8Array(data.itemCount);
  for (const i of data.items) seen[i] = 1;
  const negatives = Uint32Array.from(seen.reduce<number[]>((acc, s, i) => (s ? (acc.push(i), acc) : acc), []));
  if (nnz === 0 || negatives.length < 2) return items;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const lr = learningRate * (1 - epoch / (epochs + 1));
    for (let s = 0; s < nnz; s++) {
      const q = Math.floor(random() * nnz);
      const uo = userOf[q] * k;
      const io = data.items[q] * k;
      const jo = negatives[Math.floor(random() * negatives.length)] * k;
      if (io === jo) continue;
      let x = 0;
      for (let a = 0; a < k; a++) x += users[uo + a] * (items[io + a] - items[jo + a]);
      const g = 1 / (1 + Math.exp(x));
      for (let a = 0; a < k; a++) {
        const uf = users[uo + a];
        const vi = items[io + a];
        const vj = items[jo + a];
        users[uo + a] += lr * (g * (vi - vj) - regularization * uf);
        items[io + a] += lr * (g * uf - regularization * vi);
        items[jo + a] += lr * (-g * uf - regularization * vj);
      }
    }
    onEpoch?.(epoch + 1, epochs);
  }
  return items;
}
