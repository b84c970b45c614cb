import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mlRef, runCli, tempDir } from "./helpers.ts";

describe("recbot eval", () => {
  it("writes eval.json and report.html and prints the summary table", async () => {
    const dir = tempDir("eval");
    const out = join(dir, "out");
    const result = await runCli(["eval", "--catalog", mlRef, "--sessions", "4", "--seed", "3", "--out", out, "--data-dir", join(dir, "data")]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^system\s+pass\s+rounds\s+R@10/);
    for (const name of ["recbot", "recbot-oracle", "popularity", "itemknn", "bm25"]) expect(result.stdout).toMatch(new RegExp(`^${name}\\s`, "m"));
    expect(result.stdout).toMatch(/recbot − \w+ \(pass\)/);
    expect(existsSync(join(out, "eval.json"))).toBe(true);
    expect(existsSync(join(out, "report.html"))).toBe(true);
  }, 120_000);

  it("reports a missing catalog, a bad scenario and a bad graph as usage errors", async () => {
    expect((await runCli(["eval"])).stderr).toMatch(/needs --catalog/);
    const scenario = await runCli(["eval", "--catalog", "demo", "--scenario", "XX"]);
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toMatch(/--scenario must be SR, MR or MRID/);
    const dir = tempDir("eval-bad");
    const graph = join(dir, "bad.json");
    writeFileSync(graph, JSON.stringify({ kind: "ranker" }));
    const bad = await runCli(["eval", "--catalog", mlRef, "--sessions", "1", "--graph", graph, "--out", join(dir, "out"), "--data-dir", join(dir, "data")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--graph: .*`kind` must be "parser" or "planner"/);
  }, 120_000);
});
