import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonLines, mlRef, repoRoot, runCli, tempDir } from "./helpers.ts";

const dir = tempDir("cli-graph");
const dataDir = join(dir, "data");
const planner = () => JSON.parse(readFileSync(join(repoRoot, "graphs/specs/planner.default.json"), "utf8"));
function saved(name: string, spec: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(spec));
  return file;
}
const session = JSON.stringify({ id: "s1", user: "42", preferences: [{ positive: { hard: [], soft: [{ attribute: "genre", values: ["Comedy"] }] }, negative: { hard: [], soft: [] } }] });

describe("recbot recommend --graph", () => {
  it("runs a saved Planner variant: α = 0.95 changes the feed of a turn with an intent, not turn 0", async () => {
    const spec = planner();
    spec.name = "alpha-0.95";
    spec.nodes.find((n: { id: string }) => n.id === "matcher").data = { alpha: 0.95 };
    const base = await runCli(["recommend", "--catalog", mlRef, "--quiet", "--data-dir", dataDir], session);
    const variant = await runCli(["recommend", "--catalog", mlRef, "--quiet", "--data-dir", dataDir, "--graph", saved("alpha.json", spec)], session);
    expect(variant.code, variant.stderr).toBe(0);
    const [b] = jsonLines(base.stdout);
    const [v] = jsonLines(variant.stdout);
    expect(v.turns[0].items).toEqual(b.turns[0].items);
    expect(v.turns[1].items).not.toEqual(b.turns[1].items);
  });

  it("refuses a spec with an unknown tool, naming the node", async () => {
    const spec = planner();
    spec.nodes.find((n: { id: string }) => n.id === "attenuator").type = "teleporter";
    const result = await runCli(["recommend", "--catalog", mlRef, "--quiet", "--data-dir", dataDir, "--graph", saved("unknown.json", spec)], session);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/attenuator/);
    expect(result.stderr).toMatch(/teleporter/);
  });

  it("refuses a malicious condition instead of running it", async () => {
    const spec = planner();
    spec.edges[0].condition = 'constructor.constructor("return process")().exit(3)';
    const result = await runCli(["recommend", "--catalog", mlRef, "--quiet", "--data-dir", dataDir, "--graph", saved("evil.json", spec)], session);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--graph: .*start-filter/);
  });
});
