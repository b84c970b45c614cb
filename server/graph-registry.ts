import { compileGraph, type CompiledAgent, type CompiledParser, type CompiledPlanner } from "../graphs/compile-graph.ts";
import { defaultParserSpec, defaultPlannerSpec, llmParserSpec } from "../graphs/default-specs.ts";
import type { GraphKind, GraphSpec } from "../graphs/graph-spec.ts";
import { GraphSpecError } from "../graphs/graph-spec-error.ts";
import { validateSpec } from "../graphs/validate-spec.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { AppError } from "./app-error.ts";
import type { GraphRef, GraphVersionRecord } from "./storage/records.ts";
import type { Store } from "./storage/store.ts";

/** The graphs every store starts with, saved as version 1 on first start. */
export const SHIPPED_GRAPHS: { name: string; spec: () => GraphSpec; note: string }[] = [
  { name: "parser", spec: defaultParserSpec, note: "shipped default: the offline parser" },
  { name: "parser-llm", spec: llmParserSpec, note: "shipped: the LLM parser, falling back to the offline one" },
  { name: "planner", spec: defaultPlannerSpec, note: "shipped default: Filter → Matcher → Attenuator → Aggregator" },
];

/** Saves each shipped graph as version 1 unless a graph of that name exists; returns the names it saved. */
export async function seedShippedGraphs(store: Store): Promise<string[]> {
  const saved: string[] = [];
  for (const graph of SHIPPED_GRAPHS) {
    if (await store.getLatestGraph(graph.name)) continue;
    await store.saveGraphVersion({ name: graph.name, spec: graph.spec(), note: graph.note });
    saved.push(graph.name);
  }
  return saved;
}

/** A spec that compiles (tools exist, params fit, every node reachable) or a 400 naming the node and the fix. */
export function checkSpec(spec: unknown): GraphSpec {
  try {
    return validateSpec(spec).spec;
  } catch (e) {
    if (e instanceof GraphSpecError) throw new AppError(400, "INVALID_GRAPH", e.message, { code: e.code, nodeId: e.nodeId, edgeId: e.edgeId });
    throw e;
  }
}

export interface ResolvedGraph<A extends CompiledAgent> {
  name: string;
  version: number;
  agent: A;
}

/**
 * Saved graph versions, compiled once each against the server's catalog. A version never changes once
 * saved, so `name@version` is a safe cache key.
 */
export class GraphRegistry {
  private readonly compiled = new Map<string, CompiledAgent>();

  constructor(private readonly store: Store, private readonly ctx: () => ToolContext, readonly defaults: Record<GraphKind, string> = { parser: "parser", planner: "planner" }) {}

  async resolve(kind: "parser", ref?: GraphRef): Promise<ResolvedGraph<CompiledParser>>;
  async resolve(kind: "planner", ref?: GraphRef): Promise<ResolvedGraph<CompiledPlanner>>;
  async resolve(kind: GraphKind, ref: GraphRef = { name: this.defaults[kind] }): Promise<ResolvedGraph<CompiledAgent>> {
    const version = ref.version ?? (await this.store.getLatestGraphInfo(ref.name))?.version;
    const cached = version === undefined ? undefined : this.compiled.get(`${ref.name}@${version}`);
    const agent = cached ?? (await this.load(ref.name, version));
    if (agent.kind !== kind) throw new AppError(400, "INVALID_GRAPH", `graph \`${ref.name}\` is a ${agent.kind} graph; it cannot run as the ${kind}`);
    return { name: ref.name, version: version!, agent };
  }

  private async load(name: string, version: number | undefined): Promise<CompiledAgent> {
    const record = version === undefined ? null : await this.store.getGraphVersion(name, version);
    if (!record) throw new AppError(404, "NOT_FOUND", `no saved graph \`${name}\`${version ? ` version ${version}` : ""}; GET /api/graphs lists them`);
    return this.compile(record);
  }

  private compile(record: GraphVersionRecord): CompiledAgent {
    const key = `${record.name}@${record.version}`;
    let agent = this.compiled.get(key);
    if (!agent) {
      try {
        agent = compileGraph(record.spec, this.ctx());
      } catch (e) {
        if (e instanceof GraphSpecError) throw new AppError(409, "INVALID_GRAPH", `saved graph ${key} no longer compiles: ${e.message}`);
        throw e;
      }
      this.compiled.set(key, agent);
    }
    return agent;
  }
}
