import { useEffect, useState } from "react";
import type { GraphVersionInfo } from "../../../server/storage/records.ts";
import { api } from "../api.ts";
import type { Agent } from "./experiment-draft.ts";

/** A saved graph and its versions, oldest first. */
export interface SavedGraph {
  name: string;
  versions: GraphVersionInfo[];
}

export type SavedGraphs = Record<Agent, SavedGraph[]>;

/** Every saved graph with every version, grouped by the agent it can run as (what a variant may pin). */
export function useSavedGraphs(): { graphs: SavedGraphs; error: unknown } {
  const [graphs, setGraphs] = useState<SavedGraphs>({ parser: [], planner: [] });
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const latest = await api<GraphVersionInfo[]>("GET", "/api/graphs");
      const saved = await Promise.all(
        latest.map(async (g) => ({ kind: g.kind, name: g.name, versions: await api<GraphVersionInfo[]>("GET", `/api/graphs/${encodeURIComponent(g.name)}/versions`) })),
      );
      const of = (kind: Agent) => saved.filter((g) => g.kind === kind).map(({ name, versions }) => ({ name, versions }));
      if (!cancelled) setGraphs({ parser: of("parser"), planner: of("planner") });
    })().catch((e) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, []);
  return { graphs, error };
}
