import { useEffect, useState } from "react";
import type { GraphSpec } from "../../../graphs/graph-spec.ts";
import type { LiveStep } from "../../../schemas/live-protocol.ts";
import { api } from "../api.ts";
import { GraphCanvas } from "../graph/GraphCanvas.tsx";
import type { GraphPick, SessionChoice } from "./SessionSetup.tsx";

const specOf = (pick: GraphPick) =>
  api<{ spec: GraphSpec }>("GET", pick.version ? `/api/graphs/${encodeURIComponent(pick.name)}/versions/${pick.version}` : `/api/graphs/${encodeURIComponent(pick.name)}`).then((r) => r.spec);

/** The session's two graphs, the running node lit and the nodes that ran marked, as the steps stream in. */
export function LiveGraphs({ session, running, steps }: { session: SessionChoice; running: string | null; steps: LiveStep[] }) {
  const [specs, setSpecs] = useState<{ parser: GraphSpec; planner: GraphSpec } | null>(null);
  useEffect(() => {
    Promise.all([specOf(session.parser), specOf(session.planner)]).then(([parser, planner]) => setSpecs({ parser, planner }), () => setSpecs(null));
  }, [session]);
  if (!specs) return null;
  const ran = (kind: string) => new Set(steps.flatMap(({ event }) => (event.type === "node_end" && event.kind === kind ? [event.nodeId] : [])));
  return (
    <div className="live-graphs">
      {(["parser", "planner"] as const).map((kind) => (
        <div key={kind} className="live-graph">
          <span className="live-graph-label">{kind}</span>
          <GraphCanvas spec={specs[kind]} marks={{ running, ran: ran(kind) }} />
        </div>
      ))}
    </div>
  );
}
