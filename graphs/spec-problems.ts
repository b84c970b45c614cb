import { parseCondition, rootNames, ConditionError, type ConditionAst } from "./condition-language.ts";
import { GraphEdge, GraphKind, GraphNode, GraphSpec, END_TYPE, START_TYPE } from "./graph-spec.ts";
import type { GraphSpecErrorCode } from "./graph-spec-error.ts";
import { fitsKind, getNodeType, type NodeType } from "./node-registry.ts";
import { PARSER_SCOPE_NAMES, ParserGraphState } from "./parser-graph-state.ts";
import { PLANNER_SCOPE_NAMES, PlannerState } from "./planner-state.ts";

/** One thing wrong with a spec, placed on the node and/or edge it concerns (when it concerns one). */
export interface SpecProblem {
  code: GraphSpecErrorCode;
  message: string;
  nodeId?: string;
  edgeId?: string;
}

export interface CheckedNode {
  id: string;
  type: NodeType;
  params: Record<string, unknown>;
}

export interface CheckedEdge extends GraphEdge {
  ast?: ConditionAst;
}

/** A spec that passed every check: nodes with parsed params, outgoing edges per node with parsed conditions. */
export interface CheckedSpec {
  spec: GraphSpec;
  startId: string;
  endId: string;
  /** work nodes (not start / end), in spec order */
  nodes: CheckedNode[];
  outgoing: Map<string, CheckedEdge[]>;
}

const scopeNames = (kind: GraphKind) => (kind === "planner" ? PLANNER_SCOPE_NAMES : PARSER_SCOPE_NAMES);
const channelNames = (kind: GraphKind) => Object.keys(kind === "planner" ? PlannerState.spec : ParserGraphState.spec);

/**
 * Every problem of a spec, in the order the checks meet them (shape, nodes, start/end, edges, reachability), so the
 * first is the one `validateSpec` throws. With a broken shape, the nodes and edges that are well formed are still
 * checked; reachability is only judged once the shape is right.
 */
export function specProblems(raw: unknown): SpecProblem[] {
  return inspectSpec(raw).problems;
}

/** `specProblems`, plus the checked spec when there are none. */
export function inspectSpec(raw: unknown): { problems: SpecProblem[]; checked: CheckedSpec | null } {
  const parsed = GraphSpec.safeParse(raw);
  const problems: SpecProblem[] = [];
  const report = (code: GraphSpecErrorCode, message: string, where: { nodeId?: string; edgeId?: string } = {}) => {
    problems.push({ code, message, ...(where.nodeId !== undefined && { nodeId: where.nodeId }), ...(where.edgeId !== undefined && { edgeId: where.edgeId }) });
  };
  let spec: GraphSpec;
  /** ids of nodes too malformed to check, still known to edges */
  let opaqueIds: string[] = [];
  if (parsed.success) spec = parsed.data;
  else {
    for (const issue of parsed.error.issues) report("invalid_spec", `graph spec: ${issue.path.join(".") || "(root)"}: ${issue.message}`, locate(raw, issue.path));
    const salvaged = salvage(raw);
    if (!salvaged) return { problems, checked: null };
    ({ spec, opaqueIds } = salvaged);
  }

  const nodes = checkNodes(spec, report);
  const starts = spec.nodes.filter((n) => n.type === START_TYPE);
  const ends = spec.nodes.filter((n) => n.type === END_TYPE);
  checkSingle(starts, START_TYPE, "missing_start", "multiple_starts", report);
  checkSingle(ends, END_TYPE, "missing_end", "multiple_ends", report);
  const ids = new Set([...spec.nodes.map((n) => n.id), ...opaqueIds]);
  const outgoing = checkEdges(spec, ids, new Set(starts.map((n) => n.id)), new Set(ends.map((n) => n.id)), report);
  if (parsed.success) checkReachability(spec, outgoing, starts.map((n) => n.id), ends.map((n) => n.id), report);
  if (problems.length > 0) return { problems, checked: null };
  return { problems, checked: { spec, startId: starts[0].id, endId: ends[0].id, nodes, outgoing } };
}

type Report = (code: GraphSpecErrorCode, message: string, where?: { nodeId?: string; edgeId?: string }) => void;

const idAt = (list: unknown, index: PropertyKey | undefined): string | undefined => {
  if (!Array.isArray(list) || typeof index !== "number") return undefined;
  const id = (list[index] as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : undefined;
};

/** `nodes.3.data.alpha` → that node's id; `edges.1.condition` → that edge's id (when the element has a string id). */
function locate(raw: unknown, path: PropertyKey[]): { nodeId?: string; edgeId?: string } {
  if (typeof raw !== "object" || raw === null) return {};
  const [field, index] = path;
  if (field === "nodes") return { nodeId: idAt((raw as { nodes?: unknown }).nodes, index) };
  if (field === "edges") return { edgeId: idAt((raw as { edges?: unknown }).edges, index) };
  return {};
}

/** The well-formed nodes and edges of a spec whose shape is broken, if its kind and lists can be read at all. */
function salvage(raw: unknown): { spec: GraphSpec; opaqueIds: string[] } | null {
  const r = raw as { kind?: unknown; nodes?: unknown; edges?: unknown } | null;
  const kind = GraphKind.safeParse(r?.kind);
  if (!kind.success || !Array.isArray(r!.nodes) || !Array.isArray(r!.edges)) return null;
  const nodes: GraphNode[] = [];
  const opaqueIds: string[] = [];
  r!.nodes.forEach((raw: unknown, i: number) => {
    const node = GraphNode.safeParse(raw);
    if (node.success) nodes.push(node.data);
    else if (idAt(r!.nodes, i) !== undefined) opaqueIds.push(idAt(r!.nodes, i)!);
  });
  const edges = r!.edges.flatMap((raw: unknown) => {
    const edge = GraphEdge.safeParse(raw);
    return edge.success ? [edge.data] : [];
  });
  return { spec: { kind: kind.data, name: "", nodes, edges }, opaqueIds };
}

function checkNodes(spec: GraphSpec, report: Report): CheckedNode[] {
  const seen = new Set<string>();
  const reserved = new Set(channelNames(spec.kind));
  const checked: CheckedNode[] = [];
  for (const node of spec.nodes) {
    const at = { nodeId: node.id };
    if (seen.has(node.id)) {
      report("duplicate_node_id", `two nodes have the id \`${node.id}\`: give each node its own id`, at);
      continue;
    }
    seen.add(node.id);
    if (reserved.has(node.id)) report("reserved_node_id", `node id \`${node.id}\` is the name of a state field: rename the node (e.g. \`${node.id}_step\`)`, at);
    const type = getNodeType(node.type);
    if (!type) {
      report("unknown_node_type", `node \`${node.id}\` has unknown type \`${node.type}\`: use a registered tool or stage id`, at);
      continue;
    }
    if (!fitsKind(type, spec.kind)) {
      report("wrong_agent_kind", `node \`${node.id}\`: \`${node.type}\` is a ${type.kind} node and cannot run in a ${spec.kind} graph`, at);
      continue;
    }
    const params = type.params.safeParse(node.data);
    if (!params.success) {
      for (const issue of params.error.issues) {
        const where = issue.path.length ? `param \`${issue.path.join(".")}\`` : "params";
        report("invalid_params", `node \`${node.id}\` (${node.type}): ${where}: ${issue.message}`, at);
      }
      continue;
    }
    if (type.kind !== "terminal") checked.push({ id: node.id, type, params: params.data as Record<string, unknown> });
  }
  return checked;
}

function checkSingle(found: GraphNode[], type: string, missing: "missing_start" | "missing_end", multiple: "multiple_starts" | "multiple_ends", report: Report): void {
  if (found.length === 0) report(missing, `the graph has no \`${type}\` node: add one and connect it`);
  for (const extra of found.slice(1))
    report(multiple, `the graph has ${found.length} \`${type}\` nodes (${found.map((n) => n.id).join(", ")}): keep one`, { nodeId: extra.id });
}

/**
 * Checks each edge; returns the edges that connect two known nodes legally, per source node. Those with a bad
 * condition or a second fallback are kept too, so one bad edge does not also make its target look unreachable.
 */
function checkEdges(spec: GraphSpec, ids: Set<string>, startIds: Set<string>, endIds: Set<string>, report: Report): Map<string, CheckedEdge[]> {
  const seen = new Set<string>();
  const outgoing = new Map<string, CheckedEdge[]>();
  const names = new Set(scopeNames(spec.kind));
  for (const edge of spec.edges) {
    const at = { edgeId: edge.id };
    if (seen.has(edge.id)) report("duplicate_edge_id", `two edges have the id \`${edge.id}\`: give each edge its own id`, at);
    seen.add(edge.id);
    const unknown = [edge.source, edge.target].filter((end) => !ids.has(end));
    for (const end of unknown) report("unknown_edge_node", `edge \`${edge.id}\` connects \`${end}\`, which is not a node of this graph`, at);
    if (unknown.length > 0) continue;
    let legal = true;
    if (startIds.has(edge.target)) (legal = false), report("edge_into_start", `edge \`${edge.id}\` enters the start node: runs can only begin there`, at);
    if (endIds.has(edge.source)) (legal = false), report("edge_from_end", `edge \`${edge.id}\` leaves the end node: nothing runs after the end`, at);
    const checked: CheckedEdge = { ...edge };
    if (edge.condition !== undefined) checked.ast = checkCondition(edge, names, report);
    if (!legal) continue;
    const list = outgoing.get(edge.source) ?? [];
    const fallback = list.find((e) => e.condition === undefined);
    if (edge.condition === undefined && fallback)
      report("ambiguous_fallback", `node \`${edge.source}\` has two edges without a condition (${fallback.id}, ${edge.id}): give one of them a condition`, { ...at, nodeId: edge.source });
    list.push(checked);
    outgoing.set(edge.source, list);
  }
  return outgoing;
}

function checkCondition(edge: GraphEdge, names: Set<string>, report: Report): ConditionAst | undefined {
  try {
    const ast = parseCondition(edge.condition!);
    for (const { name, col } of rootNames(ast))
      if (!names.has(name)) throw new ConditionError(col, `unknown name \`${name}\`; a condition can read ${[...names].join(", ")}`);
    return ast;
  } catch (e) {
    if (!(e instanceof ConditionError)) throw e;
    report("bad_condition", `edge \`${edge.id}\` (${edge.source} → ${edge.target}): condition ${e.message}`, { edgeId: edge.id, nodeId: edge.source });
    return undefined;
  }
}

/** Unreachable nodes are judged only with a start, dead ends only with an end (else every node would be both). */
function checkReachability(spec: GraphSpec, outgoing: Map<string, CheckedEdge[]>, startIds: string[], endIds: string[], report: Report): void {
  if (startIds.length > 0) {
    const forward = reach(startIds, (id) => (outgoing.get(id) ?? []).map((e) => e.target));
    for (const node of spec.nodes)
      if (!forward.has(node.id))
        report("unreachable_node", `node \`${node.id}\` cannot be reached from \`${startIds[0]}\`: connect an edge into it or delete it`, { nodeId: node.id });
  }
  if (endIds.length === 0) return;
  const incoming = new Map<string, string[]>();
  for (const [source, edges] of outgoing) for (const e of edges) incoming.set(e.target, [...(incoming.get(e.target) ?? []), source]);
  const backward = reach(endIds, (id) => incoming.get(id) ?? []);
  for (const node of spec.nodes) {
    if (backward.has(node.id)) continue;
    const hint = (outgoing.get(node.id) ?? []).length === 0 ? "it has no outgoing edge" : "it only leads into a cycle with no exit";
    report("no_path_to_end", `node \`${node.id}\` has no path to \`${endIds[0]}\` (${hint}): add an edge towards the end`, { nodeId: node.id });
  }
}

function reach(from: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set(from);
  const stack = [...from];
  while (stack.length) for (const n of next(stack.pop()!)) if (!seen.has(n)) (seen.add(n), stack.push(n));
  return seen;
}
