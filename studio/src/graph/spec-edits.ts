import type { GraphSpec } from "../../../graphs/graph-spec.ts";

/** Pure edits of a spec; the editor keeps every result on its undo stack. */

export function addNode(spec: GraphSpec, type: string, at: { x: number; y: number }): { spec: GraphSpec; id: string } {
  const taken = new Set(spec.nodes.map((n) => n.id));
  let id = type.replace(/[^A-Za-z0-9_-]/g, "_");
  if (!/^[A-Za-z]/.test(id)) id = `n_${id}`;
  for (let i = 2; taken.has(id); i++) id = `${type}_${i}`;
  return { spec: { ...spec, nodes: [...spec.nodes, { id, type, position: at, data: {} }] }, id };
}

export function removeElement(spec: GraphSpec, id: string): GraphSpec {
  if (spec.edges.some((e) => e.id === id)) return { ...spec, edges: spec.edges.filter((e) => e.id !== id) };
  const node = spec.nodes.find((n) => n.id === id);
  if (!node || node.type === "start" || node.type === "end") return spec;
  return { ...spec, nodes: spec.nodes.filter((n) => n.id !== id), edges: spec.edges.filter((e) => e.source !== id && e.target !== id) };
}

export function connect(spec: GraphSpec, source: string, target: string): GraphSpec {
  if (source === target || spec.edges.some((e) => e.source === source && e.target === target)) return spec;
  const taken = new Set(spec.edges.map((e) => e.id));
  let id = `${source}-${target}`;
  for (let i = 2; taken.has(id); i++) id = `${source}-${target}-${i}`;
  return { ...spec, edges: [...spec.edges, { id, source, target }] };
}

export const moveNode = (spec: GraphSpec, id: string, position: { x: number; y: number }): GraphSpec =>
  ({ ...spec, nodes: spec.nodes.map((n) => (n.id === id ? { ...n, position } : n)) });

export const setParams = (spec: GraphSpec, id: string, data: Record<string, unknown>): GraphSpec =>
  ({ ...spec, nodes: spec.nodes.map((n) => (n.id === id ? { ...n, data } : n)) });

export const setCondition = (spec: GraphSpec, id: string, condition: string): GraphSpec =>
  ({ ...spec, edges: spec.edges.map((e) => (e.id === id ? { ...e, condition: condition.trim() === "" ? undefined : condition } : e)) });

/** Layers by longest distance from start (edges into a visited node are cycles and ignored); left to right. */
export function autoLayout(spec: GraphSpec): GraphSpec {
  const start = spec.nodes.find((n) => n.type === "start")?.id;
  const depth = new Map<string, number>();
  const visit = (id: string, d: number, path: Set<string>) => {
    if (path.has(id) || (depth.get(id) ?? -1) >= d) return;
    depth.set(id, d);
    path.add(id);
    for (const e of spec.edges) if (e.source === id) visit(e.target, d + 1, path);
    path.delete(id);
  };
  if (start) visit(start, 0, new Set());
  const maxDepth = Math.max(0, ...depth.values());
  const rows = new Map<number, number>();
  return {
    ...spec,
    nodes: spec.nodes.map((n) => {
      const d = n.type === "end" ? maxDepth + 1 : depth.get(n.id) ?? maxDepth + 1;
      const row = rows.get(d) ?? 0;
      rows.set(d, row + 1);
      return { ...n, position: { x: d * 200, y: row * 110 } };
    }),
  };
}
