import { z } from "zod";

/** Node types every graph uses for its entry and exit; React Flow draws them as ordinary nodes. */
export const START_TYPE = "start";
export const END_TYPE = "end";

export const GraphKind = z.enum(["parser", "planner"]).describe("Which agent the graph implements");

/** A node as React Flow holds it: `type` is a registered node or tool id, `data` its params. */
export const GraphNode = z.object({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, "a node id starts with a letter and has only letters, digits, _ and -").max(64).describe("Unique node id"),
  type: z.string().min(1).describe("Registered node type (a tool or Parser stage id, or start / end)"),
  position: z.object({ x: z.number(), y: z.number() }).describe("Where the studio draws the node"),
  data: z.record(z.string(), z.unknown()).default({}).describe("The node's params, checked against its type's schema"),
});

/**
 * A directed edge. A node's outgoing edges are tried in spec order: the first whose condition holds
 * is taken; an edge without a condition is the fallback (at most one per node).
 */
export const GraphEdge = z.object({
  id: z.string().min(1).max(64).describe("Unique edge id"),
  source: z.string().min(1).describe("Id of the node the edge leaves"),
  target: z.string().min(1).describe("Id of the node the edge enters"),
  condition: z.string().optional().describe("When to take the edge, e.g. `positive.hard.length > 0`; absent = otherwise"),
});

/** One agent as a graph: the single description read by the server, compiled to LangGraph, edited by the studio. */
export const GraphSpec = z.object({
  kind: GraphKind,
  name: z.string().min(1).max(100).describe("Display name"),
  description: z.string().optional().describe("What this variant does differently"),
  nodes: z.array(GraphNode).describe("Nodes, including exactly one start and one end node"),
  edges: z.array(GraphEdge).describe("Edges between node ids"),
});

export type GraphKind = z.infer<typeof GraphKind>;
export type GraphNode = z.infer<typeof GraphNode>;
export type GraphEdge = z.infer<typeof GraphEdge>;
export type GraphSpec = z.infer<typeof GraphSpec>;
/** A spec as written by hand or sent by the studio (`data` may be omitted). */
export type GraphSpecInput = z.input<typeof GraphSpec>;
