/**
 * The experiment-level verdict: first whether the results can be trusted at all (sample ratio), then per treatment
 * whether to ship: a breached guardrail or a worse primary metric rules it out; shipping needs a better primary
 * metric, no worse one, and every guardrail computed.
 */
import type { ComparisonResult, ExperimentSummary, MetricDefinition, Recommendation, SampleRatioResult } from "./analysis-schema.ts";
import { formatPValue } from "./format-effect.ts";

export interface SummaryInput {
  treatments: readonly string[];
  metrics: readonly Pick<MetricDefinition, "id" | "label" | "role">[];
  comparisons: readonly ComparisonResult[];
  srm: SampleRatioResult;
}

const share = (counts: readonly number[]) => {
  const total = counts.reduce((s, c) => s + c, 0);
  return counts.map((c) => (total > 0 ? ((100 * c) / total).toFixed(1) : "0")).join("/");
};

function labels(metrics: readonly Pick<MetricDefinition, "label">[]): string {
  return metrics.map((m) => m.label).join(", ");
}

function recommend(treatment: string, input: SummaryInput): Recommendation {
  const verdictOf = (metric: Pick<MetricDefinition, "id">) =>
    input.comparisons.find((c) => c.treatment === treatment && c.metricId === metric.id)?.decision.verdict ?? "unavailable";
  const primaries = input.metrics.filter((m) => m.role === "primary");
  const guardrails = input.metrics.filter((m) => m.role === "guardrail");
  const breached = guardrails.filter((m) => verdictOf(m) === "worse");
  if (breached.length) return { treatment, recommendation: "do-not-ship", text: `Do not ship ${treatment}: it breaches the guardrail ${labels(breached)}.` };
  const worse = primaries.filter((m) => verdictOf(m) === "worse");
  if (worse.length) return { treatment, recommendation: "do-not-ship", text: `Do not ship ${treatment}: it worsens ${labels(worse)}.` };
  const better = primaries.filter((m) => verdictOf(m) === "better");
  const unchecked = guardrails.filter((m) => verdictOf(m) === "unavailable");
  if (better.length && !unchecked.length) {
    const guard = guardrails.length ? "; no guardrail breached" : "";
    return { treatment, recommendation: "ship", text: `Ship ${treatment}: it improves ${labels(better)}${guard}.` };
  }
  const missing = [...primaries, ...unchecked].filter((m) => verdictOf(m) === "unavailable");
  const why = missing.length ? `${labels(missing)} cannot be compared yet` : "no primary metric has changed significantly yet";
  return { treatment, recommendation: "keep-running", text: `Keep running ${treatment}: ${why}.` };
}

/** Whether the experiment can be trusted, and per treatment whether to ship, keep running or investigate. */
export function summarizeExperiment(input: SummaryInput): ExperimentSummary {
  const { srm } = input;
  if (srm.mismatch) {
    const text =
      `Do not trust these results: sample ratio mismatch (p ${formatPValue(srm.pValue)}; ` +
      `expected ${share(srm.expected)}, observed ${share(srm.observed)} across ${srm.variants.join("/")}). Check assignment and logging.`;
    const recommendations = input.treatments.map((treatment): Recommendation => ({ treatment, recommendation: "investigate", text }));
    return { trustworthy: false, recommendations, text };
  }
  const recommendations = input.treatments.map((t) => recommend(t, input));
  return { trustworthy: true, recommendations, text: recommendations.map((r) => r.text).join(" ") };
}
