import { useEffect, useState } from "react";
import type { GraphSpec } from "../../../graphs/graph-spec.ts";
import type { LiveStep } from "../../../schemas/live-protocol.ts";
import { api } from "../api.ts";
import { GraphCanvas } from "../graph/GraphCanvas.tsx";
import { autoLayout } from "../graph/spec-edits.ts";
import type { GraphPick, SessionChoice } from "./SessionSetup.tsx";

type Kind = "parser" | "planner";

const specOf = (pick: GraphPick) =>
  api<{ spec: GraphSpec }>("GET", pick.version ? `/api/graphs/${encodeURIComponent(pick.name)}/versions/${pick.version}` : `/api/graphs/${encodeURIComponent(pick.name)}`).then((r) => r.spec);

/** Tighter than the editor's layout, so a whole agent fits the strip above the feed. */
function compact(spec: GraphSpec): GraphSpec {
  const laid = autoLayout(spec);
  return { ...laid, nodes: laid.nodes.map((n) => ({ ...n, position: { x: n.position.x * 0.75, y: n.position.y * 0.6 } })) };
}

/**
 * The session's graphs as a strip above the feed: the agent running now is shown (Parser, then Planner) with its
 * running node lit and the nodes that ran marked; the tabs show the other agent.
 */
export function LiveGraphs({ session, running, steps }: { session: SessionChoice; running: string | null; steps: LiveStep[] }) {
  const [specs, setSpecs] = useState<Record<Kind, GraphSpec> | null>(null);
  const [shown, setShown] = useState<Kind>("planner");
  useEffect(() => {
    Promise.all([specOf(session.parser), specOf(session.planner)]).then(([parser, planner]) => setSpecs({ parser: compact(parser), planner: compact(planner) }), () => setSpecs(null));
  }, [session]);
  const active = [...steps].reverse().find((s) => s.event.type === "node_start")?.event.kind as Kind | undefined;
  useEffect(() => {
    if (active) setShown(active);
  }, [active]);
  if (!specs) return null;
  const ran = new Set(steps.flatMap(({ event }) => (event.type === "node_end" && event.kind === shown ? [event.nodeId] : [])));
  return (
    <div className="live-graph">
      <div className="live-graph-tabs" role="tablist" aria-label="Graph shown">
        {(["parser", "planner"] as const).map((kind) => (
          <button key={kind} role="tab" aria-selected={shown === kind} className={shown === kind ? "active" : ""} onClick={() => setShown(kind)}>
            {kind} <span className="muted">{session[kind].name}{session[kind].version ? ` v${session[kind].version}` : ""}</span>
          </button>
        ))}
      </div>
      <GraphCanvas key={shown} spec={specs[shown]} marks={{ running, ran }} />
    </div>
  );
}
