import { END, GraphRecursionError, START, type BaseChannel, type LangGraphRunnableConfig } from "@langchain/langgraph";

/** A node's action as LangGraph calls it; our actions only use `config.writer`. */
export type NodeAction = (state: never, config: LangGraphRunnableConfig) => unknown;
/** Where a node leads: a fixed target, or a router over the state (LangGraph names: START, END, node ids). */
export type NodeExit = string | ((state: never) => string);

/**
 * The same compiled graph as the LangGraph `StateGraph`, seen as a sequential program: the actions and exits
 * given to the builder, and the builder's own state channels (so reducers and defaults are LangGraph's).
 */
export interface DirectGraph {
  channels: Record<string, BaseChannel>;
  actions: Map<string, NodeAction>;
  exits: Map<string, NodeExit>;
}

/**
 * Runs a DirectGraph and yields what `graph.stream(input, {streamMode: ["custom", "values"]})` would: each
 * custom chunk as its node writes it, then the final state. Valid because every graph we compile routes each
 * node to exactly one next node, so LangGraph's super-steps are one node each; it skips Pregel's per-step
 * bookkeeping (run trees, task ids, checkpoint copies), which costs about a millisecond per node here.
 */
export async function* runDirect(graph: DirectGraph, input: Record<string, unknown>, recursionLimit: number): AsyncGenerator<[string, unknown]> {
  const channels = Object.fromEntries(Object.entries(graph.channels).map(([key, channel]) => [key, channel.fromCheckpoint(undefined)]));
  write(channels, input);
  const queue: unknown[] = [];
  let wake: (() => void) | undefined;
  const config = { writer: (chunk: unknown) => { queue.push(chunk); wake?.(); } } as LangGraphRunnableConfig;
  let node = follow(graph.exits.get(START), channels);
  for (let step = 1; node !== END; step++) {
    if (step > recursionLimit) throw new GraphRecursionError(`Recursion limit of ${recursionLimit} reached without hitting a stop condition.`);
    const action = graph.actions.get(node);
    if (!action) throw new Error(`no node \`${node}\` in the compiled graph`);
    let output = action(read(channels) as never, config);
    if (output instanceof Promise) {
      let settled = false;
      const done = output.then((value) => { output = value; }).finally(() => { settled = true; wake?.(); });
      done.catch(() => undefined);
      while (!settled) {
        while (queue.length > 0) yield ["custom", queue.shift()];
        if (!settled) await new Promise<void>((resolve) => { wake = resolve; });
        wake = undefined;
      }
      await done;
    }
    while (queue.length > 0) yield ["custom", queue.shift()];
    if (output && typeof output === "object") write(channels, output as Record<string, unknown>);
    node = follow(graph.exits.get(node), channels);
  }
  yield ["values", read(channels)];
}

function follow(exit: NodeExit | undefined, channels: Record<string, BaseChannel>): string {
  if (exit === undefined) return END;
  return typeof exit === "string" ? exit : exit(read(channels) as never);
}

function write(channels: Record<string, BaseChannel>, update: Record<string, unknown>): void {
  for (const key in update) channels[key]?.update([update[key]]);
}

function read(channels: Record<string, BaseChannel>): Record<string, unknown> {
  const state: Record<string, unknown> = {};
  for (const key in channels) if (channels[key].isAvailable()) state[key] = channels[key].get();
  return state;
}
