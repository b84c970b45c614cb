import type { SimulationResult } from "../../../experiments/simulated/simulation-result.ts";
import { ms } from "../common/format.ts";
import { DecisionSummary } from "./DecisionSummary.tsx";
import { MetricList } from "./MetricList.tsx";
import { PairedTable } from "./PairedTable.tsx";

/** A simulation's outcome: the same decision and metric views as the live dashboard, plus each arm's run and the paired differences. */
export function SimulationReport({ result }: { result: SimulationResult }) {
  return (
    <section aria-label="Simulation result">
      <p className="muted small">
        {result.sessions} simulated users · scenario {result.scenario} · seed {result.seed} · {result.k} items per feed · catalog {result.catalog}
      </p>
      <DecisionSummary analysis={result.analysis} />
      <table aria-label="Simulated variants">
        <thead><tr><th>variant</th><th>parser</th><th>planner</th><th>users</th><th>turns</th><th>p95 latency</th></tr></thead>
        <tbody>
          {result.variants.map((v) => (
            <tr key={v.name}><td>{v.name}</td><td>{v.parser}</td><td>{v.planner}</td><td>{v.users}</td><td>{v.turns}</td><td>{ms(v.p95LatencyMs)}</td></tr>
          ))}
        </tbody>
      </table>
      <PairedTable paired={result.paired} metrics={result.analysis.metrics} />
      <MetricList analysis={result.analysis} />
    </section>
  );
}
