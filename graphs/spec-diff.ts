import { z } from "zod";
import { GraphEdge, GraphNode, type GraphSpec } from "./graph-spec.ts";

/** One param whose value differs; a side where the node does not set it has no `before` / `after`. */
export const ParamChange = z.object({
  name: z.string(),
  before: z.unknown().optional().describe("Value in the older spec; absent when it did not set the param"),
  after: z.unknown().optional().describe("Value in the newer spec; absent when it does not set the param"),
});

/** A node kept under the same id whose type or params differ (its position is layout, not a change). */
export const NodeChange = z.object({
  id: z.string(),
  type: z.object({ before: z.string(), after: z.string() }).optional().describe("Present when the node's type changed"),
  params: z.array(ParamChange).describe("Params that differ, by name"),
});

const EdgeField = z.enum(["source", "target", "condition"]);
/** An edge kept under the same id whose endpoints or condition differ. */
export const EdgeChange = z.object({
  id: z.string(),
  fields: z.array(EdgeField).describe("What differs"),
  before: GraphEdge,
  after: GraphEdge,
});

/** What changed from one spec to another, by node and edge id. */
export const SpecDiff = z.object({
  nodes: z.object({ added: z.array(GraphNode), removed: z.array(GraphNode), changed: z.array(NodeChange) }),
  edges: z.object({ added: z.array(GraphEdge), removed: z.array(GraphEdge), changed: z.array(EdgeChange) }),
});

export type ParamChange = z.infer<typeof ParamChange>;
export type NodeChange = z.infer<typeof NodeChange>;
export type EdgeChange = z.infer<typeof EdgeChange>;
export type SpecDiff = z.infer<typeof SpecDiff>;

/**
 * Nodes and edges added, removed and changed from `from` to `to`, matched by id. Added and changed follow `to`'s
 * order, removed `from`'s. Params are compared as the specs write them: a param left to its default differs from
 * one set to the default's value.
 */
export function diffSpecs(from: GraphSpec, to: GraphSpec): SpecDiff {
  const oldNodes = new Map(from.nodes.map((n) => [n.id, n]));
  const newIds = new Set(to.nodes.map((n) => n.id));
  const nodes: SpecDiff["nodes"] = { added: [], removed: from.nodes.filter((n) => !newIds.has(n.id)), changed: [] };
  for (const node of to.nodes) {
    const old = oldNodes.get(node.id);
    if (!old) nodes.added.push(node);
    else {
      const change = nodeChange(old, node);
      if (change) nodes.changed.push(change);
    }
  }
  const oldEdges = new Map(from.edges.map((e) => [e.id, e]));
  const newEdgeIds = new Set(to.edges.map((e) => e.id));
  const edges: SpecDiff["edges"] = { added: [], removed: from.edges.filter((e) => !newEdgeIds.has(e.id)), changed: [] };
  for (const edge of to.edges) {
    const old = oldEdges.get(edge.id);
    if (!old) edges.added.push(edge);
    else {
      const fields = EdgeField.options.filter((f) => old[f] !== edge[f]);
      if (fields.length > 0) edges.changed.push({ id: edge.id, fields, before: old, after: edge });
    }
  }
  return { nodes, edges };
}

function nodeChange(before: GraphNode, after: GraphNode): NodeChange | null {
  const names = [...new Set([...Object.keys(before.data), ...Object.keys(after.data)])];
  const params: ParamChange[] = names
    .filter((name) => !(Object.hasOwn(before.data, name) && Object.hasOwn(after.data, name) && sameJson(before.data[name], after.data[name])))
    .map((name) => ({
      name,
      ...(Object.hasOwn(before.data, name) && { before: before.data[name] }),
      ...(Object.hasOwn(after.data, name) && { after: after.data[name] }),
    }));
  const typeChanged = before.type !== after.type;
  if (!typeChanged && params.length === 0) return null;
  return { id: after.id, ...(typeChanged && { type: { before: before.type, after: after.type } }), params };
}

/** Deep equality of JSON values (params are JSON); no Node built-ins, as the studio bundles this file's schemas. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
