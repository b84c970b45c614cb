import type { GraphSpec } from "./graph-spec.ts";

const at = { x: 0, y: 0 };

/** A small Planner spec for tests: start → `middle` node types in a chain → end, each with its params, edited by `change`. */
export function chainSpec(middle: { id: string; type?: string; data?: Record<string, unknown> }[] = [{ id: "filter" }, { id: "aggregator" }], change: (s: GraphSpec) => void = () => {}): GraphSpec {
  const ids = ["start", ...middle.map((m) => m.id), "end"];
  const s: GraphSpec = {
    kind: "planner", name: "test",
    nodes: [
      { id: "start", type: "start", position: at, data: {} },
      ...middle.map((m) => ({ id: m.id, type: m.type ?? m.id, position: at, data: m.data ?? {} })),
      { id: "end", type: "end", position: at, data: {} },
    ],
    edges: ids.slice(1).map((target, i) => ({ id: `e${i + 1}`, source: ids[i], target })),
  };
  change(s);
  return s;
}
