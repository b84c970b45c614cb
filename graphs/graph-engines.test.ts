import { describe, expect, it } from "vitest";
import { emptyPreferences, type Preferences } from "../schemas/preferences.ts";
import { turnState } from "../tools/run-chain.ts";
import { fixtureContext, prefs } from "../tools/test-fixtures.ts";
import { compileParser, compilePlanner, type CompiledAgent } from "./compile-graph.ts";
import { defaultParserSpec, defaultPlannerSpec } from "./default-specs.ts";
import { defaultGraphEngine, type GraphEngine } from "./graph-engine.ts";
import type { GraphSpec } from "./graph-spec.ts";
import { collectRun, runGraph } from "./run-graph.ts";
import type { StepEvent } from "./step-events.ts";

const ctx = fixtureContext();
const at = { x: 0, y: 0 };
const sci = { attribute: "genre", values: ["Sci-Fi"] };
const horror = { attribute: "genre", values: ["Horror"] };
const recent = { attribute: "year", min: 2000 };

/** Events without what differs between any two runs: ids, clocks and durations. */
function comparable(events: StepEvent[]) {
  return events.map((e) => {
    const { runId: _r, at: _a, ...rest } = e;
    if ("ms" in rest) delete (rest as { ms?: number }).ms;
    return rest;
  });
}

async function both(agent: CompiledAgent, input: () => unknown) {
  const run = async (engine: GraphEngine) => {
    const { events, outcome } = await collectRun(runGraph(agent as never, input() as never, { engine }));
    return { events: comparable(events), state: outcome ? { ...outcome.state } : null };
  };
  return { direct: await run("direct"), langgraph: await run("langgraph") };
}

/** start → filter ⇄ matcher (loops until 3 score terms) → aggregator → end: exercises reducers and a cycle. */
function loopingPlanner(limitTerms: number): GraphSpec {
  return {
    kind: "planner", name: "loop",
    nodes: ["start", "filter", "matcher", "aggregator", "end"].map((id) => ({ id, type: id, position: at, data: {} })),
    edges: [
      { id: "e1", source: "start", target: "filter" },
      { id: "to-agg", source: "filter", target: "aggregator", condition: `terms.count >= ${limitTerms}` },
      { id: "e2", source: "filter", target: "matcher" },
      { id: "loop", source: "matcher", target: "filter" },
      { id: "e3", source: "aggregator", target: "end" },
    ],
  };
}

describe("the direct engine runs a compiled graph exactly as LangGraph's Pregel does", () => {
  const plannerCases: [string, Preferences, string | undefined][] = [
    ["nothing", prefs({}), undefined],
    ["history only", prefs({}), "u1"],
    ["everything", prefs({ positive: { hard: [recent], soft: [sci] }, negative: { soft: [horror] } }), "u1"],
    ["negative hard", prefs({ negative: { hard: [horror] } }), "u2"],
  ];
  it.each(plannerCases)("default Planner, %s: same events, same final state", async (_label, preferences, user) => {
    const planner = compilePlanner(defaultPlannerSpec(), ctx);
    const { direct, langgraph } = await both(planner, () => turnState(ctx, { preferences, user, k: 4 }));
    expect(direct.events.length).toBeGreaterThan(2);
    expect(direct).toEqual(langgraph);
  });

  it("a cycle appends score terms through LangGraph's own reducer, then exits by its condition", async () => {
    const planner = compilePlanner(loopingPlanner(3), ctx);
    const { direct, langgraph } = await both(planner, () => turnState(ctx, { preferences: prefs({ positive: { soft: [sci] } }), k: 3 }));
    expect(direct.events.filter((e) => e.type === "node_end" && e.nodeId === "matcher").length).toBeGreaterThan(1);
    expect(direct).toEqual(langgraph);
  });

  it("a cycle that never meets its exit stops at the recursion limit in both, with the same error", async () => {
    const planner = compilePlanner(loopingPlanner(10_000), ctx);
    const { direct, langgraph } = await both(planner, () => turnState(ctx, { preferences: prefs({}), k: 3 }));
    expect(direct.state).toBeNull();
    expect(direct.events.at(-1)).toMatchObject({ type: "error", code: "run_failed" });
    expect((direct.events.at(-1) as { message: string }).message).toBe("graph `loop` ran 25 steps without reaching `end`: a cycle's exit condition never held");
    expect(direct).toEqual(langgraph);
  });

  it.each(["more Horror please", "no Sci-Fi, something after 2000", "hmm"])("default Parser on %j: same events, same state", async (command) => {
    const parser = compileParser(defaultParserSpec(), ctx);
    const { direct, langgraph } = await both(parser, () => ({ command, memory: emptyPreferences(), feed: ["a", "b"] }));
    expect(direct).toEqual(langgraph);
  });

  it("a condition that fails at run time names the same node in both", async () => {
    const spec = defaultPlannerSpec();
    spec.edges.find((e) => e.id === "matcher-attenuator")!.condition = "positive.soft > 0";
    const { direct, langgraph } = await both(compilePlanner(spec, ctx), () => turnState(ctx, { preferences: prefs({ positive: { soft: [sci] } }) }));
    expect(direct.events.at(-1)).toMatchObject({ type: "error", code: "condition_failed", nodeId: "matcher" });
    expect(direct).toEqual(langgraph);
  });

  it("RECBOT_GRAPH_ENGINE picks the engine, and a misspelt one is refused by name", () => {
    expect(defaultGraphEngine({})).toBe("direct");
    expect(defaultGraphEngine({ RECBOT_GRAPH_ENGINE: "langgraph" })).toBe("langgraph");
    expect(() => defaultGraphEngine({ RECBOT_GRAPH_ENGINE: "pregel" })).toThrow('RECBOT_GRAPH_ENGINE must be "direct" or "langgraph", got "pregel"');
  });
});
