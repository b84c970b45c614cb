import { defaultParserSpec, defaultPlannerSpec, llmParserSpec } from "../graphs/default-specs.ts";
import type { GraphKind, GraphSpec } from "../graphs/graph-spec.ts";
import { GraphSpecError } from "../graphs/graph-spec-error.ts";
import { validateSpec } from "../graphs/validate-spec.ts";
import { AppError } from "./app-error.ts";
import type { GraphRef } from "./storage/records.ts";
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

/** A saved graph version, ready to run: `key` is name@version. */
export interface ResolvedGraph {
  name: string;
  version: number;
  key: string;
  spec: GraphSpec;
}

/**
 * Resolves the graph a turn runs — a named version, or the latest — to its spec. A version never changes once
 * saved, so specs are kept by `name@version`. "Latest" is looked up at most once a second per name (saves through
 * this server take effect at once; saves by another instance within a second).
 */
export class GraphRegistry {
  private readonly specs = new Map<string, { kind: GraphKind; spec: GraphSpec }>();
  private readonly latest = new Map<string, { version: number | undefined; at: number }>();

  constructor(private readonly store: Store, readonly defaults: Record<GraphKind, string> = { parser: "parser", planner: "planner" }, private readonly latestTtlMs = 1000) {}

  /** Forgets the latest version of `name` (after saving a new one). */
  forget(name: string): void {
    this.latest.delete(name);
  }

  private async latestVersion(name: string): Promise<number | undefined> {
    const known = this.latest.get(name);
    if (known && Date.now() - known.at < this.latestTtlMs) return known.version;
    const version = (await this.store.getLatestGraphInfo(name))?.version;
    this.latest.set(name, { version, at: Date.now() });
    return version;
  }

  async resolve(kind: GraphKind, ref: GraphRef = { name: this.defaults[kind] }): Promise<ResolvedGraph> {
    const version = ref.version ?? (await this.latestVersion(ref.name));
    const key = `${ref.name}@${version}`;
    let saved = version === undefined ? undefined : this.specs.get(key);
    if (!saved) {
      const record = version === undefined ? null : await this.store.getGraphVersion(ref.name, version);
      if (!record) throw new AppError(404, "NOT_FOUND", `no saved graph \`${ref.name}\`${ref.version ? ` version ${ref.version}` : ""}; GET /api/graphs lists them`);
      saved = { kind: record.kind, spec: record.spec };
      this.specs.set(key, saved);
    }
    if (saved.kind !== kind) throw new AppError(400, "INVALID_GRAPH", `graph \`${ref.name}\` is a ${saved.kind} graph; it cannot run as the ${kind}`);
    return { name: ref.name, version: version!, key, spec: saved.spec };
  }
}
