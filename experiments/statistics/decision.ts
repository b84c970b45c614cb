/**
 * The verdict on one metric of one treatment. The always-valid test decides, because an analyst may look at any
 * time; the fixed-horizon interval only marks an effect as "inconclusive" when it alone excludes 0.
 */
import type { IntervalEstimate, MetricDecision, MetricDefinition, SequentialResult } from "./analysis-schema.ts";
import { formatEffect, formatPValue } from "./format-effect.ts";

export interface MetricDecisionInput {
  treatment: string;
  metric: Pick<MetricDefinition, "label" | "direction" | "role"> & { format?: MetricDefinition["format"] };
  /** fixed-horizon treatment − control */
  difference: IntervalEstimate;
  sequential: Pick<SequentialResult, "pValue" | "low" | "high" | "alpha">;
}

/** better / worse / inconclusive / no-difference-yet for one metric, with a one-line text quoting the evidence. */
export function decideMetric({ treatment, metric, difference, sequential }: MetricDecisionInput): MetricDecision {
  const format = metric.format ?? "number";
  const verb = difference.estimate < 0 ? "lowers" : "raises";
  const p = `always-valid p ${formatPValue(sequential.pValue)}`;
  if (sequential.pValue < sequential.alpha) {
    // the confidence sequence excludes 0 exactly when p < α, so its side gives the direction of the effect
    const up = sequential.low > 0 || (sequential.high >= 0 && difference.estimate > 0);
    const good = up === (metric.direction === "higher-is-better");
    const shown = formatEffect(difference.estimate, sequential.low, sequential.high, format);
    const guardrailBreached = !good && metric.role === "guardrail";
    const effect = `${treatment} ${up ? "raises" : "lowers"} ${metric.label} by ${shown.estimate} [${shown.low}, ${shown.high}] (${p})`;
    const text = guardrailBreached ? `Guardrail breached: ${effect}` : effect;
    return { verdict: good ? "better" : "worse", guardrailBreached, text };
  }
  if (difference.low > 0 || difference.high < 0) {
    const shown = formatEffect(difference.estimate, difference.low, difference.high, format);
    return {
      verdict: "inconclusive",
      guardrailBreached: false,
      text: `${treatment} ${verb} ${metric.label} by ${shown.estimate} [${shown.low}, ${shown.high}] at a fixed horizon, not yet significant when peeking is allowed (${p})`,
    };
  }
  const shown = formatEffect(difference.estimate, sequential.low, sequential.high, format);
  return {
    verdict: "no-difference-yet",
    guardrailBreached: false,
    text: `No significant difference in ${metric.label} yet: ${treatment} ${shown.estimate} [${shown.low}, ${shown.high}] (${p})`,
  };
}

/** The decision when the comparison could not be computed. */
export function unavailableDecision(treatment: string, metric: Pick<MetricDefinition, "label">, reason: string): MetricDecision {
  return { verdict: "unavailable", guardrailBreached: false, text: `${metric.label} for ${treatment} cannot be compared yet: ${reason}` };
}
