import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SimulationResult } from "../experiments/simulated/simulation-result.ts";
import { defaultPlannerSpec } from "../graphs/default-specs.ts";
import { runCli, tempDir } from "./helpers.ts";

describe("recbot ab", () => {
  it("runs a simulated experiment, prints a table per metric and writes ab.json", async () => {
    const dir = tempDir("ab");
    const planner = defaultPlannerSpec();
    planner.name = "No Filter";
    planner.nodes = planner.nodes.filter((n) => n.type !== "filter");
    planner.edges = planner.edges.filter((e) => e.source !== "filter" && e.target !== "filter");
    writeFileSync(join(dir, "no-filter.json"), JSON.stringify(planner));
    const out = join(dir, "out");
    const result = await runCli([
      "ab", "--catalog", "demo:2000", "--variant", "control", "--variant", `no-filter=${join(dir, "no-filter.json")}`,
      "--primary", "negative_feedback", "--sessions", "12", "--seed", "2", "--out", out, "--data-dir", join(dir, "data"), "--quiet",
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^metric\s+role\s+control\s+no-filter\s+treatment\s+difference \[95%\]\s+paired \[95%\]\s+always-valid p\s+verdict$/m);
    expect(result.stdout).toMatch(/^negative feedback \(NFF\)\s+primary\s+\d+\.\d\d%\s+\d+\.\d\d%\s+no-filter\s+[+-]?[\d.]+ pp \[/m);
    expect(result.stdout).toMatch(/^hard-constraint violations\s+guardrail\s+0\.00%\s+[1-9][\d.]*%\s+no-filter\s.*(inconclusive|worse \(guardrail breached\))$/m);
    expect(result.stdout).toMatch(/^no-filter: 12 users, \d+ commands, p95 latency [\d.]+ ms \(RecBot Parser \(offline\); No Filter\)$/m);
    expect(result.stdout).toMatch(/^(Do not ship|Keep running) no-filter/m);
    const saved = SimulationResult.parse(JSON.parse(readFileSync(join(out, "ab.json"), "utf8")));
    expect(saved).toMatchObject({ catalog: "demo:2000", sessions: 12, seed: 2, control: "control", primary: "negative_feedback", scenario: "MR" });
    expect(saved.activities).toHaveLength(24);
  }, 60_000);

  it("reports malformed options as usage errors, before loading the catalog", async () => {
    const dir = tempDir("ab-bad");
    const notASpec = join(dir, "bad.json");
    writeFileSync(notASpec, JSON.stringify({ kind: "ranker" }));
    const cases: [string[], RegExp][] = [
      [["ab", "--variant", "a", "--variant", "b"], /needs --catalog/],
      [["ab", "--catalog", "demo", "--variant", "a"], /at least two --variant NAME=FILE\[,FILE\] \(the first is the control\), got 1/],
      [["ab", "--catalog", "demo", "--variant", "a", "--variant", `b=${notASpec}`], /--variant b: .*bad\.json: graph spec: kind: .*"parser"\|"planner"/],
      [["ab", "--catalog", "demo", "--variant", "a", "--variant", "b", "--primary", "ctr"], /--primary must be one of click_through, .*; got "ctr"/],
    ];
    const results = await Promise.all(cases.map(([args]) => runCli(args)));
    results.forEach((result, i) => {
      expect(result.code, cases[i][0].join(" ")).toBe(2);
      expect(result.stderr).toMatch(cases[i][1]);
      expect(result.stderr).toMatch(/Usage: recbot/);
    });
  }, 60_000);
});
