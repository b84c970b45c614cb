import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runEvalCommand } from "../cli/eval-command.ts";
import { EvalReport } from "../schemas/eval-report.ts";

// Issue 6's bar on ml-latest-small MR sessions, held on a seeded sample (deterministic: it moves only with the code).
const dir = fileURLToPath(new URL("../../shared/data/ml-latest-small/", import.meta.url));
let tmp: string;
let report: EvalReport;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "recbot-eval-targets-"));
  await runEvalCommand(`movielens:${dir}`, { scenario: "MR", sessions: 60, seed: 7, k: 10, out: join(tmp, "out"), dataDir: join(tmp, "data"), graphFiles: [], progress: false });
  report = EvalReport.parse(JSON.parse(await readFile(join(tmp, "out", "eval.json"), "utf8")));
}, 180_000);

afterAll(() => rm(tmp, { recursive: true, force: true }));

it("the offline RecBot graph is far above every non-interactive baseline, within 10% of its oracle, CSR@10 ≥ 0.98, no hard-negative violations", () => {
  const system = (name: string) => report.systems.find((s) => s.name === name)!;
  const pass = (name: string) => system(name).passRate.mean ?? Number.NaN;
  for (const baseline of ["popularity", "itemknn"]) expect(pass("recbot")).toBeGreaterThan(3 * pass(baseline));
  expect(pass("recbot")).toBeGreaterThan(pass("bm25"));
  expect(pass("recbot")).toBeGreaterThanOrEqual(0.9 * pass("recbot-oracle"));
  expect(system("recbot").csr.mean).toBeGreaterThanOrEqual(0.98);
  expect(system("recbot").negativeViolation.mean).toBe(0);
});
