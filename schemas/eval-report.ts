import { z } from "zod";
import { Scenario } from "./simulated-session.ts";

/** A mean with its percentile-bootstrap 95% interval (null when there was nothing to average). */
export const Estimate = z.object({
  n: z.number().int().describe("values averaged"),
  mean: z.number().nullable(),
  low: z.number().nullable().describe("2.5% bootstrap quantile"),
  high: z.number().nullable().describe("97.5% bootstrap quantile"),
});

export const PerTurn = z.object({
  turn: z.number().int().describe("0 = the feed from history alone, t = after the t-th command"),
  active: z.number().int().describe("sessions still running at this turn"),
  recall: z.number().describe("Recall@K, a finished session carrying its last feed's value"),
  ndcg: z.number(),
  mrr: z.number(),
  csr: z.number().nullable().describe("CSR@K over active sessions with checkable hard constraints"),
  latencyMedianMs: z.number().nullable().describe("over active sessions"),
  latencyP95Ms: z.number().nullable(),
});

export const SystemMetrics = z.object({
  name: z.string(),
  kind: z.enum(["recbot", "oracle", "baseline"]),
  sessions: z.number().int(),
  sessionIds: z.array(z.string()).describe("the sessions this system ran, in order (the same for every system)"),
  passRate: Estimate.describe("share of sessions whose final target reached the top K"),
  averageRounds: Estimate.describe("commands until success; a failed session counts all its commands"),
  recall: Estimate.describe("Recall@K of each session's last feed"),
  ndcg: Estimate,
  mrr: Estimate,
  csr: Estimate.describe("CSR@K over every feed shown after a hard constraint was stated"),
  negativeViolation: Estimate.describe("share of top-K items matching a stated negative hard constraint"),
  slotF1: z.object({ cases: z.number().int(), strict: z.number(), lenient: z.number(), exactRate: z.number() }).nullable()
    .describe("parser slot-F1 against the gold memory, per turn (systems that parse)"),
  latency: z.object({ turns: z.number().int(), medianMs: z.number(), p95Ms: z.number(), histogram: z.array(z.object({ fromMs: z.number(), toMs: z.number(), count: z.number().int() })) }),
  byTurn: z.array(PerTurn),
  perSession: z.object({
    pass: z.array(z.number()), rounds: z.array(z.number()), recall: z.array(z.number()), ndcg: z.array(z.number()), mrr: z.array(z.number()),
  }).describe("one score per session, in `sessionIds` order: what the intervals and paired comparisons resample"),
  funnel: z.array(z.object({
    turns: z.number().int().describe("turns that took this route"),
    steps: z.array(z.object({ node: z.string(), meanIn: z.number(), meanOut: z.number() })),
  })).nullable().describe("Planner graphs: per route taken (most frequent first), mean candidates before and after each node"),
});

export const PairedResult = z.object({
  metric: z.string(),
  a: z.string(),
  b: z.string(),
  n: z.number().int(),
  meanA: z.number().nullable(),
  meanB: z.number().nullable(),
  difference: Estimate,
  pValue: z.number().nullable().describe("two-sided sign-flip permutation test"),
});

/** Everything `recbot eval` measured (written as eval.json). */
export const EvalReport = z.object({
  catalog: z.string(),
  scenario: Scenario,
  seed: z.number().int(),
  k: z.number().int(),
  createdAt: z.string(),
  sessions: z.array(z.object({ id: z.string(), user: z.string(), seed: z.number().int(), targets: z.array(z.string()) }))
    .describe("the cases every system ran, in order"),
  systems: z.array(SystemMetrics),
  bestBaseline: z.string().nullable(),
  comparisons: z.array(PairedResult).describe("recbot against the best baseline, per session"),
});
export type EvalReport = z.infer<typeof EvalReport>;
export type SystemMetrics = z.infer<typeof SystemMetrics>;
