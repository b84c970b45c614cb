import type { SimulationResult } from "../experiments/simulated/simulation-result.ts";
import type { IntervalEstimate, MetricDefinition } from "../experiments/statistics/analysis-schema.ts";
import { formatEffect, formatPValue } from "../experiments/statistics/format-effect.ts";

function formatValue(value: number, format: MetricDefinition["format"]): string {
  if (format === "percent") return `${(100 * value).toFixed(2)}%`;
  const magnitude = Math.abs(value);
  return value.toFixed(magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2);
}

function formatInterval(d: Pick<IntervalEstimate, "estimate" | "low" | "high">, format: MetricDefinition["format"]): string {
  const shown = formatEffect(d.estimate, d.low, d.high, format);
  return `${shown.estimate} [${shown.low}, ${shown.high}]`;
}

/** Fixed-width columns; numbers right-aligned, the `left` columns left-aligned. */
function table(rows: string[][], left: Set<number>): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (left.has(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd());
}

/**
 * Per metric: each variant's value, then per treatment its difference from the control with the interval of the
 * independent-samples analysis, the sharper paired interval, the always-valid p-value and the verdict; then each
 * variant's size and p95 latency, and the summary.
 */
export function abTable(result: SimulationResult): string {
  const { analysis, variants } = result;
  const level = `${Math.round(analysis.level * 100)}%`;
  const header = ["metric", "role", ...variants.map((v) => v.name), "treatment", `difference [${level}]`, `paired [${level}]`, "always-valid p", "verdict"];
  const rows = [header];
  for (const metric of analysis.metrics) {
    const values = variants.map((v) => {
      const e = analysis.estimates.find((x) => x.metricId === metric.id && x.variant === v.name);
      return e?.status === "ok" ? formatValue(e.value, metric.format) : "–";
    });
    analysis.comparisons.filter((c) => c.metricId === metric.id).forEach((c, i) => {
      const paired = result.paired.find((p) => p.metricId === metric.id && p.treatment === c.treatment);
      const verdict = c.decision.verdict + (c.decision.guardrailBreached ? " (guardrail breached)" : "");
      rows.push([
        i === 0 ? metric.label : "", i === 0 ? metric.role : "", ...(i === 0 ? values : values.map(() => "")), c.treatment,
        c.status === "ok" ? formatInterval(c.difference, metric.format) : "–",
        paired?.status === "ok" ? formatInterval(paired.difference, metric.format) : "–",
        c.status === "ok" ? formatPValue(c.sequential.pValue).replace("= ", "") : "–",
        verdict,
      ]);
    });
  }
  const sizes = variants.map((v) => `${v.name}: ${v.users} users, ${v.turns} commands, p95 latency ${v.p95LatencyMs.toFixed(1)} ms (${v.parser}; ${v.planner})`);
  return [
    ...table(rows, new Set([0, 1, variants.length + 2, header.length - 1])),
    "",
    `${result.sessions} simulated ${result.scenario} users on ${result.catalog}, each under every variant (seed ${result.seed}).`,
    "difference: arms analysed as independent samples (conservative for paired users); paired: per-user differences.",
    ...sizes,
    "",
    analysis.summary.text,
  ].join("\n");
}
