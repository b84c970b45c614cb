import { describe, expect, it } from "vitest";
import { emptyPreferences } from "../schemas/preferences.ts";
import { recommendTurn, type TurnRequest } from "../tools/run-chain.ts";
import { fixtureContext, prefs } from "../tools/test-fixtures.ts";
import { compileParser, compilePlanner } from "./compile-graph.ts";
import { defaultParserSpec, defaultPlannerSpec } from "./default-specs.ts";
import { turnState } from "../tools/run-chain.ts";
import { collectRun, runGraph } from "./run-graph.ts";
import { StepEvent } from "./step-events.ts";

const ctx = fixtureContext();
const planner = compilePlanner(defaultPlannerSpec(), ctx);
const sci = { attribute: "genre", values: ["Sci-Fi"] };
const horror = { attribute: "genre", values: ["Horror"] };
const recent = { attribute: "year", min: 2000 };

async function plan(request: Omit<TurnRequest, "params">) {
  const { events, outcome } = await collectRun(runGraph(planner, turnState(ctx, request)));
  const ran = events.flatMap((e) => (e.type === "node_end" ? [e.nodeId] : []));
  return { events, outcome, ran };
}

describe("default Planner routing", () => {
  it.each([
    ["nothing at all: popularity", {}, undefined, ["aggregator"]],
    ["history only: the Matcher attends to it", {}, "u1", ["matcher", "aggregator"]],
    ["positive soft", { positive: { soft: [sci] } }, undefined, ["matcher", "aggregator"]],
    ["hard only", { positive: { hard: [recent] } }, undefined, ["filter", "aggregator"]],
    ["negative hard only", { negative: { hard: [horror] } }, undefined, ["filter", "aggregator"]],
    ["negative soft: Matcher gives the base, Attenuator pushes down", { negative: { soft: [horror] } }, undefined, ["matcher", "attenuator", "aggregator"]],
    ["everything", { positive: { hard: [recent], soft: [sci] }, negative: { soft: [horror] } }, "u1", ["filter", "matcher", "attenuator", "aggregator"]],
    ["hard text counts as a positive intent", { positive: { hard: [{ attribute: "text", text: "space" }] } }, undefined, ["filter", "matcher", "aggregator"]],
  ] as const)("%s", async (_label, p, user, expected) => {
    const { ran } = await plan({ preferences: prefs(p as Parameters<typeof prefs>[0]), user });
    expect(ran).toEqual(expected);
  });
});

describe("runGraph", () => {
  it("streams run_start, node_start/node_end per node, then run_end, every event valid", async () => {
    const { events, outcome } = await plan({ preferences: prefs({ positive: { hard: [recent] }, negative: { soft: [horror] } }), user: "u1", k: 3 });
    expect(events.map((e) => `${e.type}${"nodeId" in e && e.nodeId ? ` ${e.nodeId}` : ""}`)).toEqual([
      "run_start",
      "node_start filter", "node_end filter",
      "node_start matcher", "node_end matcher",
      "node_start attenuator", "node_end attenuator",
      "node_start aggregator", "node_end aggregator",
      "run_end",
    ]);
    for (const e of events) expect(StepEvent.parse(e)).toEqual(e);
    expect(new Set(events.map((e) => e.runId)).size).toBe(1);
    const filter = events.find((e) => e.type === "node_end" && e.nodeId === "filter");
    // year ≥ 2000: b d f h of 8
    expect(filter).toMatchObject({ candidates: { in: 8, out: 4 }, output: "4 candidates" });
    const aggregator = events.find((e) => e.type === "node_end" && e.nodeId === "aggregator");
    expect(aggregator).toMatchObject({ candidates: { in: 4, out: 4 } });
    const end = events.at(-1)!;
    expect(end.type === "run_end" && end.result).toEqual(outcome!.result);
    expect(outcome!.result.items).toHaveLength(3);
    expect(outcome!.result.items).not.toContain("b"); // in u1's history
  });

  it("returns the same items and scores as recommendTurn", async () => {
    const cases: Omit<TurnRequest, "params">[] = [
      { preferences: prefs({ positive: { soft: [sci] }, negative: { soft: [horror] } }), user: "u1" },
      { preferences: prefs({}), user: "u1" },
      { preferences: prefs({}), user: "nobody", k: 3 },
      { preferences: prefs({ positive: { soft: [{ attribute: "text", text: "space" }] } }), k: 4 },
      { preferences: prefs({ positive: { hard: [recent] } }), exclude: ["f", "zz"] },
      { preferences: prefs({ negative: { soft: [horror] } }) },
      { preferences: prefs({ positive: { hard: [recent], soft: [sci] }, negative: { hard: [horror] } }), user: "u2" },
    ];
    for (const request of cases) {
      const direct = recommendTurn(ctx, request);
      const { outcome } = await plan(request);
      expect(outcome!.result.items).toEqual(direct.items);
      // skipping the Matcher when it has nothing to score changes the popularity weight, never the order
      if (outcome!.state.terms.some((t) => t.tool === "matcher")) expect(outcome!.result.scores).toEqual(direct.scores);
    }
  });

  it("reports the Parser's preference diff per stage", async () => {
    const parser = compileParser(defaultParserSpec(), ctx);
    const { events, outcome } = await collectRun(runGraph(parser, { command: "more Horror please", memory: emptyPreferences(), feed: [] }));
    expect(events.filter((e) => e.type === "node_end").map((e) => "nodeId" in e && e.nodeId)).toEqual(["normalize", "extract", "ground", "consolidate", "validate"]);
    const consolidate = events.find((e) => e.type === "node_end" && e.nodeId === "consolidate");
    expect(consolidate?.type === "node_end" && consolidate.preferenceDiff?.added.positive.soft).toEqual(outcome!.result.preferences.positive.soft);
    const normalize = events.find((e) => e.type === "node_end" && e.nodeId === "normalize");
    expect(normalize?.type === "node_end" && normalize.preferenceDiff?.added).toEqual(emptyPreferences());
  });

  it("ends with an error event naming the node when a condition fails at run time", async () => {
    const spec = defaultPlannerSpec();
    spec.edges.find((e) => e.id === "matcher-attenuator")!.condition = "positive.soft > 0";
    const broken = compilePlanner(spec, ctx);
    const { events, outcome } = await collectRun(runGraph(broken, turnState(ctx, { preferences: prefs({ positive: { soft: [sci] } }) })));
    expect(outcome).toBeNull();
    expect(events.at(-1)).toMatchObject({
      type: "error", code: "condition_failed", nodeId: "matcher",
      message: "edge `matcher-attenuator` (matcher → attenuator): condition col 15: `>` needs two numbers or two strings, got a list and number 0",
    });
  });
});
