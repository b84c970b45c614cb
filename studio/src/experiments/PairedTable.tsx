import type { PairedComparison } from "../../../experiments/simulated/simulation-result.ts";
import type { MetricDefinition } from "../../../experiments/statistics/analysis-schema.ts";
import { inRoleOrder } from "./metric-order.ts";
import { formatDifference, formatP } from "./stat-format.ts";

/** A simulation's paired differences (the same users under both arms): sharper than the independent-arm analysis. */
export function PairedTable({ paired, metrics }: { paired: PairedComparison[]; metrics: MetricDefinition[] }) {
  if (paired.length === 0) return null;
  return (
    <table aria-label="Paired differences">
      <thead><tr><th>metric</th><th>treatment</th><th>users</th><th>paired Δ vs control</th><th>fixed-horizon CI</th><th>p</th></tr></thead>
      <tbody>
        {inRoleOrder(metrics).flatMap((m) =>
          paired.filter((p) => p.metricId === m.id).map((p) => {
            const shown = p.status === "ok" ? formatDifference(p.difference.estimate, p.difference.low, p.difference.high, m.format) : null;
            return (
              <tr key={`${m.id}-${p.treatment}`}>
                <td>{m.label}</td><td>{p.treatment} − {p.control}</td><td>{p.users}</td>
                <td>{shown?.estimate ?? <span className="muted">{p.status === "unavailable" ? p.reason : ""}</span>}</td>
                <td>{shown?.interval ?? "—"}</td><td>{p.status === "ok" ? formatP(p.difference.pValue) : "—"}</td>
              </tr>
            );
          }),
        )}
      </tbody>
    </table>
  );
}
