import { useState } from "react";
import type { ExperimentAction, ExperimentRecord, ExperimentStatus } from "../../../schemas/experiment.ts";
import { api } from "../api.ts";
import { ErrorNote } from "../common/ErrorNote.tsx";

const ALLOWED: Record<ExperimentStatus, ExperimentAction[]> = { draft: ["start"], running: ["pause", "stop"], paused: ["resume", "stop"], stopped: [] };
const LABEL: Record<ExperimentAction, string> = { start: "Start", pause: "Pause", resume: "Resume", stop: "Stop" };

/** The status changes this experiment allows; Stop asks first, since a stopped experiment never runs again. */
export function ExperimentActions({ experiment, onChanged }: { experiment: ExperimentRecord; onChanged: (updated: ExperimentRecord) => void }) {
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const act = async (action: ExperimentAction) => {
    setBusy(true);
    setError(null);
    setConfirming(false);
    try {
      onChanged(await api<ExperimentRecord>("POST", `/api/experiments/${experiment.id}/actions`, { action }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const actions = ALLOWED[experiment.status];
  if (actions.length === 0 && !error) return null;
  return (
    <div className="experiment-actions">
      <div className="row">
        {actions.map((action) => (
          <button key={action} className={action === "stop" ? "danger" : action === "start" || action === "resume" ? "primary" : ""} disabled={busy || confirming}
            onClick={() => (action === "stop" ? setConfirming(true) : void act(action))}>
            {LABEL[action]}
          </button>
        ))}
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-label="Confirm stop">
          <span>Stop <b>{experiment.name}</b> for good? Sessions stop being enrolled and it cannot be resumed; its results stay.</span>
          <button className="danger" onClick={() => void act("stop")}>Stop experiment</button>
          <button onClick={() => setConfirming(false)}>Cancel</button>
        </div>
      )}
      <ErrorNote error={error} onDismiss={() => setError(null)} />
    </div>
  );
}
