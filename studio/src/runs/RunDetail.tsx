import { useEffect, useState } from "react";
import type { StepEvent } from "../../../graphs/step-events.ts";
import type { Preferences } from "../../../schemas/preferences.ts";
import type { GraphVersionInfo, RunWithSteps } from "../../../server/storage/records.ts";
import { api } from "../api.ts";
import { ErrorNote } from "../common/ErrorNote.tsx";
import { ms } from "../common/format.ts";
import { MemoryPanel } from "../playground/MemoryPanel.tsx";
import { Funnel } from "./Funnel.tsx";
import { ReplayView, type ReplayResult } from "./ReplayView.tsx";

const BUCKETS = [["positive", "hard"], ["positive", "soft"], ["negative", "hard"], ["negative", "soft"]] as const;

/** The memory before a Parser run: its result with every step's additions taken out and removals put back. */
function memoryBefore(after: Preferences, events: StepEvent[]): Preferences {
  const before = structuredClone(after);
  for (const event of [...events].reverse()) {
    if (event.type !== "node_end" || !event.preferenceDiff) continue;
    for (const [p, s] of BUCKETS) {
      const added = new Set(event.preferenceDiff.added[p][s].map((c) => JSON.stringify(c)));
      before[p][s] = [...before[p][s].filter((c) => !added.has(JSON.stringify(c))), ...event.preferenceDiff.removed[p][s]];
    }
  }
  return before;
}

/** One run: every step with its input and output, the candidate funnel, the memory before and after, and replay. */
export function RunDetail({ runId }: { runId: string }) {
  const [run, setRun] = useState<RunWithSteps | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [versions, setVersions] = useState<GraphVersionInfo[]>([]);
  const [target, setTarget] = useState("");
  const [replay, setReplay] = useState<ReplayResult | null>(null);
  const [replaying, setReplaying] = useState(false);

  useEffect(() => {
    setRun(null);
    setReplay(null);
    api<RunWithSteps>("GET", `/api/runs/${runId}`).then((r) => {
      setRun(r);
      return api<GraphVersionInfo[]>("GET", `/api/graphs/${encodeURIComponent(r.graph)}/versions`).then(setVersions);
    }).catch(setError);
  }, [runId]);

  const doReplay = async () => {
    if (!run || !target) return;
    setReplaying(true);
    setError(null);
    try {
      setReplay(await api<ReplayResult>("POST", `/api/runs/${run.id}/replay`, { graphs: { [run.kind]: { name: run.graph, version: Number(target) } } }));
    } catch (e) {
      setError(e);
    } finally {
      setReplaying(false);
    }
  };

  if (error && !run) return <ErrorNote error={error} />;
  if (!run) return <p className="muted">Loading run…</p>;
  const events = run.steps.map((s) => s.event);
  const result = run.result;
  return (
    <div className="run-detail" aria-label="Run">
      <h3>{run.graph} v{run.version ?? "–"} · {run.kind} · <span className={`status-${run.status}`}>{run.status}</span></h3>
      <p className="muted small">run {run.id} · session {run.sessionId ?? "–"} · {run.finishedAt ? ms(run.finishedAt - run.startedAt) : "not finished"}</p>
      {run.error && <div className="error-note">{run.error.code}: {run.error.message}</div>}
      <table className="step-table" aria-label="Run steps">
        <thead><tr><th>#</th><th>step</th><th>node</th><th>ms</th><th>candidates</th><th>input</th><th>output</th></tr></thead>
        <tbody>
          {run.steps.map(({ seq, event }) => (
            <tr key={seq} className={`step-${event.type}`}>
              <td>{seq}</td>
              <td>{event.type}</td>
              <td>{"nodeId" in event ? event.nodeId : ""}</td>
              <td>{event.type === "node_end" || event.type === "run_end" ? ms(event.ms) : ""}</td>
              <td>{event.type === "node_end" && event.candidates ? `${event.candidates.in.toLocaleString()} → ${event.candidates.out.toLocaleString()}` : ""}</td>
              <td>{event.type === "node_end" || event.type === "run_start" ? event.input : ""}</td>
              <td>{event.type === "node_end" ? [event.output, ...event.notes].join(" · ") : event.type === "error" ? event.message : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Funnel events={events} />
      {result?.kind === "parser" && (
        <div className="before-after">
          <div><h4>Memory before</h4><MemoryPanel memory={memoryBefore(result.preferences, events)} before={null} /></div>
          <div><h4>Memory after</h4><MemoryPanel memory={result.preferences} before={memoryBefore(result.preferences, events)} /></div>
        </div>
      )}
      {result?.kind === "planner" && <p className="small">Feed: {result.items.join(", ") || "(empty)"}</p>}
      <section className="replay-box" aria-label="Replay">
        <h4>Replay this turn against another version</h4>
        <p className="muted small">Same command, same memory, same feed before it; nothing is stored.</p>
        <select aria-label="Replay version" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">choose a version of {run.graph}</option>
          {versions.map((v) => <option key={v.version} value={v.version}>v{v.version}{v.version === run.version ? " (this run's)" : ""}{v.note ? ` — ${v.note.slice(0, 40)}` : ""}</option>)}
        </select>
        <button onClick={() => void doReplay()} disabled={!target || replaying || run.sessionId === null}>{replaying ? "Replaying…" : "Replay"}</button>
        <ErrorNote error={error} onDismiss={() => setError(null)} />
        {replay && <ReplayView replay={replay} />}
      </section>
    </div>
  );
}
