import type { Catalog } from "../../catalog/catalog.ts";
import { normalizeRows } from "../linalg/dense.ts";
import type { CollaborativeModel } from "../model-types.ts";
import { silentProgress, type Progress } from "../progress.ts";
import { trainAls } from "./als.ts";
import { trainBpr } from "./bpr.ts";
import { popularityOf, trainingDataOf, type TrainingData } from "./training-data.ts";

export const COLLABORATIVE_DIM = 32;

/** Interactions above which the trainers take fewer passes, so a million-item catalog builds in minutes. */
const LARGE_INTERACTIONS = 2_000_000;

type Trainer = (data: TrainingData, dim: number, progress: Progress) => Float32Array;

/** Every collaborative algorithm by name, with the hyper-parameters chosen on ml-latest-small (bench/quality.ts). */
export const COLLABORATIVE_ALGORITHMS: Readonly<Record<string, Trainer>> = {
  als: (data, dim, progress) => {
    const large = data.items.length > LARGE_INTERACTIONS;
    const iterations = large ? 5 : 8;
    progress.phase("collaborative: ALS", iterations);
    const items = trainAls(data, { dim, iterations, alpha: 30, regularization: 5, cgSteps: large ? 2 : 3, onIteration: (d) => progress.update(d) });
    progress.done();
    return items;
  },
  bpr: (data, dim, progress) => {
    const epochs = data.items.length > LARGE_INTERACTIONS ? 10 : 40;
    progress.phase("collaborative: BPR", epochs);
    const items = trainBpr(data, { dim, epochs, onEpoch: (d) => progress.update(d) });
    progress.done();
    return items;
  },
};

/**
 * The default algorithm: implicit ALS beat BPR and popularity on Recall@10 and NDCG@10 in the
 * leave-last-out check on ml-latest-small (see bench/quality.ts for the table).
 */
export const DEFAULT_COLLABORATIVE = "als";

/** Unit-length item vectors from a trainer's raw factors; items without interactions get zero vectors. */
export function finishItemVectors(raw: Float32Array, data: TrainingData, dim: number): Float32Array {
  const seen = new Uint8Array(data.itemCount);
  for (const i of data.items) seen[i] = 1;
  for (let i = 0; i < data.itemCount; i++) if (!seen[i]) raw.fill(0, i * dim, (i + 1) * dim);
  normalizeRows(raw, dim);
  return raw;
}

/** Trains one collaborative algorithm on the given positive interactions. */
export function trainCollaborativeOn(
  data: TrainingData,
  algorithm = DEFAULT_COLLABORATIVE,
  progress: Progress = silentProgress,
  dim = COLLABORATIVE_DIM,
): CollaborativeModel {
  const trainer = COLLABORATIVE_ALGORITHMS[algorithm];
  if (!trainer) throw new Error(`unknown collaborative algorithm "${algorithm}" (known: ${Object.keys(COLLABORATIVE_ALGORITHMS).join(", ")})`);
  const items = finishItemVectors(trainer(data, dim, progress), data, dim);
  return { algorithm, dim, items, popularity: popularityOf(data) };
}

/** Trains the default collaborative model on a catalog's positive histories. */
export function trainCollaborative(catalog: Catalog, progress: Progress = silentProgress): CollaborativeModel {
  return trainCollaborativeOn(trainingDataOf(catalog), DEFAULT_COLLABORATIVE, progress);
}
