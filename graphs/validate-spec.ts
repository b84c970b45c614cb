import { parseCondition, rootNames, ConditionError, type ConditionAst } from "./condition-language.ts";
import { GraphSpec, END_TYPE, START_TYPE, type GraphEdge, type GraphKind } from "./graph-spec.ts";
import { GraphSpecError } from "./graph-spec-error.ts";
import { fitsKind, getNodeType, type NodeType } from "./node-registry.ts";
import { PARSER_SCOPE_NAMES, ParserGraphState } from "./parser-graph-state.ts";
import { PLANNER_SCOPE_NAMES, PlannerState } from "./planner-state.ts";

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

/** Checks a spec from shape to reachability; throws the first `GraphSpecError` found. */
export function validateSpec(raw: unknown): CheckedSpec {
  const parsed = GraphSpec.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GraphSpecError("invalid_spec", `graph spec: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  const spec = parsed.data;
  const nodes = checkNodes(spec);
  const ids = new Set(spec.nodes.map((n) => n.id));
  const startId = single(spec, START_TYPE, "missing_start", "multiple_starts");
  const endId = single(spec, END_TYPE, "missing_end", "multiple_ends");
  const outgoing = checkEdges(spec, ids, startId, endId);
  checkReachability(spec, outgoing, startId, endId);
  return { spec, startId, endId, nodes, outgoing };
}

function checkNodes(spec: GraphSpec): CheckedNode[] {
  const seen = new Set<string>();
  const reserved = new Set(channelNames(spec.kind));
  const checked: CheckedNode[] = [];
  for (const node of spec.nodes) {
    if (seen.has(node.id)) throw new GraphSpecError("duplicate_node_id", `two nodes have the id \`${node.id}\`: give each node its own id`, { nodeId: node.id });
    seen.add(node.id);
    if (reserved.has(node.id))
      throw new GraphSpecError("reserved_node_id", `node id \`${node.id}\` is the name of a state field: rename the node (e.g. \`${node.id}_step\`)`, { nodeId: node.id });
    const type = getNodeType(node.type);
    if (!type) throw new GraphSpecError("unknown_node_type", `node \`${node.id}\` has unknown type \`${node.type}\`: use a registered tool or stage id`, { nodeId: node.id });
    if (!fitsKind(type, spec.kind))
      throw new GraphSpecError("wrong_agent_kind", `node \`${node.id}\`: \`${node.type}\` is a ${type.kind} node and cannot run in a ${spec.kind} graph`, { nodeId: node.id });
    const params = type.params.safeParse(node.data);
    if (!params.success) {
      const issue = params.error.issues[0];
      const where = issue.path.length ? `param \`${issue.path.join(".")}\`` : "params";
      throw new GraphSpecError("invalid_params", `node \`${node.id}\` (${node.type}): ${where}: ${issue.message}`, { nodeId: node.id });
    }
    if (type.kind !== "terminal") checked.push({ id: node.id, type, params: params.data as Record<string, unknown> });
  }
  return checked;
}

function single(spec: GraphSpec, type: string, missing: "missing_start" | "missing_end", multiple: "multiple_starts" | "multiple_ends"): string {
  const found = spec.nodes.filter((n) => n.type === type);
  if (found.length === 0) throw new GraphSpecError(missing, `the graph has no \`${type}\` node: add one and connect it`);
  if (found.length > 1) throw new GraphSpecError(multiple, `the graph has ${found.length} \`${type}\` nodes (${found.map((n) => n.id).join(", ")}): keep one`, { nodeId: found[1].id });
  return found[0].id;
}

function checkEdges(spec: GraphSpec, ids: Set<string>, startId: string, endId: string): Map<string, CheckedEdge[]> {
  const seen = new Set<string>();
  const outgoing = new Map<string, CheckedEdge[]>();
  const names = new Set(scopeNames(spec.kind));
  for (const edge of spec.edges) {
    const at = { edgeId: edge.id };
    if (seen.has(edge.id)) throw new GraphSpecError("duplicate_edge_id", `two edges have the id \`${edge.id}\`: give each edge its own id`, at);
    seen.add(edge.id);
    for (const end of [edge.source, edge.target])
      if (!ids.has(end)) throw new GraphSpecError("unknown_edge_node", `edge \`${edge.id}\` connects \`${end}\`, which is not a node of this graph`, at);
    if (edge.target === startId) throw new GraphSpecError("edge_into_start", `edge \`${edge.id}\` enters the start node: runs can only begin there`, at);
    if (edge.source === endId) throw new GraphSpecError("edge_from_end", `edge \`${edge.id}\` leaves the end node: nothing runs after the end`, at);
    const checked: CheckedEdge = { ...edge };
    if (edge.condition !== undefined) checked.ast = checkCondition(edge, names);
    const list = outgoing.get(edge.source) ?? [];
    if (!checked.ast && list.some((e) => !e.ast))
      throw new GraphSpecError("ambiguous_fallback", `node \`${edge.source}\` has two edges without a condition (${list.find((e) => !e.ast)!.id}, ${edge.id}): give one of them a condition`, { ...at, nodeId: edge.source });
    list.push(checked);
    outgoing.set(edge.source, list);
  }
  return outgoing;
}

function checkCondition(edge: GraphEdge, names: Set<string>): ConditionAst {
  const fail = (detail: string) =>
    new GraphSpecError("bad_condition", `edge \`${edge.id}\` (${edge.source} → ${edge.target}): condition ${detail}`, { edgeId: edge.id, nodeId: edge.source });
  try {
    const ast = parseCondition(edge.condition!);
    for (const { name, col } of rootNames(ast))
      if (!names.has(name)) throw new ConditionError(col, `unknown name \`${name}\`; a condition can read ${[...names].join(", ")}`);
    return ast;
  } catch (e) {
    if (e instanceof ConditionError) throw fail(e.message);
    throw e;
  }
}

function checkReachability(spec: GraphSpec, outgoing: Map<string, CheckedEdge[]>, startId: string, endId: string): void {
  const forward = reach(startId, (id) => (outgoing.get(id) ?? []).map((e) => e.target));
  for (const node of spec.nodes)
    if (!forward.has(node.id))
      throw new GraphSpecError("unreachable_node", `node \`${node.id}\` cannot be reached from \`${startId}\`: connect an edge into it or delete it`, { nodeId: node.id });
  const incoming = new Map<string, string[]>();
  for (const [source, edges] of outgoing) for (const e of edges) incoming.set(e.target, [...(incoming.get(e.target) ?? []), source]);
  const backward = reach(endId, (id) => incoming.get(id) ?? []);
  for (const node of spec.nodes) {
    if (backward.has(node.id)) continue;
    const hint = (outgoing.get(node.id) ?? []).length === 0 ? "it has no outgoing edge" : "it only leads into a cycle with no exit";
    throw new GraphSpecError("no_path_to_end", `node \`${node.id}\` has no path to \`${endId}\` (${hint}): add an edge towards the end`, { nodeId: node.id });
  }
}

function reach(from: string, next: (id: string) => string[]): Set<string> {
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length) for (const n of next(stack.pop()!)) if (!seen.has(n)) (seen.add(n), stack.push(n));
  return seen;
}
