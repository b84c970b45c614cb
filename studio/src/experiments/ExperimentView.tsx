import { useState } from "react";
import type { ExperimentRecord } from "../../../schemas/experiment.ts";
import { dateTime } from "../common/format.ts";
import { Badge } from "./Badge.tsx";
import { ExperimentActions } from "./ExperimentActions.tsx";
import { ExperimentDashboard } from "./ExperimentDashboard.tsx";
import { ExperimentEditor } from "./ExperimentEditor.tsx";
import { SimulatePanel } from "./SimulatePanel.tsx";
import { statusTone } from "./tones.ts";
import type { MetricInfo } from "./useMetricInfo.ts";

type View = "Live results" | "Definition" | "Simulate";

/** One experiment: its status and actions, then its live results (once started), its definition, or a simulation. */
export function ExperimentView({ experiment, metrics, onChanged }: { experiment: ExperimentRecord; metrics: MetricInfo[]; onChanged: (updated: ExperimentRecord) => void }) {
  const started = experiment.status !== "draft";
  const views: View[] = started ? ["Live results", "Definition", "Simulate"] : ["Definition", "Simulate"];
  // a view picked before the experiment started does not outlive the start: it opens on the live results
  const [picked, setPicked] = useState<{ view: View; started: boolean } | null>(null);
  const view = picked?.started === started ? picked.view : views[0];

  return (
    <div className="experiment-view">
      <header className="experiment-header">
        <h2>{experiment.name} <Badge tone={statusTone[experiment.status]}>{experiment.status}</Badge></h2>
        <span className="muted small">
          created {dateTime(experiment.createdAt)}
          {experiment.startedAt !== null && ` · started ${dateTime(experiment.startedAt)}`}
          {experiment.stoppedAt !== null && ` · stopped ${dateTime(experiment.stoppedAt)}`}
          {` · catalog ${experiment.catalog ?? "server default"}`}
        </span>
        {experiment.description && <p>{experiment.description}</p>}
        <ExperimentActions experiment={experiment} onChanged={onChanged} />
      </header>
      <div role="tablist" aria-label="Experiment views" className="view-tabs">
        {views.map((v) => (
          <button key={v} role="tab" aria-selected={view === v} className={view === v ? "active" : ""} onClick={() => setPicked({ view: v, started })}>{v}</button>
        ))}
      </div>
      {view === "Live results" && <ExperimentDashboard experimentId={experiment.id} />}
      {view === "Definition" && <ExperimentEditor key={experiment.updatedAt} experiment={experiment} metrics={metrics} onSaved={onChanged} />}
      {view === "Simulate" && <SimulatePanel experimentId={experiment.id} />}
    </div>
  );
}
