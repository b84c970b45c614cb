import type { LiveStep } from "../../../schemas/live-protocol.ts";
import { ms } from "../common/format.ts";

/** Every step of the running command as it arrives: node, duration, candidates in → out, what it did. */
export function StepList({ steps }: { steps: LiveStep[] }) {
  const ends = steps.filter((s) => s.event.type === "node_end" || s.event.type === "error" || s.event.type === "run_end");
  if (steps.length === 0) return <p className="muted">Steps appear here while a command runs.</p>;
  return (
    <ol className="steps" aria-label="Steps">
      {ends.map(({ seq, event }) => {
        if (event.type === "error") return <li key={seq} className="step error">✕ {event.nodeId ?? event.graph}: {event.message}</li>;
        if (event.type === "run_end") return <li key={seq} className="step run-end">{event.kind} done in {ms(event.ms)}</li>;
        if (event.type !== "node_end") return null;
        return (
          <li key={seq} className="step">
            <details>
              <summary>
                <span className="step-node">{event.nodeId}</span>
                <span className="step-ms">{ms(event.ms)}</span>
                {event.candidates && <span className="step-funnel">{event.candidates.in.toLocaleString()} → {event.candidates.out.toLocaleString()}</span>}
                <span className="step-output">{event.output}</span>
              </summary>
              <div className="step-detail">
                <div><b>in</b> {event.input}</div>
                <div><b>out</b> {event.output}</div>
                {event.notes.map((n, i) => <div key={i} className="note">{n}</div>)}
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
