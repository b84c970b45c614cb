import { describe, expect, it } from "vitest";
import { defaultParserSpec, defaultPlannerSpec } from "./default-specs.ts";
import type { GraphSpec } from "./graph-spec.ts";
import { chainSpec } from "./test-fixtures.ts";
import { specProblems } from "./spec-problems.ts";
import { validateSpec } from "./validate-spec.ts";

const at = { x: 0, y: 0 };

/** start → filter → aggregator → end, edited by `change`. */
const spec = (change: (s: GraphSpec) => void = () => {}) => chainSpec(undefined, change);

const located = (raw: unknown) => specProblems(raw).map(({ code, nodeId, edgeId }) => ({ code, ...(nodeId && { nodeId }), ...(edgeId && { edgeId }) }));

describe("specProblems", () => {
  it("finds nothing wrong with the shipped specs", () => {
    expect(specProblems(defaultPlannerSpec())).toEqual([]);
    expect(specProblems(defaultParserSpec())).toEqual([]);
  });

  it("reports an unknown node type and a bad condition together, each where it is", () => {
    const problems = specProblems(spec((s) => {
      s.nodes[1].type = "filtre";
      s.edges.splice(1, 0, { id: "cond", source: "filter", target: "end", condition: "positve.soft.length > 0" });
    }));
    expect(problems).toEqual([
      { code: "unknown_node_type", message: "node `filter` has unknown type `filtre`: use a registered tool or stage id", nodeId: "filter" },
      {
        code: "bad_condition",
        message: "edge `cond` (filter → end): condition col 1: unknown name `positve`; a condition can read positive, negative, history, excluded, candidates, intents, terms, feed, k",
        nodeId: "filter", edgeId: "cond",
      },
    ]);
  });

  it("reports every bad param of every node", () => {
    const problems = specProblems(spec((s) => {
      s.nodes[1] = { id: "matcher", type: "matcher", position: at, data: { alpha: 2, temperature: "hot" } };
      s.edges[0].target = s.edges[1].source = "matcher";
      s.nodes[2].data = { popularityPrior: 3 };
    }));
    expect(problems.map((p) => `${p.nodeId} ${p.message.split(":")[1]}`)).toEqual([
      "matcher  param `alpha`", "matcher  param `temperature`", "aggregator  param `popularityPrior`",
    ]);
    expect(problems.every((p) => p.code === "invalid_params")).toBe(true);
    expect(problems[2].message).toMatch(/^node `aggregator` \(aggregator\): param `popularityPrior`: Too big/);
  });

  it("maps schema errors to the node or edge at their path, and still checks the well-formed rest", () => {
    const raw = spec((s) => {
      (s.nodes[2] as { position: unknown }).position = "left";
      (s.edges[0] as { condition: unknown }).condition = 5;
      s.nodes[1].type = "filtre";
    });
    expect(located(raw)).toEqual([
      { code: "invalid_spec", nodeId: "aggregator" },
      { code: "invalid_spec", edgeId: "e1" },
      { code: "unknown_node_type", nodeId: "filter" },
    ]);
    expect(specProblems(raw)[0].message).toMatch(/^graph spec: nodes\.2\.position: /);
    expect(located({ kind: "planner", name: "x", nodes: "none", edges: [] })).toEqual([{ code: "invalid_spec" }]);
  });

  it("reports edges to unknown nodes, unreachable nodes and dead ends, all at once", () => {
    const raw = spec((s) => {
      s.nodes.push({ id: "matcher", type: "matcher", position: at, data: {} });
      s.nodes.push({ id: "attenuator", type: "attenuator", position: at, data: {} });
      s.edges.push({ id: "to-ghost", source: "filter", target: "ghost", condition: "k > 1" });
      s.edges.push({ id: "e4", source: "filter", target: "matcher", condition: "k > 2" });
      s.edges.push({ id: "e5", source: "attenuator", target: "aggregator" });
    });
    expect(located(raw)).toEqual([
      { code: "unknown_edge_node", edgeId: "to-ghost" },
      { code: "unreachable_node", nodeId: "attenuator" },
      { code: "no_path_to_end", nodeId: "matcher" },
    ]);
  });

  it("reports a missing start and end without calling every node unreachable", () => {
    const raw = spec((s) => {
      s.nodes = s.nodes.filter((n) => n.type !== "start" && n.type !== "end");
      s.edges = [s.edges[1]];
    });
    expect(located(raw)).toEqual([{ code: "missing_start" }, { code: "missing_end" }]);
  });

  it("marks every extra start node, and a second fallback edge", () => {
    const raw = spec((s) => {
      s.nodes.push({ id: "start2", type: "start", position: at, data: {} }, { id: "start3", type: "start", position: at, data: {} });
      s.edges.push({ id: "s2", source: "start2", target: "filter", condition: "k > 1" }, { id: "s3", source: "start3", target: "filter", condition: "k > 1" });
      s.edges.push({ id: "e5", source: "filter", target: "end" });
    });
    expect(located(raw)).toEqual([
      { code: "multiple_starts", nodeId: "start2" },
      { code: "multiple_starts", nodeId: "start3" },
      { code: "ambiguous_fallback", nodeId: "filter", edgeId: "e5" },
    ]);
  });

  it("is what validateSpec throws the first of", () => {
    const raw = spec((s) => {
      s.nodes[2].data = { popularityPrior: 3 };
      s.edges[1].target = "ranker";
    });
    const [first] = specProblems(raw);
    expect(() => validateSpec(raw)).toThrow(first.message);
    expect(first).toMatchObject({ code: "invalid_params", nodeId: "aggregator" });
  });
});
