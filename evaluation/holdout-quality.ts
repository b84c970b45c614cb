/**
 * Turn-0 quality of a Recommender on a leave-last-out split: each user's last positive is the target, the history is
 * what came before, nothing is typed. Scores are per user so that means get bootstrap intervals and systems can be
 * compared pairwise. Run directly to print the baselines' table on a MovieLens folder:
 *   node --import tsx evaluation/holdout-quality.ts [../shared/data/ml-latest-small]
 */
import { fileURLToPath } from "node:url";
import { loadCatalog } from "../catalog/load-catalog.ts";
import { holdOutLast, trainingDataOf, type TrainingData } from "../models/collaborative/training-data.ts";
import { bm25Recommender } from "./baselines/bm25.ts";
import { itemKnnRecommender } from "./baselines/item-knn.ts";
import { popularityRecommender } from "./baselines/popularity.ts";
import type { Recommender } from "./baselines/recommender.ts";
import { ndcgAtK, reciprocalRank, recallAtK } from "./ranking-metrics.ts";
import { bootstrapMean } from "./statistics.ts";

export interface HoldoutScores {
  users: number[];
  recall: number[];
  ndcg: number[];
  /** reciprocal rank within the top k */
  mrr: number[];
}

/** Per-user Recall@k, NDCG@k and MRR@k of the recommender for every user with a target (target[u] ≥ 0). */
export function holdoutScores(recommender: Recommender, train: TrainingData, target: Int32Array, k = 10): HoldoutScores {
  const out: HoldoutScores = { users: [], recall: [], ndcg: [], mrr: [] };
  for (let u = 0; u < train.userCount; u++) {
    const t = target[u];
    if (t < 0) continue;
    const history = train.items.subarray(train.offsets[u], train.offsets[u + 1]);
    const ranked = recommender.recommend({ history, commands: [], k });
    out.users.push(u);
    out.recall.push(recallAtK(ranked, t, k));
    out.ndcg.push(ndcgAtK(ranked, t, k));
    out.mrr.push(reciprocalRank(ranked, t));
  }
  return out;
}

async function main(dir: string) {
  const { catalog } = await loadCatalog(`movielens:${dir}`, {});
  const { train, target } = holdOutLast(trainingDataOf(catalog));
  const systems = [popularityRecommender(train), itemKnnRecommender(train), bm25Recommender(catalog, train)];
  console.log("system       Recall@10 (95% CI)        NDCG@10  MRR@10  users");
  for (const system of systems) {
    const s = holdoutScores(system, train, target);
    const r = bootstrapMean(s.recall);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(
      `${system.name.padEnd(12)} ${r.mean.toFixed(4)} [${r.low.toFixed(4)}, ${r.high.toFixed(4)}]  ${mean(s.ndcg).toFixed(4)}  ${mean(s.mrr).toFixed(4)}  ${s.users.length}`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main(process.argv[2] ?? fileURLToPath(new URL("../../shared/data/ml-latest-small/", import.meta.url)));
}
