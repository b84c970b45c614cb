import { END, START, StateGraph, type LangGraphRunnableConfig } from "@langchain/langgraph";
import type { ParserState } from "../parser/parser-state.ts";
import type { RankState, RankUpdate } from "../tools/rank-state.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { ConditionError, evaluateCondition } from "./condition-language.ts";
import type { DirectGraph, NodeAction } from "./direct-engine.ts";
import type { GraphSpec } from "./graph-spec.ts";
import { GraphSpecError } from "./graph-spec-error.ts";
import type { ParserNodeType, PlannerNodeType } from "./node-registry.ts";
import { ParserGraphState, parserScope, type ParserGraphStateType } from "./parser-graph-state.ts";
import { PlannerState, plannerScope, type PlannerGraphState } from "./planner-state.ts";
import { summarizeParserStep, summarizePlannerStep, type StepSummary } from "./step-summary.ts";
import { validateSpec, type CheckedEdge, type CheckedSpec } from "./validate-spec.ts";

/** What a node reports through LangGraph's custom stream; run-graph stamps run ids on it. */
export type NodeSignal =
  | { type: "node_start"; nodeId: string; nodeType: string; at: number }
  | ({ type: "node_end"; nodeId: string; nodeType: string; at: number; ms: number } & StepSummary);

/** A failure inside a run, attributed to the node (or the edge's source node) where it happened. */
export class GraphRunError extends Error {
  constructor(readonly code: "node_failed" | "condition_failed", readonly nodeId: string, message: string) {
    super(message);
    this.name = "GraphRunError";
  }
}

/** The part of a compiled LangGraph graph that runs use (node names are only known at run time). */
export interface RunnableGraph {
  stream(input: unknown, options: { streamMode: ("custom" | "values")[]; recursionLimit?: number }): Promise<AsyncIterable<[string, unknown]>>;
}

interface DynamicGraph {
  channels: DirectGraph["channels"];
  addNode(id: string, action: NodeAction): DynamicGraph;
  addEdge(from: string, to: string): DynamicGraph;
  addConditionalEdges(from: string, route: (state: never) => string, targets: string[]): DynamicGraph;
  compile(): RunnableGraph;
}

interface CompiledBase {
  spec: GraphSpec;
  graph: RunnableGraph;
  /** the same graph for the direct engine (see direct-engine.ts) */
  direct: DirectGraph;
  ctx: ToolContext;
  recursionLimit: number;
}
export interface CompiledPlanner extends CompiledBase {
  kind: "planner";
}
export interface CompiledParser extends CompiledBase {
  kind: "parser";
}
export type CompiledAgent = CompiledPlanner | CompiledParser;

/** Validates a spec (throwing `GraphSpecError`) and compiles it into a LangGraph state graph bound to a catalog. */
export function compileGraph(spec: unknown, ctx: ToolContext): CompiledAgent {
  const checked = validateSpec(spec);
  const builder = (checked.spec.kind === "planner" ? new StateGraph(PlannerState) : new StateGraph(ParserGraphState)) as unknown as DynamicGraph;
  const direct: DirectGraph = { channels: builder.channels, actions: new Map(), exits: new Map() };
  for (const node of checked.nodes) {
    const action = node.type.kind === "planner"
      ? plannerAction(node.id, node.type, node.params, ctx)
      : parserAction(node.id, node.type as ParserNodeType, node.params, ctx);
    builder.addNode(node.id, action);
    direct.actions.set(node.id, action);
  }
  const scope = checked.spec.kind === "planner"
    ? (state: never) => plannerScope(state as PlannerGraphState, ctx)
    : (state: never) => parserScope(state as ParserGraphStateType);
  addEdges(builder, direct, checked, scope);
  const base = { spec: checked.spec, graph: builder.compile(), direct, ctx, recursionLimit: Math.max(25, 4 * checked.spec.nodes.length) };
  return checked.spec.kind === "planner" ? { kind: "planner", ...base } : { kind: "parser", ...base };
}

/** `compileGraph` for a spec that must be a Planner. */
export function compilePlanner(spec: unknown, ctx: ToolContext): CompiledPlanner {
  return expectKind(compileGraph(spec, ctx), "planner");
}

/** `compileGraph` for a spec that must be a Parser. */
export function compileParser(spec: unknown, ctx: ToolContext): CompiledParser {
  return expectKind(compileGraph(spec, ctx), "parser");
}

function expectKind<K extends CompiledAgent["kind"]>(agent: CompiledAgent, kind: K): Extract<CompiledAgent, { kind: K }> {
  if (agent.kind !== kind) throw new GraphSpecError("wrong_agent_kind", `graph \`${agent.spec.name}\` is a ${agent.kind} graph, expected a ${kind} graph`);
  return agent as Extract<CompiledAgent, { kind: K }>;
}

function addEdges(builder: DynamicGraph, direct: DirectGraph, checked: CheckedSpec, scope: (state: never) => unknown): void {
  const name = (id: string) => (id === checked.startId ? START : id === checked.endId ? END : id);
  for (const [source, edges] of checked.outgoing) {
    if (edges.length === 1 && !edges[0].ast) {
      builder.addEdge(name(source), name(edges[0].target));
      direct.exits.set(name(source), name(edges[0].target));
      continue;
    }
    const conditional = edges.filter((e): e is CheckedEdge & { ast: NonNullable<CheckedEdge["ast"]> } => e.ast !== undefined);
    // with no fallback edge and no condition holding, the run ends here
    const fallback = name(edges.find((e) => !e.ast)?.target ?? checked.endId);
    const route = (state: never) => {
      const view = scope(state);
      for (const edge of conditional) {
        try {
          if (evaluateCondition(edge.ast, view)) return name(edge.target);
        } catch (e) {
          if (e instanceof ConditionError) throw new GraphRunError("condition_failed", source, `edge \`${edge.id}\` (${edge.source} → ${edge.target}): condition ${e.message}`);
          throw e;
        }
      }
      return fallback;
    };
    direct.exits.set(name(source), route);
    builder.addConditionalEdges(name(source), route, [...new Set([...edges.map((e) => name(e.target)), fallback])]);
  }
}

const now = () => Date.now();

function plannerAction(nodeId: string, type: PlannerNodeType, params: Record<string, unknown>, ctx: ToolContext) {
  return (state: never, config: LangGraphRunnableConfig) => {
    const before = state as unknown as RankState;
    config.writer?.({ type: "node_start", nodeId, nodeType: type.id, at: now() } satisfies NodeSignal);
    const started = performance.now();
    let update: RankUpdate;
    try {
      update = type.tool.run(before, params, ctx);
    } catch (e) {
      throw new GraphRunError("node_failed", nodeId, `node \`${nodeId}\` (${type.id}) failed: ${(e as Error).message}`);
    }
    const ms = performance.now() - started;
    config.writer?.({ type: "node_end", nodeId, nodeType: type.id, at: now(), ms, ...summarizePlannerStep(before, update, ctx) } satisfies NodeSignal);
    return update;
  };
}

function parserAction(nodeId: string, type: ParserNodeType, params: Record<string, unknown>, ctx: ToolContext) {
  return async (state: never, config: LangGraphRunnableConfig) => {
    const before = state as unknown as ParserState;
    config.writer?.({ type: "node_start", nodeId, nodeType: type.id, at: now() } satisfies NodeSignal);
    const started = performance.now();
    let update: Partial<ParserState>;
    try {
      update = await type.run(before, params, ctx);
    } catch (e) {
      throw new GraphRunError("node_failed", nodeId, `node \`${nodeId}\` (${type.id}) failed: ${(e as Error).message}`);
    }
    const ms = performance.now() - started;
    config.writer?.({ type: "node_end", nodeId, nodeType: type.id, at: now(), ms, ...summarizeParserStep(before, update) } satisfies NodeSignal);
    return update;
  };
}
