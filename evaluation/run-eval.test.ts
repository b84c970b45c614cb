import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runEvalCommand } from "../cli/eval-command.ts";
import { defaultPlannerSpec } from "../graphs/default-specs.ts";
import { EvalReport } from "../schemas/eval-report.ts";

const dir = fileURLToPath(new URL("../../shared/data/ml-latest-small/", import.meta.url));
let tmp: string;
let report: EvalReport;
let html: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "recbot-eval-"));
  // a Planner variant that ignores the history: α = 1 weighs the semantic match alone
  const variant = defaultPlannerSpec();
  for (const node of variant.nodes) if (node.type === "matcher") node.data = { ...node.data, alpha: 1 };
  const graph = join(tmp, "semantic-only.json");
  await writeFile(graph, JSON.stringify(variant));
  await runEvalCommand(`movielens:${dir}`, {
    scenario: "MR", sessions: 8, seed: 1, k: 10, out: join(tmp, "out"), dataDir: join(tmp, "data"), graphFiles: [graph], progress: false,
  });
  report = EvalReport.parse(JSON.parse(await readFile(join(tmp, "out", "eval.json"), "utf8")));
  html = await readFile(join(tmp, "out", "report.html"), "utf8");
}, 120_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("recbot eval on ml-latest-small, 8 MR sessions, one Planner variant", () => {
  const system = (name: string) => report.systems.find((s) => s.name === name)!;

  it("runs every system on the same sessions", () => {
    expect(report.systems.map((s) => s.name)).toEqual(["recbot", "recbot:semantic-only", "recbot-oracle", "popularity", "itemknn", "bm25"]);
    expect(report.sessions).toHaveLength(8);
    const ids = report.sessions.map((s) => s.id);
    expect(new Set(ids).size).toBe(8);
    for (const s of report.systems) {
      expect(s.sessionIds).toEqual(ids);
      expect(s.perSession.pass).toHaveLength(8);
      expect(s.passRate.mean).toBeCloseTo(s.perSession.pass.reduce((a, b) => a + b, 0) / 8, 12);
    }
  });

  it("scores the oracle parse at least as well as popularity, and within the stated hard constraints", () => {
    expect(system("recbot-oracle").passRate.mean!).toBeGreaterThanOrEqual(system("popularity").passRate.mean!);
    const csr = system("recbot-oracle").csr;
    expect(csr.n).toBeGreaterThan(0); // feeds shown after a hard constraint was stated
    expect(csr.mean!).toBeGreaterThanOrEqual(0.98);
  });

  it("scores the parser only for systems that parse, and pairs recbot with the best baseline", () => {
    expect(system("recbot").slotF1!.cases).toBeGreaterThan(0);
    expect(system("popularity").slotF1).toBeNull();
    const routes = system("recbot").funnel!;
    expect(routes.reduce((n, r) => n + r.turns, 0)).toBe(system("recbot").latency.turns);
    const filtered = routes.find((r) => r.steps[0].node === "filter")!;
    expect(filtered.steps[0].meanOut).toBeLessThan(filtered.steps[0].meanIn);
    for (const r of routes) for (const f of r.steps) expect(f.meanOut).toBeLessThanOrEqual(f.meanIn);
    expect(system("bm25").funnel).toBeNull();
    expect(report.bestBaseline).toMatch(/^(popularity|itemknn|bm25)$/);
    const pass = report.comparisons.find((c) => c.metric === "pass")!;
    expect(pass).toMatchObject({ a: "recbot", b: report.bestBaseline, n: 8 });
    expect(report.comparisons.filter((c) => c.metric === "pass").map((c) => c.a)).toEqual(["recbot", "recbot:semantic-only"]);
  });

  it("writes a self-contained HTML report with the charts", () => {
    expect(html).toContain('id="recall-by-turn"');
    expect(html).toContain('id="pass-rate"');
    expect(html).toContain('class="latency"');
    expect(html).toContain('class="chart funnel"');
    expect(html).not.toMatch(/https?:\/\/|\bsrc=|\bhref=|@import/);
  });
});
