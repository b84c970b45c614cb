import { describe, expect, it } from "vitest";
import { fixtureContext } from "../tools/test-fixtures.ts";
import { compileGraph, compilePlanner } from "./compile-graph.ts";
import { defaultParserSpec, defaultPlannerSpec } from "./default-specs.ts";
import type { GraphSpec } from "./graph-spec.ts";
import { chainSpec } from "./test-fixtures.ts";
import { GraphSpecError } from "./graph-spec-error.ts";

const ctx = fixtureContext();
const at = { x: 0, y: 0 };

/** start → filter → aggregator → end, edited by `change`. */
const spec = (change: (s: GraphSpec) => void = () => {}) => chainSpec(undefined, change);

function compileError(s: unknown): GraphSpecError {
  try {
    compileGraph(s, ctx);
  } catch (e) {
    if (e instanceof GraphSpecError) return e;
    throw e;
  }
  throw new Error("compiled");
}

describe("compileGraph", () => {
  it("compiles both default specs", () => {
    expect(compileGraph(defaultPlannerSpec(), ctx).kind).toBe("planner");
    expect(compileGraph(defaultParserSpec(), ctx).kind).toBe("parser");
    expect(compileGraph(spec(), ctx).kind).toBe("planner");
  });

  it("rejects a spec of the wrong shape", () => {
    const e = compileError({ kind: "planner", name: "x", nodes: [{ id: "1bad", type: "filter", position: at }], edges: [] });
    expect(e.code).toBe("invalid_spec");
    expect(e.message).toMatch(/^graph spec: nodes\.0\.id: a node id starts with a letter/);
  });

  it("rejects an unknown tool, naming the node", () => {
    const e = compileError(spec((s) => (s.nodes[1].type = "filtre")));
    expect(e).toMatchObject({ code: "unknown_node_type", nodeId: "filter" });
    expect(e.message).toBe("node `filter` has unknown type `filtre`: use a registered tool or stage id");
  });

  it("rejects a tool of the other agent", () => {
    const e = compileError(spec((s) => (s.nodes[1].type = "normalize")));
    expect(e).toMatchObject({ code: "wrong_agent_kind", nodeId: "filter" });
  });

  it("rejects a bad param value, naming node and param", () => {
    const e = compileError(spec((s) => (s.nodes[2].data = { popularityPrior: 3 })));
    expect(e).toMatchObject({ code: "invalid_params", nodeId: "aggregator" });
    expect(e.message).toMatch(/^node `aggregator` \(aggregator\): param `popularityPrior`: Too big/);
    expect(compileError(spec((s) => (s.nodes[2].data = { popularityPrior: "cheap" }))).message).toMatch(/param `popularityPrior`: Invalid input: expected number/);
  });

  it("rejects duplicate ids and ids that shadow state fields", () => {
    expect(compileError(spec((s) => s.nodes.push({ ...s.nodes[1] })))).toMatchObject({ code: "duplicate_node_id", nodeId: "filter" });
    expect(compileError(spec((s) => s.edges.push({ ...s.edges[0] })))).toMatchObject({ code: "duplicate_edge_id", edgeId: "e1" });
    expect(compileError(spec((s) => { s.nodes[1].id = "candidates"; s.edges[0].target = "candidates"; s.edges[1].source = "candidates"; })))
      .toMatchObject({ code: "reserved_node_id", nodeId: "candidates" });
  });

  it("rejects edges to unknown nodes, into start and out of end", () => {
    expect(compileError(spec((s) => (s.edges[1].target = "ranker")))).toMatchObject({ code: "unknown_edge_node", edgeId: "e2" });
    expect(compileError(spec((s) => s.edges.push({ id: "back", source: "filter", target: "start", condition: "k > 1" })))).toMatchObject({ code: "edge_into_start", edgeId: "back" });
    expect(compileError(spec((s) => s.edges.push({ id: "after", source: "end", target: "filter" })))).toMatchObject({ code: "edge_from_end", edgeId: "after" });
  });

  it("requires exactly one start and one end", () => {
    expect(compileError(spec((s) => (s.nodes = s.nodes.filter((n) => n.type !== "end"))))).toMatchObject({ code: "missing_end" });
    expect(compileError(spec((s) => s.nodes.push({ id: "start2", type: "start", position: at, data: {} })))).toMatchObject({ code: "multiple_starts", nodeId: "start2" });
  });

  it("rejects a node unreachable from the start", () => {
    const e = compileError(spec((s) => {
      s.nodes.push({ id: "attenuator", type: "attenuator", position: at, data: {} });
      s.edges.push({ id: "e4", source: "attenuator", target: "aggregator" });
    }));
    expect(e).toMatchObject({ code: "unreachable_node", nodeId: "attenuator" });
    expect(e.message).toBe("node `attenuator` cannot be reached from `start`: connect an edge into it or delete it");
  });

  it("rejects a cycle with no way out to the end, but accepts one with an exit", () => {
    const cycle = (exit: boolean) => spec((s) => {
      s.nodes.push({ id: "matcher", type: "matcher", position: at, data: {} });
      s.edges = [
        { id: "e1", source: "start", target: "filter" },
        { id: "e2", source: "filter", target: "matcher" },
        { id: "loop", source: "matcher", target: "filter" },
        ...(exit ? [{ id: "exit", source: "filter", target: "aggregator", condition: "terms.count > 2" }, { id: "e3", source: "aggregator", target: "end" }] : [{ id: "e3", source: "aggregator", target: "end" }]),
      ];
    });
    const e = compileError(cycle(false));
    expect(e.code).toBe("unreachable_node"); // aggregator is cut off first
    const noExit = spec((s) => {
      s.nodes.push({ id: "matcher", type: "matcher", position: at, data: {} });
      s.edges = [
        { id: "e1", source: "start", target: "filter" },
        { id: "e2", source: "filter", target: "matcher", condition: "k > 100" },
        { id: "e2b", source: "filter", target: "aggregator" },
        { id: "loop", source: "matcher", target: "matcher" },
        { id: "e3", source: "aggregator", target: "end" },
      ];
    });
    expect(compileError(noExit)).toMatchObject({ code: "no_path_to_end", nodeId: "matcher" });
    expect(compileError(noExit).message).toBe("node `matcher` has no path to `end` (it only leads into a cycle with no exit): add an edge towards the end");
    expect(() => compileGraph(cycle(true), ctx)).not.toThrow();
  });

  it("rejects two fallback edges from one node", () => {
    const e = compileError(spec((s) => s.edges.push({ id: "e5", source: "filter", target: "end" })));
    expect(e).toMatchObject({ code: "ambiguous_fallback", nodeId: "filter", edgeId: "e5" });
  });

  it.each([
    ['constructor.constructor("return process")()', "col 1: `constructor` is not allowed in a path (no prototype access)"],
    ["__proto__.x", "col 1: `__proto__` is not allowed in a path (no prototype access)"],
    ["a[0]", "col 2: unexpected character `[` (no indexing: use a dotted path such as `positive.soft.length`)"],
    ["positive.soft.length > (", "col 25: expected a value, got the end of the condition"],
    ["positve.soft.length > 0", "col 1: unknown name `positve`; a condition can read positive, negative, history, excluded, candidates, intents, terms, feed, k"],
  ])("rejects the condition %s", (condition, detail) => {
    const e = compileError(spec((s) => s.edges.splice(1, 0, { id: "cond", source: "filter", target: "end", condition })));
    expect(e).toMatchObject({ code: "bad_condition", edgeId: "cond", nodeId: "filter" });
    expect(e.message).toBe(`edge \`cond\` (filter → end): condition ${detail}`);
  });

  it("says which kind it expected", () => {
    expect(() => compilePlanner(defaultParserSpec(), ctx)).toThrow("graph `RecBot Parser (offline)` is a parser graph, expected a planner graph");
  });
});
