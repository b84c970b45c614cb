/** Stable codes of everything that can be wrong with a graph spec. */
export const GRAPH_SPEC_ERROR_CODES = [
  "invalid_spec",
  "duplicate_node_id",
  "duplicate_edge_id",
  "reserved_node_id",
  "unknown_node_type",
  "wrong_agent_kind",
  "invalid_params",
  "missing_start",
  "missing_end",
  "multiple_starts",
  "multiple_ends",
  "unknown_edge_node",
  "edge_into_start",
  "edge_from_end",
  "ambiguous_fallback",
  "bad_condition",
  "unreachable_node",
  "no_path_to_end",
] as const;
export type GraphSpecErrorCode = (typeof GRAPH_SPEC_ERROR_CODES)[number];

/** A spec that cannot be compiled: names the offending node or edge and says how to fix it. */
export class GraphSpecError extends Error {
  readonly code: GraphSpecErrorCode;
  readonly nodeId?: string;
  readonly edgeId?: string;

  constructor(code: GraphSpecErrorCode, message: string, where: { nodeId?: string; edgeId?: string } = {}) {
    super(message);
    this.name = "GraphSpecError";
    this.code = code;
    this.nodeId = where.nodeId;
    this.edgeId = where.edgeId;
  }

  toJSON() {
    return { code: this.code, message: this.message, nodeId: this.nodeId, edgeId: this.edgeId };
  }
}
