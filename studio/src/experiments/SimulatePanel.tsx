import { useEffect, useState, type FormEvent } from "react";
import type { SimulationResult } from "../../../experiments/simulated/simulation-result.ts";
import { Scenario } from "../../../schemas/simulated-session.ts";
import { api } from "../api.ts";
import { ErrorNote } from "../common/ErrorNote.tsx";
import { SimulationReport } from "./SimulationReport.tsx";

/** The experiment's variants run offline on simulated users before (or beside) real traffic; the latest run is kept by the server. */
export function SimulatePanel({ experimentId }: { experimentId: string }) {
  const [sessions, setSessions] = useState("100");
  const [seed, setSeed] = useState("1");
  const [scenario, setScenario] = useState<Scenario>("MR");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<SimulationResult | null>(null);
  const path = `/api/experiments/${encodeURIComponent(experimentId)}`;

  useEffect(() => {
    let cancelled = false;
    api<SimulationResult | null>("GET", `${path}/simulation`).then((kept) => !cancelled && setResult((shown) => shown ?? kept), (e) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [path]);

  const run = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await api<SimulationResult>("POST", `${path}/simulate`, { sessions: Number(sessions), seed: Number(seed), scenario }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="simulate-panel">
      <form className="row" aria-label="Simulation" onSubmit={run}>
        <label>Simulated users<input aria-label="Simulated users" type="number" min="2" step="1" value={sessions} onChange={(e) => setSessions(e.target.value)} /></label>
        <label>Seed<input aria-label="Seed" type="number" step="1" value={seed} onChange={(e) => setSeed(e.target.value)} /></label>
        <label>
          Scenario
          <select aria-label="Scenario" value={scenario} onChange={(e) => setScenario(Scenario.parse(e.target.value))}>
            {Scenario.options.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>{busy ? "Simulating…" : "Run simulation"}</button>
      </form>
      <p className="muted small">Every simulated user runs under every variant with the same random numbers, so arms differ only where the variants' feeds do.</p>
      <ErrorNote error={error} onDismiss={() => setError(null)} />
      {busy && <p className="muted" role="status">Simulating {sessions} users under every variant…</p>}
      {result && <SimulationReport result={result} />}
    </div>
  );
}
