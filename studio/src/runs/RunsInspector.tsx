import { useEffect, useState } from "react";
import type { RunRecord } from "../../../server/storage/records.ts";
import { api } from "../api.ts";
import { ErrorNote } from "../common/ErrorNote.tsx";
import { ms, when } from "../common/format.ts";
import { RunDetail } from "./RunDetail.tsx";

interface Filters {
  sessionId: string;
  userId: string;
  graph: string;
  version: string;
  status: string;
  hasFallback: string;
  /** datetime-local text; sent as ms since the epoch */
  from: string;
  to: string;
}

const NONE: Filters = { sessionId: "", userId: "", graph: "", version: "", status: "", hasFallback: "", from: "", to: "" };
const epoch = (local: string) => String(new Date(local).getTime());

/** Every run, filtered by session, user, graph version, status or LLM fallback; open one to see its steps. */
export function RunsInspector({ openRun, onOpen }: { openRun: string | null; onOpen: (id: string | null) => void }) {
  const [filters, setFilters] = useState<Filters>(NONE);
  const [runs, setRuns] = useState<RunRecord[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [refresh, setRefresh] = useState(0);

  useEffect(() => {
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== "").map(([k, v]) => [k, k === "from" || k === "to" ? epoch(v) : v]));
    query.set("limit", "200");
    api<RunRecord[]>("GET", `/api/runs?${query}`).then(setRuns, setError);
  }, [filters, refresh]);

  const field = (key: keyof Filters, label: string, options?: string[] | "time") => (
    <label key={key}>
      {label}
      {options === "time" ? (
        <input aria-label={label} type="datetime-local" value={filters[key]} onChange={(e) => setFilters({ ...filters, [key]: e.target.value })} />
      ) : options ? (
        <select aria-label={label} value={filters[key]} onChange={(e) => setFilters({ ...filters, [key]: e.target.value })}>
          <option value="">any</option>
          {options.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      ) : (
        <input aria-label={label} value={filters[key]} onChange={(e) => setFilters({ ...filters, [key]: e.target.value.trim() })} />
      )}
    </label>
  );

  return (
    <div className="runs">
      <section className="panel runs-list">
        <div className="filters">
          {field("sessionId", "Session")}
          {field("userId", "User")}
          {field("graph", "Graph")}
          {field("version", "Version")}
          {field("status", "Status", ["ok", "error", "interrupted", "running"])}
          {field("hasFallback", "LLM fallback", ["true", "false"])}
          {field("from", "From", "time")}
          {field("to", "Until", "time")}
          <button onClick={() => setRefresh((r) => r + 1)}>Refresh</button>
        </div>
        <ErrorNote error={error} onDismiss={() => setError(null)} />
        <table aria-label="Runs">
          <thead><tr><th>started</th><th>graph</th><th>status</th><th>steps</th><th>took</th><th>session</th></tr></thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id} className={r.id === openRun ? "selected" : ""} onClick={() => onOpen(r.id)} tabIndex={0} onKeyDown={(e) => e.key === "Enter" && onOpen(r.id)}>
                <td>{when(r.startedAt)}</td>
                <td>{r.graph} v{r.version ?? "–"} <span className="muted">{r.kind}</span></td>
                <td className={`status-${r.status}`}>{r.status}{r.hasFallback ? " (fallback)" : ""}</td>
                <td>{r.stepCount}</td>
                <td>{r.finishedAt ? ms(r.finishedAt - r.startedAt) : "…"}</td>
                <td className="muted">{r.sessionId?.slice(0, 8)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {runs.length === 0 && <p className="muted">No runs match. Run a command in the playground, or clear the filters.</p>}
      </section>
      <section className="panel run-detail-panel">{openRun ? <RunDetail runId={openRun} /> : <p className="muted">Select a run to see every step.</p>}</section>
    </div>
  );
}
