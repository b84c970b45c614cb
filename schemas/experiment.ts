import { z } from "zod";
import { DEFAULT_GUARDRAILS, ExperimentMetricId } from "../experiments/metrics/metric-catalog.ts";
import { ExperimentAnalysis } from "../experiments/statistics/analysis-schema.ts";
import { Id, Millis } from "../server/storage/records.ts";

// A/B experiments of graph variants: stored by the server, edited and watched in the studio. One definition each.

export const ExperimentStatus = z.enum(["draft", "running", "paused", "stopped"]);
export type ExperimentStatus = z.infer<typeof ExperimentStatus>;

/** A saved graph version, pinned: experiments never follow "latest". */
export const PinnedGraph = z.object({ name: Id, version: z.int().min(1) });

export const ExperimentVariant = z.object({
  name: z.string().trim().min(1).max(40).regex(/^[\w.-]+$/, "letters, digits, '_', '.' or '-'").describe("Short name, e.g. A or control"),
  graphs: z
    .object({ parser: PinnedGraph.optional(), planner: PinnedGraph.optional() })
    .refine((g) => g.parser || g.planner, { message: "a variant pins at least one graph version (parser or planner)" })
    .describe("Saved versions this variant runs; an agent left out runs the server's default"),
  weight: z.number().positive().max(1000).default(1).describe("Traffic share, relative to the other variants' weights"),
});
export type ExperimentVariant = z.infer<typeof ExperimentVariant>;

const Definition = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).default(""),
  catalog: z.string().max(200).nullable().default(null).describe("Catalog id whose new sessions are enrolled; null: the server's default"),
  variants: z.array(ExperimentVariant).min(2, "an experiment compares at least two variants").max(8),
  primaryMetric: ExperimentMetricId.default("click_through"),
  guardrails: z.array(ExperimentMetricId).default(() => [...DEFAULT_GUARDRAILS]),
});

function checkDefinition(d: z.infer<typeof Definition>, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  d.variants.forEach((v, i) => {
    if (seen.has(v.name)) ctx.addIssue({ code: "custom", path: ["variants", i, "name"], message: `variant name \`${v.name}\` is used twice` });
    seen.add(v.name);
  });
  if (d.guardrails.includes(d.primaryMetric)) ctx.addIssue({ code: "custom", path: ["guardrails"], message: `\`${d.primaryMetric}\` is the primary metric; it cannot also be a guardrail` });
}

/** What an analyst writes; the first variant is the control. */
export const ExperimentDefinition = Definition.superRefine(checkDefinition);
export type ExperimentDefinition = z.infer<typeof ExperimentDefinition>;

export const ExperimentRecord = Definition.extend({
  id: Id,
  status: ExperimentStatus,
  createdAt: Millis,
  updatedAt: Millis,
  startedAt: Millis.nullable(),
  stoppedAt: Millis.nullable(),
});
export type ExperimentRecord = z.infer<typeof ExperimentRecord>;

/** Status changes an analyst may ask for. */
export const ExperimentAction = z.enum(["start", "pause", "resume", "stop"]);
export type ExperimentAction = z.infer<typeof ExperimentAction>;

/** Users and feeds served per variant so far. */
export const ExposureCount = z.object({ variant: z.string(), users: z.int().nonnegative(), sessions: z.int().nonnegative(), exposures: z.int().nonnegative() });
export type ExposureCount = z.infer<typeof ExposureCount>;

/** Each variant's 95th-percentile turn latency, and its difference from the control's with a 95% cluster-bootstrap interval. */
export const VariantLatency = z.object({
  variant: z.string(),
  p95Ms: z.number().nullable(),
  turns: z.int().nonnegative(),
  p95DiffMs: z.object({ estimate: z.number(), low: z.number(), high: z.number() }).nullable().optional().describe("Treatment − control; null for the control or with fewer than two users per arm"),
});

/** One analysis of a live experiment: a look, kept so the dashboard can draw metrics over time. */
export const ExperimentSnapshot = z.object({
  experimentId: Id,
  at: Millis,
  exposures: z.array(ExposureCount),
  latency: z.array(VariantLatency),
  analysis: ExperimentAnalysis.nullable().describe("null until every variant has at least two users"),
  waiting: z.string().nullable().describe("Why there is no analysis yet"),
});
export type ExperimentSnapshot = z.infer<typeof ExperimentSnapshot>;

/** The dashboard's data: the experiment, its latest look, and earlier looks for the charts. */
export const ExperimentResults = z.object({
  experiment: ExperimentRecord,
  latest: ExperimentSnapshot,
  history: z.array(ExperimentSnapshot.omit({ experimentId: true })).describe("Earlier looks, oldest first"),
});
export type ExperimentResults = z.infer<typeof ExperimentResults>;
