import { fileURLToPath } from "node:url";
import { loadCatalog } from "../catalog/load-catalog.ts";
import {
  COLLABORATIVE_ALGORITHMS,
  DEFAULT_COLLABORATIVE,
  trainCollaborativeOn,
} from "../models/collaborative/collaborative-trainer.ts";
import { evaluateHoldout, popularityScorer, vectorScorer } from "../models/collaborative/holdout-eval.ts";
import { holdOutLast, popularityOf, trainingDataOf } from "../models/collaborative/training-data.ts";

/** One line of the turn-0 quality table. */
export interface QualityRow {
  method: string;
  recallAt10: number;
  ndcgAt10: number;
  users: number;
  trainMs: number;
  isDefault: boolean;
}

/**
 * Turn-0 (history only) quality on a MovieLens folder: each user's last positive is held out, every
 * model is trained without it, and candidates are scored as the recommender scores them.
 */
export async function runQualityCheck(mlDir: string): Promise<QualityRow[]> {
  const { catalog } = await loadCatalog(`movielens:${mlDir}`);
  const { train, target } = holdOutLast(trainingDataOf(catalog));
  const popularity = evaluateHoldout(train, target, popularityScorer(popularityOf(train)));
  const rows: QualityRow[] = [{ method: "popularity", ...popularity, trainMs: 0, isDefault: false }];
  for (const algorithm of Object.keys(COLLABORATIVE_ALGORITHMS)) {
    const started = performance.now();
    const model = trainCollaborativeOn(train, algorithm);
    const trainMs = performance.now() - started;
    const quality = evaluateHoldout(train, target, vectorScorer(model.items, model.dim));
    rows.push({ method: algorithm, ...quality, trainMs, isDefault: algorithm === DEFAULT_COLLABORATIVE });
  }
  return rows;
}

/** The rows as an aligned text table; the default algorithm is marked with `*`. */
export function formatQualityTable(rows: QualityRow[]): string {
  const lines = ["method        Recall@10  NDCG@10  users  train ms"];
  for (const r of rows) {
    const name = `${r.method}${r.isDefault ? " *" : ""}`.padEnd(12);
    lines.push(
      `${name}  ${r.recallAt10.toFixed(4).padStart(9)}  ${r.ndcgAt10.toFixed(4).padStart(7)}  ${String(r.users).padStart(5)}  ${Math.round(r.trainMs).toString().padStart(8)}`,
    );
  }
  lines.push("* default collaborative algorithm");
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? fileURLToPath(new URL("../../shared/data/ml-latest-small/", import.meta.url));
  console.log(formatQualityTable(await runQualityCheck(dir)));
}
