import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderEvalHtml } from "../evaluation/eval-report-html.ts";
import { runEvaluation } from "../evaluation/run-eval.ts";
import { createProgress } from "../models/progress.ts";
import type { EvalReport } from "../schemas/eval-report.ts";
import type { Scenario } from "../schemas/simulated-session.ts";
import { prepareHeldOut } from "../simulation/held-out-context.ts";

export interface EvalCommandOptions {
  scenario: Scenario;
  sessions: number;
  seed: number;
  k: number;
  out: string;
  graphFiles?: string[];
  dataDir?: string;
  skipBadLines?: boolean;
  progress?: boolean;
  log?: (message: string) => void;
}

/**
 * `recbot eval`: holds out targets, trains the models on the training catalog, runs every system on the same
 * simulated sessions and writes `<out>/eval.json` and `<out>/report.html`.
 */
export async function runEvalCommand(ref: string, options: EvalCommandOptions): Promise<EvalReport> {
  const { training, cases, ctx } = await prepareHeldOut(ref, options);
  const report = await runEvaluation({
    catalogRef: ref, training, ctx, cases, scenario: options.scenario, sessions: options.sessions, seed: options.seed,
    k: options.k, graphFiles: options.graphFiles, dataDir: options.dataDir, progress: createProgress(options.progress ?? true),
  });
  await mkdir(options.out, { recursive: true });
  await writeFile(join(options.out, "eval.json"), JSON.stringify(report, null, 2) + "\n");
  await writeFile(join(options.out, "report.html"), renderEvalHtml(report));
  return report;
}

/** The overall metrics as a fixed-width text table. */
export function summaryTable(report: EvalReport): string {
  const f = (x: number | null, d = 3) => (x === null ? "–" : x.toFixed(d));
  const header = ["system", "pass", "rounds", `R@${report.k}`, `N@${report.k}`, "MRR", `CSR@${report.k}`, "negviol", "slotF1", "p50ms", "p95ms"];
  const rows = report.systems.map((s) => [
    s.name, f(s.passRate.mean), f(s.averageRounds.mean, 2), f(s.recall.mean), f(s.ndcg.mean), f(s.mrr.mean), f(s.csr.mean),
    f(s.negativeViolation.mean), s.slotF1 ? f(s.slotF1.strict) : "–", f(s.latency.medianMs, 2), f(s.latency.p95Ms, 2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const pass = report.comparisons.filter((c) => c.metric === "pass")
    .map((c) => `${c.a} − ${c.b} (pass): ${f(c.difference.mean)} [${f(c.difference.low)}, ${f(c.difference.high)}], p = ${f(c.pValue, 4)}`);
  return [line(header), ...rows.map(line), "", ...pass].join("\n");
}
