import { existsSync, readFileSync } from "node:fs";
import { compileParser, compilePlanner, type CompiledParser, type CompiledPlanner } from "../graphs/compile-graph.ts";
import { defaultParserSpec, defaultPlannerSpec, llmParserSpec } from "../graphs/default-specs.ts";
import { GraphSpecError } from "../graphs/graph-spec-error.ts";
import type { GraphEngine } from "../graphs/graph-engine.ts";
import { collectRun, runGraph } from "../graphs/run-graph.ts";
import type { StepEvent } from "../graphs/step-events.ts";
import type { ParseInput, ParseSource } from "../parser/parser-state.ts";
import type { Preferences } from "../schemas/preferences.ts";
import { turnState, type TurnRequest } from "../tools/run-chain.ts";
import { readSavedGraph, SAVED_GRAPH_REF } from "./saved-graph.ts";
import type { ToolContext } from "../tools/tool-context.ts";

/** The two compiled agents a turn runs through. */
export interface Agents {
  parser: CompiledParser;
  planner: CompiledPlanner;
}

/**
 * Compiles the default Parser (or, with `llm`, the LLM Parser) and Planner graphs, replacing either with a saved
 * variant: each file is a graph spec (the JSON the studio exports) whose `kind` says which agent it replaces.
 */
export function loadAgents(ctx: ToolContext, graphFiles: string[] = [], options: { llm?: boolean; dataDir?: string } = {}): Agents {
  let parserSpec: unknown = options.llm ? llmParserSpec() : defaultParserSpec();
  let plannerSpec: unknown = defaultPlannerSpec();
  for (const file of graphFiles) {
    let raw: { kind?: unknown };
    try {
      raw = SAVED_GRAPH_REF.test(file) && !existsSync(file) ? (readSavedGraph(file, options.dataDir) as { kind?: unknown }) : JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
      if (e instanceof GraphSpecError) throw e;
      throw new GraphSpecError("invalid_spec", `${file}: not a readable JSON graph spec (${(e as Error).message})`);
    }
    if (raw?.kind === "parser") parserSpec = raw;
    else if (raw?.kind === "planner") plannerSpec = raw;
    else throw new GraphSpecError("invalid_spec", `${file}: \`kind\` must be "parser" or "planner", got ${JSON.stringify(raw?.kind)}`);
  }
  return { parser: compileParser(parserSpec, ctx), planner: compilePlanner(plannerSpec, ctx) };
}

/** Runs the Parser graph: the consolidated memory, where it came from, and the run's events. */
export async function parseWithGraph(agents: Agents, input: ParseInput, engine?: GraphEngine): Promise<{ preferences: Preferences; source?: ParseSource; notes: string[]; events: StepEvent[] }> {
  const { events, outcome } = await collectRun(runGraph(agents.parser, input, { engine }));
  if (!outcome) throw new Error(failure(events));
  return { ...outcome.result, events };
}

/** Runs the Planner graph: the feed's item ids and scores, and the run's events. */
export async function planWithGraph(agents: Agents, ctx: ToolContext, request: Omit<TurnRequest, "params">, engine?: GraphEngine): Promise<{ items: string[]; scores: number[]; events: StepEvent[] }> {
  const { events, outcome } = await collectRun(runGraph(agents.planner, turnState(ctx, request), { engine }));
  if (!outcome) throw new Error(failure(events));
  return { items: outcome.result.items, scores: outcome.result.scores, events };
}

function failure(events: StepEvent[]): string {
  const error = events.find((e) => e.type === "error");
  return error && "message" in error ? error.message : "the graph run ended without a result";
}
