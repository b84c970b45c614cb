import { type Agreement, type DistillOptions, type DistillReport, runDistill } from "../distillation/run-distill.ts";
import { createProgress } from "../models/progress.ts";
import { prepareCatalog } from "../runtime/prepared-catalog.ts";

export type DistillCommandOptions = Omit<DistillOptions, "progress" | "devContext" | "llm"> & {
  /** the catalog the dev set's cases are parsed on (default: the first distilled catalog) */
  devCatalog?: string;
  /** progress bars on a terminal */
  progress?: boolean;
};

/** `recbot distill` over one or more catalogs: runs the pipeline with progress bars; the dev set is parsed on its own catalog when given one. */
export function runDistillCommand(refs: string[], options: DistillCommandOptions): Promise<DistillReport> {
  const devRef = options.devCatalog;
  return runDistill(refs, {
    ...options,
    progress: createProgress(options.progress ?? true),
    devContext: devRef ? async () => (await prepareCatalog(devRef, { dataDir: options.dataDir, progress: options.progress, log: options.log })).context : undefined,
  });
}

/** Before/after agreement as a text table, the learned parts, and how to use the model. */
export function distillSummary(r: DistillReport): string {
  const f = (x: number) => x.toFixed(3);
  const rows: [string, Agreement, Agreement][] = [
    [`held-out (${r.sessions.heldOut} sessions, ${r.commands.heldOut} commands)`, r.agreement.heldOut.before, r.agreement.heldOut.after],
    ...(r.perCatalog.length > 1 ? r.perCatalog.map((c) => [`  held-out on ${c.catalog}`, c.heldOut.before, c.heldOut.after] as [string, Agreement, Agreement]) : []),
    [`training (${r.sessions.train} sessions, ${r.commands.train} commands)`, r.agreement.train.before, r.agreement.train.after],
    ...(r.dev ? [[`dev set (${r.dev.before.commands} cases)`, r.dev.before, r.dev.after] as [string, Agreement, Agreement]] : []),
  ];
  const width = Math.max(...rows.map((x) => x[0].length), 10);
  const head = `${"agreement with the teacher".padEnd(width)}  strict F1 before → after   exact before → after`;
  const lines = rows.map(([name, b, a]) => `${name.padEnd(width)}  ${f(b.strictF1)} → ${f(a.strictF1)}             ${f(b.exact)} → ${f(a.exact)}`);
  return [
    `parser model ${r.model.version}: ${r.model.cues} cues, ${r.model.aliases} aliases; teacher: ${r.teacher === "llm" ? "the LLM parser" : "simulator gold"}${r.commands.dropped ? ` (${r.commands.dropped} commands without a usable answer left out)` : ""}`,
    "",
    head,
    ...lines,
    "(before: the hand-written rules alone; after: the rules with the trained model)",
    "",
    ...(r.training.accepted.length ? ["learned:", ...r.training.accepted.map((a) => `  ${a}`)] : ["learned nothing: the rules already agree wherever the labels give evidence"]),
    "",
    `use it: RECBOT_PARSER_MODEL=${r.files.model}`,
  ].join("\n");
}
