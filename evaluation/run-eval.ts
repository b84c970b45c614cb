import { basename } from "node:path";
import type { Catalog } from "../catalog/catalog.ts";
import { trainingDataOf } from "../models/collaborative/training-data.ts";
import type { Progress } from "../models/progress.ts";
import { createRandom, shuffledIndices } from "../models/seeded-random.ts";
import { loadAgents } from "../runtime/agents.ts";
import { EvalReport, type SystemMetrics } from "../schemas/eval-report.ts";
import type { Scenario } from "../schemas/simulated-session.ts";
import type { HeldOutCase } from "../simulation/holdout.ts";
import { SCENARIOS } from "../simulation/scenarios.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { sessionScores, systemMetrics, type SystemRun } from "./eval-metrics.ts";
import { baselineSystems, oracleSystem, recbotSystem, type EvalSystem } from "./eval-systems.ts";
import { runInteractiveSession, type EvalSession } from "./interactive-session.ts";
import { pairedComparison } from "./statistics.ts";

export interface EvalOptions {
  catalogRef: string;
  /** the held-out training catalog (models in `ctx` are trained on it) */
  training: Catalog;
  ctx: ToolContext;
  cases: HeldOutCase[];
  scenario: Scenario;
  sessions: number;
  seed: number;
  k: number;
  /** saved Parser or Planner graph variants (JSON files, or `name@version` saved on a server), each one more recbot system */
  graphFiles?: string[];
  /** where `name@version` graphs are read from (the server's data folder) */
  dataDir?: string;
  progress: Progress;
}

/** The systems of an evaluation: recbot, one per graph variant, the oracle-parse Planner and the baselines. */
export function evalSystems(options: Pick<EvalOptions, "training" | "ctx" | "graphFiles" | "dataDir">): EvalSystem[] {
  const { ctx, training } = options;
  const agents = loadAgents(ctx);
  return [
    recbotSystem("recbot", agents, ctx),
    ...(options.graphFiles ?? []).map((file) => recbotSystem(`recbot:${basename(file, ".json")}`, loadAgents(ctx, [file], { dataDir: options.dataDir }), ctx)),
    oracleSystem("recbot-oracle", agents, ctx),
    ...baselineSystems(training, trainingDataOf(training)),
  ];
}

/**
 * Runs every system on the same simulated sessions (cases in a seeded order, one user seed per case) and measures
 * them: per-system metrics, and each recbot variant paired against the baseline with the best Pass Rate.
 */
export async function runEvaluation(options: EvalOptions): Promise<EvalReport> {
  const { scenario, k, seed, ctx, progress } = options;
  const count = SCENARIOS[scenario].targets;
  const order = shuffledIndices(options.cases.length, createRandom(seed)).filter((n) => options.cases[n].targets.length >= count);
  const chosen = order.slice(0, options.sessions);
  const systems = evalSystems(options);
  const runs: SystemRun[] = [];
  for (const system of systems) {
    progress.phase(`eval ${system.name}`, chosen.length);
    const sessions: EvalSession[] = [];
    for (const n of chosen) {
      const heldOut = options.cases[n];
      const session = await runInteractiveSession({
        id: `${scenario.toLowerCase()}-${seed}-${heldOut.user}`, scenario, index: ctx.index, heldOut,
        seed: seed * 100_003 + n, system, k,
      });
      sessions.push(session!);
      progress.update(sessions.length);
    }
    progress.done();
    runs.push({ name: system.name, kind: system.kind, parses: system.parses, sessions });
  }
  const metrics = runs.map((run) => systemMetrics(run, k, ctx, seed));
  const best = bestBaseline(metrics);
  const comparisons: EvalReport["comparisons"] = [];
  const bestRun = runs.find((r) => r.name === best);
  if (bestRun) {
    const b = sessionScores(bestRun.sessions, k);
    for (const run of runs.filter((r) => r.kind === "recbot")) {
      const a = sessionScores(run.sessions, k);
      for (const metric of ["pass", "recall", "ndcg", "mrr"] as const) {
        const c = pairedComparison(a[metric], b[metric], { seed });
        const num = (x: number) => (Number.isFinite(x) ? x : null);
        comparisons.push({
          metric, a: run.name, b: bestRun.name, n: c.n, meanA: num(c.meanA), meanB: num(c.meanB), pValue: num(c.pValue),
          difference: { n: c.difference.n, mean: num(c.difference.mean), low: num(c.difference.low), high: num(c.difference.high) },
        });
      }
    }
  }
  const { ids } = options.training;
  const first = runs[0]?.sessions ?? [];
  return EvalReport.parse({
    catalog: options.catalogRef, scenario, seed, k, createdAt: new Date().toISOString(),
    sessions: first.map((s) => ({ id: s.id, user: s.user, seed: s.seed, targets: s.targets.map((i) => ids[i]) })),
    systems: metrics, bestBaseline: best, comparisons,
  });
}

/** The baseline with the highest Pass Rate (then Recall@K of the last feed). */
export function bestBaseline(metrics: SystemMetrics[]): string | null {
  const baselines = metrics.filter((m) => m.kind === "baseline");
  baselines.sort((a, b) => (b.passRate.mean ?? 0) - (a.passRate.mean ?? 0) || (b.recall.mean ?? 0) - (a.recall.mean ?? 0));
  return baselines[0]?.name ?? null;
}
