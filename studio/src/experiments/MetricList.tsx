import type { ExperimentAnalysis } from "../../../experiments/statistics/analysis-schema.ts";
import { MetricCard } from "./MetricCard.tsx";
import { inRoleOrder } from "./metric-order.ts";
import type { Look } from "./useExperimentResults.ts";

/** Every metric of an analysis: the primary first, then the guardrails, then the secondary ones folded away. */
export function MetricList({ analysis, looks }: { analysis: ExperimentAnalysis; looks?: Look[] }) {
  const ordered = inRoleOrder(analysis.metrics);
  const main = ordered.filter((m) => m.role !== "secondary");
  const secondary = ordered.filter((m) => m.role === "secondary");
  return (
    <div className="metric-list">
      {main.map((m) => <MetricCard key={m.id} metric={m} analysis={analysis} looks={looks} />)}
      {secondary.length > 0 && (
        <details className="secondary-metrics">
          <summary>Secondary metrics ({secondary.length})</summary>
          {secondary.map((m) => <MetricCard key={m.id} metric={m} analysis={analysis} looks={looks} />)}
        </details>
      )}
    </div>
  );
}
