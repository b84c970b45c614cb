import { randomUUID } from "node:crypto";
import { GraphRecursionError } from "@langchain/langgraph";
import type { ParseInput } from "../parser/parser-state.ts";
import type { RankState } from "../tools/rank-state.ts";
import { GraphRunError, type CompiledAgent, type CompiledParser, type CompiledPlanner, type NodeSignal } from "./compile-graph.ts";
import { runDirect } from "./direct-engine.ts";
import { defaultGraphEngine, type GraphEngine } from "./graph-engine.ts";
import type { ParserGraphStateType } from "./parser-graph-state.ts";
import type { PlannerGraphState } from "./planner-state.ts";
import type { ParserResult, PlannerResult, StepEvent } from "./step-events.ts";

export interface PlannerOutcome {
  result: PlannerResult;
  state: PlannerGraphState;
}

export interface ParserOutcome {
  result: ParserResult;
  state: ParserGraphStateType;
}

export interface RunOptions {
  /** defaults to a random UUID */
  runId?: string;
  /** defaults to `RECBOT_GRAPH_ENGINE`, else `direct` */
  engine?: GraphEngine;
}

let envEngine: GraphEngine | undefined;
/** RECBOT_GRAPH_ENGINE, read once: runs are on the hot path and the environment does not change under a process. */
const engineFromEnv = () => (envEngine ??= defaultGraphEngine());

/**
 * Runs a compiled graph as an async generator of step events: run_start, node_start/node_end per
 * node as it runs, then run_end (or error, after which the generator returns null). Knows nothing
 * about transport; the generator's return value carries the final state for callers that need it.
 */
export function runGraph(agent: CompiledPlanner, input: RankState, options?: RunOptions): AsyncGenerator<StepEvent, PlannerOutcome | null>;
export function runGraph(agent: CompiledParser, input: ParseInput, options?: RunOptions): AsyncGenerator<StepEvent, ParserOutcome | null>;
export async function* runGraph(agent: CompiledAgent, input: RankState | ParseInput, options: RunOptions = {}): AsyncGenerator<StepEvent, PlannerOutcome | ParserOutcome | null> {
  const base = { runId: options.runId ?? randomUUID(), graph: agent.spec.name, kind: agent.kind };
  const started = performance.now();
  yield { ...base, type: "run_start", at: Date.now(), input: describeInput(agent, input) };
  let last: unknown;
  let current: string | undefined;
  try {
    const graphInput = agent.kind === "parser" ? { input, notes: [] } : input;
    const engine = options.engine ?? engineFromEnv();
    const stream = engine === "direct"
      ? runDirect(agent.direct, graphInput as Record<string, unknown>, agent.recursionLimit)
      : await agent.graph.stream(graphInput, { streamMode: ["custom", "values"], recursionLimit: agent.recursionLimit });
    for await (const [mode, chunk] of stream) {
      if (mode === "values") {
        last = chunk;
        continue;
      }
      const signal = chunk as NodeSignal;
      current = signal.type === "node_start" ? signal.nodeId : undefined;
      yield { ...base, ...signal };
    }
  } catch (e) {
    const error = e instanceof GraphRunError ? e : undefined;
    const message = e instanceof GraphRecursionError
      ? `graph \`${agent.spec.name}\` ran ${agent.recursionLimit} steps without reaching \`end\`: a cycle's exit condition never held`
      : error?.message ?? `graph \`${agent.spec.name}\` failed: ${(e as Error).message ?? String(e)}`;
    yield { ...base, type: "error", at: Date.now(), code: error?.code ?? "run_failed", nodeId: error?.nodeId ?? current, message };
    return null;
  }
  const ms = performance.now() - started;
  if (agent.kind === "planner") {
    const state = last as PlannerGraphState;
    const { ids } = agent.ctx.catalog;
    const result: PlannerResult = { kind: "planner", items: state.feed ? Array.from(state.feed.items, (i) => ids[i]) : [], scores: state.feed ? Array.from(state.feed.scores) : [] };
    yield { ...base, type: "run_end", at: Date.now(), ms, result };
    return { result, state };
  }
  const state = last as ParserGraphStateType;
  const result: ParserResult = { kind: "parser", preferences: state.preferences ?? (input as ParseInput).memory, source: state.source ?? "offline", notes: state.notes };
  yield { ...base, type: "run_end", at: Date.now(), ms, result };
  return { result, state };
}

/** Collects a run's events and its outcome (for tests and batch callers). */
export async function collectRun<R>(run: AsyncGenerator<StepEvent, R>): Promise<{ events: StepEvent[]; outcome: R }> {
  const events: StepEvent[] = [];
  for (;;) {
    const next = await run.next();
    if (next.done) return { events, outcome: next.value };
    events.push(next.value);
  }
}

function describeInput(agent: CompiledAgent, input: RankState | ParseInput): string {
  if (agent.kind === "parser") {
    const p = input as ParseInput;
    return `command ${JSON.stringify(p.command)}, feed of ${p.feed.length}`;
  }
  const s = input as RankState;
  const { positive, negative } = s.preferences;
  return `k ${s.k}, history ${s.history.length}, constraints +${positive.hard.length}h/${positive.soft.length}s −${negative.hard.length}h/${negative.soft.length}s`;
}
