import { z } from "zod";

/**
 * How a compiled graph is executed. `direct` (default) walks the compiled graph's nodes and channels in order
 * (direct-engine.ts); `langgraph` streams it through LangGraph's Pregel runtime. Both yield the same events and
 * state (a test holds them to it); Pregel costs about a millisecond per node more.
 */
export const GraphEngine = z.enum(["direct", "langgraph"]);
export type GraphEngine = z.infer<typeof GraphEngine>;

/** The engine named by `RECBOT_GRAPH_ENGINE`, or `direct`; a misspelt name is an error, not a silent default. */
export function defaultGraphEngine(env: NodeJS.ProcessEnv = process.env): GraphEngine {
  const value = env.RECBOT_GRAPH_ENGINE;
  if (value === undefined || value === "") return "direct";
  const parsed = GraphEngine.safeParse(value);
  if (!parsed.success) throw new Error(`RECBOT_GRAPH_ENGINE must be "direct" or "langgraph", got ${JSON.stringify(value)}`);
  return parsed.data;
}
