import { ErrorNote } from "../common/ErrorNote.tsx";
import { when } from "../common/format.ts";
import { DecisionSummary } from "./DecisionSummary.tsx";
import { ExposurePanel } from "./ExposurePanel.tsx";
import { MetricList } from "./MetricList.tsx";
import { useExperimentResults } from "./useExperimentResults.ts";

/** A started experiment's results, updated live: the decision, the exposures, and every metric with its history. */
export function ExperimentDashboard({ experimentId }: { experimentId: string }) {
  const { looks, live, error } = useExperimentResults(experimentId);
  if (!looks) return error ? <ErrorNote error={error} /> : <p className="muted">Loading results…</p>;
  const latest = looks.at(-1)!;
  return (
    <div className="dashboard">
      <p className="muted small">
        Last look {when(latest.at)} · {looks.length} looks · <span className={live ? "live-dot on" : "live-dot"}>{live ? "live" : "not live"}</span>
      </p>
      <ErrorNote error={error} />
      {latest.analysis ? <DecisionSummary analysis={latest.analysis} /> : <p className="waiting" role="status">No analysis yet: {latest.waiting}</p>}
      <ExposurePanel exposures={latest.exposures} latency={latest.latency} />
      {latest.analysis && <MetricList analysis={latest.analysis} looks={looks} />}
    </div>
  );
}
