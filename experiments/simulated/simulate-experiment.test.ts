import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultPlannerSpec } from "../../graphs/default-specs.ts";
import type { GraphSpec } from "../../graphs/graph-spec.ts";
import { prepareHeldOut, type HeldOutContext } from "../../simulation/held-out-context.ts";
import { simulateExperiment, type SimulationRequest } from "./simulate-experiment.ts";
import { SimulationResult } from "./simulation-result.ts";

let dir: string;
let heldOut: HeldOutContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "recbot-simulated-ab-"));
  heldOut = await prepareHeldOut("demo:2000", { scenario: "MR", dataDir: dir });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A clock that advances 1 ms per reading: every turn takes 1 ms, so latencies are reproducible. */
const tickingClock = () => {
  let t = 0;
  return () => ++t;
};

function request(overrides: Partial<SimulationRequest>): SimulationRequest {
  return {
    ctx: heldOut.ctx, cases: heldOut.cases, variants: [{ name: "A", weight: 1 }, { name: "B", weight: 1 }], control: "A",
    primary: "click_through", sessions: 30, seed: 1, now: tickingClock(), ...overrides,
  };
}

/** The default Planner without its Filter: hard constraints only nudge the ranking. */
function plannerWithoutFilter(): GraphSpec {
  const spec = defaultPlannerSpec();
  spec.name = "Planner without Filter";
  spec.nodes = spec.nodes.filter((n) => n.type !== "filter");
  spec.edges = spec.edges.filter((e) => e.source !== "filter" && e.target !== "filter");
  return spec;
}

describe("simulateExperiment on demo:2000, MR", () => {
  it("A/A: the same graphs twice give the same activity for every user and zero differences", async () => {
    const result = await simulateExperiment(request({}));
    expect(() => SimulationResult.parse(result)).not.toThrow();
    const a = result.activities.filter((x) => x.variant === "A");
    const b = result.activities.filter((x) => x.variant === "B");
    expect(a).toHaveLength(30);
    expect(b.map((x) => [x.userId, x.counts])).toEqual(a.map((x) => [x.userId, x.counts]));
    expect(a.reduce((n, x) => n + x.counts.clicks, 0)).toBeGreaterThan(0); // the feedback model did act
    for (const p of result.paired) expect(p.status === "ok" ? p.difference : p.reason).toMatchObject({ estimate: 0, standardError: 0 });
    expect(result.analysis.comparisons.find((c) => c.metricId === "click_through")?.status).toBe("ok"); // so the check below runs
    for (const c of result.analysis.comparisons) {
      if (c.status === "ok") expect(c.difference.estimate).toBe(0);
      expect(c.decision.verdict).not.toMatch(/better|worse|inconclusive/);
    }
    expect(result.variants.map((v) => v.turns)).toEqual([a.reduce((n, x) => n + x.counts.commands, 0), b.reduce((n, x) => n + x.counts.commands, 0)]);
  });

  it("A/A on the real clock: only the measured latency differs", async () => {
    const result = await simulateExperiment(request({ now: undefined, sessions: 15 }));
    const counts = (variant: string) => result.activities.filter((x) => x.variant === variant).map((x) => ({ ...x.counts, latencyMsTotal: 0 }));
    expect(counts("B")).toEqual(counts("A"));
    expect(result.activities.some((x) => x.counts.latencyMsTotal > 0)).toBe(true);
  });

  it("detects a Planner without the Filter: hard violations and 'not interested' go up, intervals excluding 0", async () => {
    const progress: number[] = [];
    const result = await simulateExperiment(request({
      variants: [{ name: "default", weight: 1 }, { name: "no-filter", weight: 1, planner: plannerWithoutFilter() }], control: "default",
      primary: "negative_feedback", progress: (done, total) => progress.push(done / total),
    }));
    expect(progress.at(-1)).toBe(1);
    expect(progress).toHaveLength(60);
    const totals = (variant: string) => result.activities.filter((x) => x.variant === variant).reduce((n, x) => n + x.counts.hardViolations, 0);
    expect(totals("default")).toBe(0); // the Filter never serves an item its memory rules out
    expect(totals("no-filter")).toBeGreaterThan(0);
    for (const metric of ["hard_violation_rate", "negative_feedback"]) {
      const independent = result.analysis.comparisons.find((c) => c.metricId === metric)!;
      const paired = result.paired.find((c) => c.metricId === metric)!;
      if (independent.status !== "ok" || paired.status !== "ok") throw new Error(`${metric} not compared`);
      expect(independent.difference.low).toBeGreaterThan(0);
      expect(paired.difference.low).toBeGreaterThan(0);
      expect(independent.decision.verdict).toMatch(/worse|inconclusive/);
    }
    expect(result.analysis.summary.recommendations[0]).toMatchObject({ treatment: "no-filter" });
    expect(result.analysis.summary.recommendations[0].recommendation).not.toBe("ship");
    expect(result.variants.map((v) => v.planner)).toEqual(["RecBot Planner", "Planner without Filter"]);
  });

  it("is deterministic in its seed", async () => {
    const variants = [{ name: "A", weight: 1 }, { name: "B", weight: 1, planner: plannerWithoutFilter() }];
    const one = await simulateExperiment(request({ variants, sessions: 15, seed: 4 }));
    const two = await simulateExperiment(request({ variants, sessions: 15, seed: 4 }));
    expect(two).toEqual(one);
    const other = await simulateExperiment(request({ variants, sessions: 15, seed: 5 }));
    expect(other.activities.map((x) => x.userId)).not.toEqual(one.activities.map((x) => x.userId));
  });

  it("refuses a request it cannot run, before simulating", async () => {
    await expect(simulateExperiment(request({ control: "C" }))).rejects.toThrow(/control "C" is not a variant; variants are A, B/);
    await expect(simulateExperiment(request({ variants: [{ name: "A", weight: 1 }, { name: "A", weight: 1 }] }))).rejects.toThrow(/"A" appears twice/);
    await expect(simulateExperiment(request({ primary: "ctr" as never }))).rejects.toThrow(/unknown metric "ctr"; metrics are click_through, /);
    await expect(simulateExperiment(request({ analysis: { level: 2 } }))).rejects.toThrow(/analysis options: [^]*at level/);
    const parserInPlanner = { name: "B", weight: 1, planner: { ...defaultPlannerSpec(), kind: "parser" as const } };
    await expect(simulateExperiment(request({ variants: [{ name: "A", weight: 1 }, parserInPlanner] }))).rejects.toThrow(/^variant B: /);
  });
});
