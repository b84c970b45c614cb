import { describe, expect, it } from "vitest";
import { defaultPlannerSpec } from "./default-specs.ts";
import type { GraphSpec } from "./graph-spec.ts";
import { chainSpec } from "./test-fixtures.ts";
import { diffSpecs } from "./spec-diff.ts";

const at = { x: 0, y: 0 };
const base = (): GraphSpec => ({
  ...chainSpec([{ id: "matcher", data: { alpha: 0.5, temperature: 5 } }, { id: "aggregator" }]),
  name: "v1",
});

describe("diffSpecs", () => {
  it("finds no change between a spec and itself, or one only moved around the canvas", () => {
    const empty = { nodes: { added: [], removed: [], changed: [] }, edges: { added: [], removed: [], changed: [] } };
    expect(diffSpecs(defaultPlannerSpec(), defaultPlannerSpec())).toEqual(empty);
    const moved = base();
    moved.nodes[1].position = { x: 300, y: 40 };
    moved.name = "renamed";
    expect(diffSpecs(base(), moved)).toEqual(empty);
  });

  it("lists a changed param with its values before and after, and params set or unset", () => {
    const to = base();
    to.nodes[1].data = { alpha: 0.9, temperature: 5, historyWindow: 20 };
    to.nodes[2].data = {};
    const from = base();
    from.nodes[2].data = { popularityPrior: 0.01 };
    expect(diffSpecs(from, to).nodes.changed).toEqual([
      { id: "matcher", params: [{ name: "alpha", before: 0.5, after: 0.9 }, { name: "historyWindow", after: 20 }] },
      { id: "aggregator", params: [{ name: "popularityPrior", before: 0.01 }] },
    ]);
  });

  it("lists a node whose type changed, and nodes added and removed, by id", () => {
    const to = base();
    to.nodes[1].type = "attenuator";
    to.nodes[1].data = { alpha: 0.5, temperature: 5 };
    to.nodes.splice(2, 1, { id: "filter", type: "filter", position: at, data: {} });
    const diff = diffSpecs(base(), to);
    expect(diff.nodes.changed).toEqual([{ id: "matcher", type: { before: "matcher", after: "attenuator" }, params: [] }]);
    expect(diff.nodes.added.map((n) => n.id)).toEqual(["filter"]);
    expect(diff.nodes.removed.map((n) => n.id)).toEqual(["aggregator"]);
  });

  it("lists edges added, removed, and changed in their endpoints or condition", () => {
    const to = base();
    to.edges[1] = { id: "e2", source: "matcher", target: "end", condition: "k > 3" };
    to.edges.splice(2, 1);
    to.edges.push({ id: "e4", source: "matcher", target: "aggregator" });
    const diff = diffSpecs(base(), to);
    expect(diff.edges.changed).toEqual([{
      id: "e2", fields: ["target", "condition"],
      before: { id: "e2", source: "matcher", target: "aggregator" },
      after: { id: "e2", source: "matcher", target: "end", condition: "k > 3" },
    }]);
    expect(diff.edges.added.map((e) => e.id)).toEqual(["e4"]);
    expect(diff.edges.removed.map((e) => e.id)).toEqual(["e3"]);
  });

  it("compares object-valued params by value", () => {
    const from = base();
    const to = base();
    from.nodes[1].data = { weights: { a: 1, b: [1, 2] } };
    to.nodes[1].data = { weights: { b: [1, 2], a: 1 } };
    expect(diffSpecs(from, to).nodes.changed).toEqual([]);
    to.nodes[1].data = { weights: { b: [1, 3], a: 1 } };
    expect(diffSpecs(from, to).nodes.changed[0].params).toEqual([{ name: "weights", before: { a: 1, b: [1, 2] }, after: { b: [1, 3], a: 1 } }]);
  });
});
