import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { SlotScores } from "../evaluation/slot-f1.ts";
import type { Progress } from "../models/progress.ts";
import { llmConfigured, readLlmConfig, type LlmConfig } from "../parser/llm-config.ts";
import type { ParserModel } from "../schemas/parser-model.ts";
import type { Scenario, SimulatedSession } from "../schemas/simulated-session.ts";
import { generateSessions } from "../simulation/generate-sessions.ts";
import { prepareHeldOut, type HeldOutContext } from "../simulation/held-out-context.ts";
import { SCENARIOS } from "../simulation/scenarios.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { agreement, agreementOver, withParserModel, type ScoredCommand } from "./agreement.ts";
import { chatExample } from "./chat-export.ts";
import { readDevSet } from "./dev-set.ts";
import { llmLabels, simulatorLabels, type TeacherLabels } from "./teacher-labels.ts";
import { trainParserModel, type TrainingLog } from "./train-parser-model.ts";

export interface DistillOptions {
  scenarios: Scenario[];
  /** training sessions, shared out over the scenarios */
  sessions: number;
  /** held-out sessions per scenario (users never seen in training) */
  heldOutSessions: number;
  seed: number;
  k: number;
  teacher: "auto" | "llm" | "simulator";
  out: string;
  /** hand-written parser cases (shared/eval format) scored before and after, on `devCatalog` */
  devFile?: string;
  devContext?: () => Promise<ToolContext>;
  llm?: LlmConfig;
  minSupport?: number;
  minPurity?: number;
  dataDir?: string;
  skipBadLines?: boolean;
  progress: Progress;
  log?: (message: string) => void;
}

/** Agreement in three numbers. */
export interface Agreement {
  strictF1: number;
  lenientF1: number;
  exact: number;
  commands: number;
}

export interface DistillReport {
  catalogs: string[];
  teacher: "llm" | "simulator";
  model: { version: string; file: string; cues: number; aliases: number };
  sessions: { train: number; heldOut: number };
  commands: { train: number; heldOut: number; dropped: number };
  /** the rules alone ("before") and the rules with the trained model ("after"), against the teacher */
  agreement: { train: { before: Agreement; after: Agreement }; heldOut: { before: Agreement; after: Agreement } };
  perCatalog: { catalog: string; heldOut: { before: Agreement; after: Agreement } }[];
  dev?: { file: string; before: Agreement; after: Agreement };
  training: TrainingLog;
  files: { model: string; trainChat: string; heldOutChat: string; report: string };
}

const summarize = (s: SlotScores): Agreement => ({ strictF1: s.strict.f1, lenientF1: s.lenient.f1, exact: s.exactRate, commands: s.cases });

/**
 * `recbot distill`: simulated sessions → teacher labels (the configured LLM parser, else the simulator's gold) →
 * the offline Parser's learned parts, with agreement on held-out users and the dev set before and after, and the
 * labels exported as chat-format JSON Lines for fine-tuning.
 */
export async function runDistill(refs: string[], options: DistillOptions): Promise<DistillReport> {
  const log = options.log ?? (() => {});
  const useLlm = options.teacher === "llm" || (options.teacher === "auto" && llmConfigured());
  const llm = useLlm ? options.llm ?? readLlmConfig() : undefined;
  const sets: CatalogSet[] = [];
  for (const ref of refs) {
    const { train, heldOut, ctx } = await simulate(ref, options, log);
    log(`${ref}: ${train.length} training and ${heldOut.length} held-out sessions; teacher: ${useLlm ? `LLM ${llm!.model}` : "simulator gold"}`);
    const label = (sessions: SimulatedSession[]): Promise<TeacherLabels> => (llm ? llmLabels(sessions, ctx, llm, options.progress) : Promise.resolve(simulatorLabels(sessions)));
    sets.push({ ref, ctx, rules: withParserModel(ctx, undefined), sessions: { train: train.length, heldOut: heldOut.length }, train: await label(train), heldOut: await label(heldOut) });
  }
  const dropped = sets.flatMap((s) => [...s.train.dropped, ...s.heldOut.dropped]);
  if (dropped.length) log(`${dropped.length} commands left out: the LLM gave no usable answer (first: ${dropped[0].reason})`);

  const { model, log: training } = trainParserModel(sets.map((s) => ({ labels: s.train, rules: s.rules })), {
    catalogs: refs, seed: options.seed, sessions: sets.reduce((n, s) => n + s.sessions.train, 0), minSupport: options.minSupport, minPurity: options.minPurity, progress: options.progress,
  });
  // one context per catalog and side, built once: each comparison parses with warm caches
  const learned = new Map(sets.map((s) => [s, withParserModel(s.ctx, model)]));
  const compare = (pick: (s: CatalogSet) => ScoredCommand[], on: CatalogSet[]) => ({
    before: summarize(agreementOver(on.map((s) => ({ commands: pick(s), ctx: s.rules })))),
    after: summarize(agreementOver(on.map((s) => ({ commands: pick(s), ctx: learned.get(s)! })))),
  });
  const report: DistillReport = {
    catalogs: refs,
    teacher: llm ? "llm" : "simulator",
    model: { version: model.version, file: "", cues: model.cues.length, aliases: model.aliases.length },
    sessions: { train: sets.reduce((n, s) => n + s.sessions.train, 0), heldOut: sets.reduce((n, s) => n + s.sessions.heldOut, 0) },
    commands: { train: sets.reduce((n, s) => n + s.train.examples.length, 0), heldOut: sets.reduce((n, s) => n + s.heldOut.examples.length, 0), dropped: dropped.length },
    agreement: { train: compare((s) => s.train.examples, sets), heldOut: compare((s) => s.heldOut.examples, sets) },
    perCatalog: sets.map((s) => ({ catalog: s.ref, heldOut: compare((x) => x.heldOut.examples, [s]) })),
    training,
    files: { model: "", trainChat: "", heldOutChat: "", report: "" },
  };
  if (options.devFile) {
    const dev = await readDevSet(options.devFile);
    const ctx = options.devContext ? await options.devContext() : sets[0].ctx;
    report.dev = { file: options.devFile, before: summarize(agreement(dev, withParserModel(ctx, undefined))), after: summarize(agreement(dev, withParserModel(ctx, model))) };
  }
  await write(report, model, sets, options.out);
  return report;
}

/** One catalog's sessions and teacher labels. */
interface CatalogSet {
  ref: string;
  ctx: ToolContext;
  /** `ctx` with the rules alone: one context, shared by training and every comparison, so its caches are built once */
  rules: ToolContext;
  sessions: { train: number; heldOut: number };
  train: TeacherLabels;
  heldOut: TeacherLabels;
}

/** Training sessions shared out over the scenarios, then held-out sessions of users not used for training. */
async function simulate(ref: string, options: DistillOptions, log: (m: string) => void) {
  const contexts = new Map<number, HeldOutContext>();
  const train: SimulatedSession[] = [];
  const heldOut: SimulatedSession[] = [];
  const perScenario = Math.ceil(options.sessions / options.scenarios.length);
  for (const scenario of options.scenarios) {
    const targets = SCENARIOS[scenario].targets;
    if (!contexts.has(targets)) contexts.set(targets, await prepareHeldOut(ref, { scenario, dataDir: options.dataDir, skipBadLines: options.skipBadLines, progress: true, log }));
    const sessions = generateSessions(contexts.get(targets)!, { ref, scenario, seed: options.seed, k: options.k });
    train.push(...take(sessions, perScenario));
    heldOut.push(...take(sessions, options.heldOutSessions));
  }
  return { train, heldOut, ctx: contexts.values().next().value!.ctx };
}

function take<T>(items: Iterator<T>, n: number): T[] {
  const out: T[] = [];
  while (out.length < n) {
    const next = items.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

async function write(report: DistillReport, model: ParserModel, sets: CatalogSet[], out: string): Promise<void> {
  await mkdir(out, { recursive: true });
  const files = {
    model: resolve(join(out, "parser-model.json")),
    trainChat: resolve(join(out, "train.chat.jsonl")),
    heldOutChat: resolve(join(out, "heldout.chat.jsonl")),
    report: resolve(join(out, "distill.json")),
  };
  const chat = (pick: (s: CatalogSet) => TeacherLabels) => sets.flatMap((s) => pick(s).examples.map((e) => JSON.stringify(chatExample(e, s.ctx)) + "\n")).join("");
  await writeFile(files.model, JSON.stringify(model, null, 2) + "\n");
  await writeFile(files.trainChat, chat((s) => s.train));
  await writeFile(files.heldOutChat, chat((s) => s.heldOut));
  report.files = files;
  report.model.file = files.model;
  await writeFile(files.report, JSON.stringify(report, null, 2) + "\n");
}
