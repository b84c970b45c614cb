import { z } from "zod";
import { readLlmConfig } from "../parser/llm-config.ts";
import type { ParserStage, ParserState } from "../parser/parser-state.ts";
import { parserStages } from "../parser/stages.ts";
import type { Tool } from "../tools/define-tool.ts";
import { toolRegistry } from "../tools/registry.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { END_TYPE, START_TYPE, type GraphKind } from "./graph-spec.ts";

interface NodeTypeBase {
  id: string;
  description: string;
  params: z.ZodObject;
}

/** The entry or exit of a graph. */
export interface TerminalNodeType extends NodeTypeBase {
  kind: "terminal";
}

/** A Planner tool as a graph node. */
export interface PlannerNodeType extends NodeTypeBase {
  kind: "planner";
  tool: Tool;
}

/** A Parser stage as a graph node (asynchronous when it calls a model). */
export interface ParserNodeType extends NodeTypeBase {
  kind: "parser";
  run(state: ParserState, params: Record<string, unknown>, ctx: ToolContext): Partial<ParserState> | Promise<Partial<ParserState>>;
}

export type NodeType = TerminalNodeType | PlannerNodeType | ParserNodeType;

const noParams = z.object({});

const stage = (id: keyof typeof parserStages, description: string): ParserNodeType => {
  const run: ParserStage = parserStages[id];
  return { id, kind: "parser", description, params: noParams, run: (state, _params, ctx) => run(state, ctx) };
};

const llmParse: ParserNodeType = {
  id: "llm_parse",
  kind: "parser",
  description: "Asks an OpenAI-compatible model for the new memory P_{t+1}; falls back to the offline parser on any failure.",
  params: z.object({
    timeoutMs: z.int().min(100).max(600_000).optional().describe("Give up on the model after this many ms (default: RECBOT_LLM_TIMEOUT_MS)"),
  }),
  async run(state, params, ctx) {
    // loaded on first use: the OpenAI client is only needed by graphs that call a model
    const { parseWithLlm } = await import("../parser/llm-parser.ts");
    const config = readLlmConfig();
    const timeoutMs = typeof params.timeoutMs === "number" ? params.timeoutMs : config.timeoutMs;
    const result = await parseWithLlm(state.input, ctx, { ...config, timeoutMs });
    return { preferences: result.preferences, source: result.source, notes: result.notes };
  },
};

const plannerNode = (tool: Tool): PlannerNodeType => ({ id: tool.id, kind: "planner", description: tool.description, params: tool.params, tool });

/** Every node type by id: entry/exit, the Planner tools and the Parser stages. */
export const nodeRegistry: Record<string, NodeType> = {
  [START_TYPE]: { id: START_TYPE, kind: "terminal", description: "Where a run enters the graph.", params: noParams },
  [END_TYPE]: { id: END_TYPE, kind: "terminal", description: "Where a run leaves the graph.", params: noParams },
  ...Object.fromEntries(Object.values(toolRegistry).map((tool) => [tool.id, plannerNode(tool as unknown as Tool)])),
  normalize: stage("normalize", "Lower-cases and tidies the command so later stages see one spelling."),
  extract: stage("extract", "Finds the mentions in the command: values, ranges, references to the feed, polarity and strength words."),
  ground: stage("ground", "Maps each mention to the catalog's own attributes and values (its vocabulary), giving the turn's delta."),
  consolidate: stage("consolidate", "Merges the delta into the memory P_t: preserve, integrate, resolve contradictions → P_{t+1}."),
  validate: stage("validate", "Checks P_{t+1} against the Preferences schema and removes duplicates across buckets."),
  llm_parse: llmParse,
};

/** The node type with this id, or undefined (own keys only). */
export function getNodeType(id: string): NodeType | undefined {
  return Object.hasOwn(nodeRegistry, id) ? nodeRegistry[id] : undefined;
}

/** Whether a node type may appear in a graph of this kind. */
export function fitsKind(type: NodeType, kind: GraphKind): boolean {
  return type.kind === "terminal" || type.kind === kind;
}

/** One palette entry for the studio: its form is rendered from `params` (JSON Schema). */
export interface PaletteEntry {
  id: string;
  kind: NodeType["kind"];
  description: string;
  params: Record<string, unknown>;
}

/** The node types a graph of this kind can use, with JSON Schemas of their params. */
export function nodePalette(kind: GraphKind): PaletteEntry[] {
  return Object.values(nodeRegistry)
    .filter((t) => fitsKind(t, kind))
    .map((t) => ({ id: t.id, kind: t.kind, description: t.description, params: z.toJSONSchema(t.params, { io: "input" }) as Record<string, unknown> }));
}
