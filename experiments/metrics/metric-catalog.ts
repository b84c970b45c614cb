import { z } from "zod";
import type { MetricDefinition, UserRecord } from "../statistics/analysis-schema.ts";
import type { ActivityCounts, UserActivity } from "./user-activity.ts";

/** Metrics an experiment can use, by stable id (stored in experiments; shown by the studio). */
export const ExperimentMetricId = z.enum([
  "click_through", "like_rate", "negative_feedback", "add_to_cart_rate", "category_diversity", "commands_per_session",
  "repeated_corrections", "latency_ms", "parser_fallback_rate", "hard_violation_rate",
]);
export type ExperimentMetricId = z.infer<typeof ExperimentMetricId>;

interface MetricSpec extends Pick<MetricDefinition, "label" | "kind" | "direction" | "format"> {
  description: string;
  numerator: (c: ActivityCounts) => number;
  /** 1 for a mean metric */
  denominator: (c: ActivityCounts) => number;
}

const one = () => 1;

/** Every metric as a per-user numerator and denominator of activity counts (a ratio metric is Σ num / Σ den over users). */
export const METRICS: Record<ExperimentMetricId, MetricSpec> = {
  click_through: { label: "click-through", description: "clicks per impression", kind: "ratio", direction: "higher-is-better", format: "percent", numerator: (c) => c.clicks, denominator: (c) => c.impressions },
  like_rate: { label: "like rate", description: "likes per impression", kind: "ratio", direction: "higher-is-better", format: "percent", numerator: (c) => c.likes, denominator: (c) => c.impressions },
  negative_feedback: { label: "negative feedback (NFF)", description: "'not interested' per impression", kind: "ratio", direction: "lower-is-better", format: "percent", numerator: (c) => c.notInterested, denominator: (c) => c.impressions },
  add_to_cart_rate: { label: "add-to-cart rate", description: "add-to-cart per impression", kind: "ratio", direction: "higher-is-better", format: "percent", numerator: (c) => c.addToCart, denominator: (c) => c.impressions },
  category_diversity: { label: "clicked-category diversity", description: "distinct categories among a user's clicked or liked items", kind: "mean", direction: "higher-is-better", format: "number", numerator: (c) => c.clickedCategories, denominator: one },
  commands_per_session: { label: "commands per session", description: "commands a user types per session (effort to reach a good feed)", kind: "ratio", direction: "lower-is-better", format: "number", numerator: (c) => c.commands, denominator: (c) => c.sessions },
  repeated_corrections: { label: "repeated corrections", description: "share of commands that restated what the memory already held: the feed had not honoured them", kind: "ratio", direction: "lower-is-better", format: "percent", numerator: (c) => c.unchangedCommands, denominator: (c) => c.commands },
  latency_ms: { label: "turn latency (ms)", description: "mean time from command to feed; the dashboard also shows each variant's p95", kind: "ratio", direction: "lower-is-better", format: "number", numerator: (c) => c.latencyMsTotal, denominator: (c) => c.commands },
  parser_fallback_rate: { label: "parser fallback rate", description: "Parser runs that fell back from the LLM to the offline parser", kind: "ratio", direction: "lower-is-better", format: "percent", numerator: (c) => c.parserFallbacks, denominator: (c) => c.parserRuns },
  hard_violation_rate: { label: "hard-constraint violations", description: "served items breaking a hard constraint of the memory they were served for", kind: "ratio", direction: "lower-is-better", format: "percent", numerator: (c) => c.hardViolations, denominator: (c) => c.servedItems },
};

/** Guardrails every experiment gets unless told otherwise. */
export const DEFAULT_GUARDRAILS: ExperimentMetricId[] = ["latency_ms", "parser_fallback_rate", "hard_violation_rate"];

/** The statistics library's definitions of an experiment's metrics: the primary, its guardrails, the rest secondary. */
export function metricDefinitions(primary: ExperimentMetricId, guardrails: ExperimentMetricId[]): MetricDefinition[] {
  return ExperimentMetricId.options.map((id) => {
    const m = METRICS[id];
    const role = id === primary ? "primary" : guardrails.includes(id) ? "guardrail" : "secondary";
    return { id, label: m.label, kind: m.kind, direction: m.direction, role, format: m.format };
  });
}

/** Per-metric user records of one variant's users; `pre` is the user's own value before the experiment, when defined. */
export function recordsOf(users: UserActivity[]): Record<ExperimentMetricId, UserRecord[]> {
  const out = {} as Record<ExperimentMetricId, UserRecord[]>;
  for (const id of ExperimentMetricId.options) {
    const m = METRICS[id];
    out[id] = users.map((u) => {
      const record: UserRecord = { numerator: m.numerator(u.counts), denominator: m.denominator(u.counts) };
      if (u.pre) {
        const den = m.denominator(u.pre);
        if (den > 0) record.pre = m.numerator(u.pre) / den;
      }
      return record;
    });
  }
  return out;
}
