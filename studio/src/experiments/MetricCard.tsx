import type { ExperimentAnalysis, MetricDefinition } from "../../../experiments/statistics/analysis-schema.ts";
import { Badge } from "./Badge.tsx";
import { DifferenceChart } from "./DifferenceChart.tsx";
import { formatDifference, formatLevel, formatLift, formatP, formatValue, formatVarianceReduction } from "./stat-format.ts";
import type { Look } from "./useExperimentResults.ts";
import { VerdictBadge } from "./VerdictBadge.tsx";

/**
 * One metric across the variants: each arm's value with its interval, then for each treatment the difference from
 * the control (always-valid confidence sequence and fixed-horizon interval), its always-valid p, relative lift,
 * CUPED's variance reduction, the verdict and its one-line reason; with `looks`, the difference over time.
 */
export function MetricCard({ metric, analysis, looks }: { metric: MetricDefinition; analysis: ExperimentAnalysis; looks?: Look[] }) {
  const estimates = analysis.estimates.filter((e) => e.metricId === metric.id);
  const comparisons = analysis.comparisons.filter((c) => c.metricId === metric.id);
  const level = formatLevel(analysis.level);
  const breached = comparisons.some((c) => c.decision.guardrailBreached);
  return (
    <section className={`metric-card role-${metric.role}${breached ? " breached" : ""}`} aria-label={`Metric ${metric.label}`}>
      <header>
        <b>{metric.label}</b> <Badge tone={metric.role === "primary" ? "active" : "neutral"}>{metric.role}</Badge>{" "}
        <span className="muted small">{metric.direction === "higher-is-better" ? "↑ higher is better" : "↓ lower is better"} · {metric.kind}</span>
      </header>
      <div className="metric-body">
        <table aria-label={`${metric.label} by variant`}>
          <thead>
            <tr>
              <th>variant</th><th>users</th><th>value ({level} CI)</th><th>Δ vs {analysis.control}</th><th>always-valid CS</th><th>fixed-horizon {level} CI</th>
              <th>always-valid p</th><th>lift</th><th>CUPED</th><th>verdict</th>
            </tr>
          </thead>
          <tbody>
            {estimates.map((e) => {
              const c = comparisons.find((x) => x.treatment === e.variant);
              const value = e.status === "ok" ? formatValue(e.value, e.low, e.high, metric.format) : null;
              const diff = c?.status === "ok" ? formatDifference(c.difference.estimate, c.difference.low, c.difference.high, metric.format) : null;
              const cs = c?.status === "ok" ? formatDifference(c.difference.estimate, c.sequential.low, c.sequential.high, metric.format) : null;
              return (
                <tr key={e.variant}>
                  <td>{e.variant}{e.variant === analysis.control && <span className="muted"> (control)</span>}</td>
                  <td>{e.users}</td>
                  <td>{value ? <>{value.value} <span className="muted">{value.interval}</span></> : <span className="muted" title={e.status === "unavailable" ? e.reason : ""}>unavailable</span>}</td>
                  <td>{diff?.estimate ?? "—"}</td>
                  <td>{cs?.interval ?? "—"}</td>
                  <td>{diff?.interval ?? "—"}</td>
                  <td>{c?.status === "ok" ? formatP(c.sequential.pValue) : "—"}</td>
                  <td>{c?.status === "ok" ? formatLift(c.relativeLift) : "—"}</td>
                  <td>{c?.status === "ok" && c.cuped ? formatVarianceReduction(c.cuped.varianceReduction) : "—"}</td>
                  <td>{c ? <VerdictBadge decision={c.decision} /> : <span className="muted">control</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {looks && <DifferenceChart metric={metric} control={analysis.control} looks={looks} />}
      </div>
      <ul className="decisions">
        {comparisons.map((c) => <li key={c.treatment} className={c.decision.guardrailBreached ? "breached" : ""}>{c.decision.text}</li>)}
      </ul>
    </section>
  );
}
