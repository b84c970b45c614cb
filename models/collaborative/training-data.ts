import type { Catalog } from "../../catalog/catalog.ts";

/** Positive user → item interactions in CSR form (oldest first per user): what collaborative models train on. */
export interface TrainingData {
  userCount: number;
  itemCount: number;
  offsets: Uint32Array;
  items: Uint32Array;
}

/** The catalog's positive histories as training data. */
export function trainingDataOf(catalog: Catalog): TrainingData {
  const { offsets, items } = catalog.histories;
  return { userCount: offsets.length - 1, itemCount: catalog.size, offsets, items };
}

/** Leave-last-out split: each user's most recent positive becomes the target (users with fewer than 2 get -1). */
export function holdOutLast(data: TrainingData): { train: TrainingData; target: Int32Array } {
  const target = new Int32Array(data.userCount).fill(-1);
  const offsets = new Uint32Array(data.userCount + 1);
  const items: number[] = [];
  for (let u = 0; u < data.userCount; u++) {
    const start = data.offsets[u];
    const end = data.offsets[u + 1];
    const keep = end - start >= 2 ? end - 1 : end;
    if (keep < end) target[u] = data.items[end - 1];
    for (let p = start; p < keep; p++) items.push(data.items[p]);
    offsets[u + 1] = items.length;
  }
  return { train: { ...data, offsets, items: Uint32Array.from(items) }, target };
}

/** Item → users index (the transpose of the training data). */
export function usersByItem(data: TrainingData): { offsets: Uint32Array; users: Uint32Array } {
  const offsets = new Uint32Array(data.itemCount + 1);
  for (const i of data.items) offsets[i + 1]++;
  for (let i = 0; i < data.itemCount; i++) offsets[i + 1] += offsets[i];
  const cursor = offsets.slice(0, data.itemCount);
  const users = new Uint32Array(data.items.length);
  for (let u = 0; u < data.userCount; u++) {
    for (let p = data.offsets[u]; p < data.offsets[u + 1]; p++) users[cursor[data.items[p]]++] = u;
  }
  return { offsets, users };
}

/** log(1 + count) / log(1 + max count) per item. */
export function popularityOf(data: TrainingData): Float32Array {
  const counts = new Uint32Array(data.itemCount);
  for (const i of data.items) counts[i]++;
  let max = 0;
  for (const c of counts) if (c > max) max = c;
  const denominator = Math.log1p(max) || 1;
  return Float32Array.from(counts, (c) => Math.log1p(c) / denominator);
}
