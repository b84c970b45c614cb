/**
 * Aggregates the sessions one system lived into the numbers of `recbot eval`: per-session scores (what the
 * bootstrap and the paired comparison resample), per-turn curves, constraint satisfaction, slot-F1 and latency.
 */
import { quantile } from "../bench/stats.ts";
import type { SystemMetrics } from "../schemas/eval-report.ts";
import { csrAtK, negativeViolationRate, resolveHardConstraints, type ConstraintContext } from "./constraint-satisfaction.ts";
import type { EvalSession } from "./interactive-session.ts";
import { ndcgAtK, recallAtK, reciprocalRank } from "./ranking-metrics.ts";
import { aggregateSlots, scoreCase } from "./slot-f1.ts";
import { bootstrapMean, type MeanEstimate } from "./statistics.ts";

/** One score per session, in session order: what paired comparisons read. */
export interface SessionScores {
  pass: number[];
  rounds: number[];
  recall: number[];
  ndcg: number[];
  mrr: number[];
}

/**
 * Pass = the session's final target in the top k of a feed shown while the user pursued it; rounds = commands typed
 * until then (all of them when it never happened); Recall/NDCG/MRR read the session's last feed.
 */
export function sessionScores(sessions: EvalSession[], k: number): SessionScores {
  const out: SessionScores = { pass: [], rounds: [], recall: [], ndcg: [], mrr: [] };
  for (const s of sessions) {
    const final = s.targets.at(-1)!;
    const hit = s.turns.findIndex((t) => t.target === final && recallAtK(t.items, final, k) === 1);
    out.pass.push(hit >= 0 ? 1 : 0);
    out.rounds.push(hit >= 0 ? hit : s.turns.length - 1);
    const last = s.turns.at(-1)!;
    out.recall.push(recallAtK(last.items, last.target, k));
    out.ndcg.push(ndcgAtK(last.items, last.target, k));
    out.mrr.push(reciprocalRank(last.items.slice(0, k), last.target));
  }
  return out;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
const orNull = (x: number) => (Number.isFinite(x) ? x : null);

/** A bootstrap estimate with NaN as null (JSON has no NaN). */
export function estimate(values: number[], seed: number): SystemMetrics["passRate"] {
  const e: MeanEstimate = bootstrapMean(values, { seed });
  return { n: e.n, mean: orNull(e.mean), low: orNull(e.low), high: orNull(e.high) };
}

/** Recall/NDCG/MRR per turn, a finished session carrying its last feed's values; CSR@k over active sessions. */
export function byTurn(sessions: EvalSession[], k: number, ctx: ConstraintContext): SystemMetrics["byTurn"] {
  const turns = Math.max(0, ...sessions.map((s) => s.turns.length));
  const rows: SystemMetrics["byTurn"] = [];
  for (let t = 0; t < turns; t++) {
    const recall: number[] = [], ndcg: number[] = [], mrr: number[] = [], csr: number[] = [], ms: number[] = [];
    let active = 0;
    for (const s of sessions) {
      const turn = s.turns[Math.min(t, s.turns.length - 1)];
      recall.push(recallAtK(turn.items, turn.target, k));
      ndcg.push(ndcgAtK(turn.items, turn.target, k));
      mrr.push(reciprocalRank(turn.items.slice(0, k), turn.target));
      if (t >= s.turns.length) continue;
      active++;
      ms.push(turn.latencyMs);
      const c = csrAtK(turn.items, resolveHardConstraints(turn.gold, ctx), k);
      if (c !== null) csr.push(c);
    }
    rows.push({
      turn: t, active, recall: mean(recall), ndcg: mean(ndcg), mrr: mean(mrr), csr: orNull(mean(csr)),
      latencyMedianMs: orNull(quantile(ms, 0.5)), latencyP95Ms: orNull(quantile(ms, 0.95)),
    });
  }
  return rows;
}

/** Latency of every turn: median, p95 and a histogram of `bins` equal-width bins. */
export function latencySummary(ms: number[], bins = 20): SystemMetrics["latency"] {
  if (ms.length === 0) return { turns: 0, medianMs: 0, p95Ms: 0, histogram: [] };
  const top = Math.max(quantile(ms, 0.99), 1e-3);
  const width = top / bins;
  const histogram = Array.from({ length: bins }, (_, b) => ({ fromMs: b * width, toMs: (b + 1) * width, count: 0 }));
  for (const x of ms) histogram[Math.min(bins - 1, Math.floor(x / width))].count++;
  return { turns: ms.length, medianMs: quantile(ms, 0.5), p95Ms: quantile(ms, 0.95), histogram };
}

/**
 * The Planner's candidate funnel, one entry per route the graph took (conditional nodes such as the Filter run only
 * on some turns), most frequent first: mean candidates in and out of each node over the turns that took that route.
 * Null when the system reports no funnel.
 */
export function funnelSummary(sessions: EvalSession[]): SystemMetrics["funnel"] {
  const routes = new Map<string, { turns: number; steps: { node: string; in: number; out: number }[] }>();
  for (const s of sessions) for (const turn of s.turns) {
    const steps = turn.funnel ?? [];
    if (steps.length === 0) continue;
    const key = steps.map((f) => f.node).join(" → ");
    const route = routes.get(key) ?? { turns: 0, steps: steps.map((f) => ({ node: f.node, in: 0, out: 0 })) };
    route.turns++;
    steps.forEach((f, i) => {
      route.steps[i].in += f.in;
      route.steps[i].out += f.out;
    });
    routes.set(key, route);
  }
  if (routes.size === 0) return null;
  return [...routes.values()].sort((a, b) => b.turns - a.turns).map((r) => ({
    turns: r.turns,
    steps: r.steps.map((f) => ({ node: f.node, meanIn: f.in / r.turns, meanOut: f.out / r.turns })),
  }));
}

export interface SystemRun {
  name: string;
  kind: SystemMetrics["kind"];
  parses: boolean;
  sessions: EvalSession[];
}

/** Every metric of one system. */
export function systemMetrics(run: SystemRun, k: number, ctx: ConstraintContext, seed = 1): SystemMetrics {
  const scores = sessionScores(run.sessions, k);
  const csr: number[] = [];
  const violations: number[] = [];
  const latencies: number[] = [];
  const slots = [];
  for (const s of run.sessions) {
    for (const turn of s.turns) {
      latencies.push(turn.latencyMs);
      const hard = resolveHardConstraints(turn.gold, ctx);
      const c = csrAtK(turn.items, hard, k);
      if (c !== null) csr.push(c);
      const v = negativeViolationRate(turn.items, hard, k);
      if (v !== null) violations.push(v);
      if (run.parses && turn.command !== undefined) slots.push(scoreCase(turn.gold, turn.parsed));
    }
  }
  const slotScores = run.parses ? aggregateSlots(slots) : null;
  return {
    name: run.name, kind: run.kind, sessions: run.sessions.length, sessionIds: run.sessions.map((s) => s.id),
    passRate: estimate(scores.pass, seed), averageRounds: estimate(scores.rounds, seed),
    recall: estimate(scores.recall, seed), ndcg: estimate(scores.ndcg, seed), mrr: estimate(scores.mrr, seed),
    csr: estimate(csr, seed), negativeViolation: estimate(violations, seed),
    slotF1: slotScores && { cases: slotScores.cases, strict: slotScores.strict.f1, lenient: slotScores.lenient.f1, exactRate: slotScores.exactRate },
    latency: latencySummary(latencies),
    byTurn: byTurn(run.sessions, k, ctx),
    funnel: funnelSummary(run.sessions),
    perSession: scores,
  };
}
