import { createHash } from "node:crypto";
import type { Progress } from "../models/progress.ts";
import type { LearnedAlias, LearnedCue, ParserModel } from "../schemas/parser-model.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { agreementOver, withParserModel } from "./agreement.ts";
import { aliasCandidates } from "./learn-aliases.ts";
import { cueCandidates } from "./learn-cues.ts";
import { containsPhrase, prepareCommands } from "./labelled-mentions.ts";
import type { TeacherLabels } from "./teacher-labels.ts";

export interface TrainOptions {
  catalogs: string[];
  seed: number;
  sessions: number;
  /** a cue needs this many labelled values next to it (default 5) and this purity (default 0.9) */
  minSupport?: number;
  minPurity?: number;
  /** an alias needs this many commands (default 3) and this purity (default 0.8) */
  aliasMinSupport?: number;
  aliasMinPurity?: number;
  progress?: Progress;
}

/** One catalog's teacher labels with the context (catalog, vocabulary) they are parsed in. */
export interface TrainingSet {
  labels: TeacherLabels;
  rules: ToolContext;
}

export interface TrainingLog {
  accepted: string[];
  rejected: string[];
}

/**
 * Trains the offline Parser's learned parts on teacher labels: candidate cue phrases and value aliases are proposed
 * from the labels, then kept one at a time, in a fixed order, only when they raise agreement with the teacher on the
 * training commands that contain them (greedy forward selection). Deterministic: same labels, same model.
 */
export function trainParserModel(sets: TrainingSet[], options: TrainOptions): { model: ParserModel; log: TrainingLog } {
  const minSupport = options.minSupport ?? 5;
  const minPurity = options.minPurity ?? 0.9;
  const bases = sets.map(({ labels, rules }) => {
    const alone = withParserModel(rules, undefined);
    return { commands: prepareCommands(labels.examples, alone), rules: alone };
  });
  const cues = cueCandidates(bases, { minSupport, minPurity });
  const aliases = aliasCandidates(bases, { minSupport: options.aliasMinSupport ?? 3, minPurity: options.aliasMinPurity ?? 0.8 });
  const learned: { cues: LearnedCue[]; aliases: LearnedAlias[] } = { cues: [], aliases: [] };
  const log: TrainingLog = { accepted: [], rejected: [] };
  const candidates = [
    ...cues.map((c) => ({ phrase: c.phrase, label: `cue "${c.phrase}" → ${c.kind}`, add: () => learned.cues.push({ phrase: c.phrase, kind: c.kind, support: c.support, purity: round(c.purity) }), undo: () => learned.cues.pop() })),
    ...aliases.map((a) => ({ phrase: a.phrase, label: `alias "${a.phrase}" → ${a.attribute}=${a.value}`, add: () => learned.aliases.push({ ...a, purity: round(a.purity) }), undo: () => learned.aliases.pop() })),
  ];
  // the parser with what has been kept so far, one context per catalog: each trial's "before" reuses it and its warm
  // caches (vocabulary, the catalog's co-occurrence postings) instead of a fresh context for an unchanged model
  let current = bases.map((b) => b.rules);
  options.progress?.phase("training the parser model", candidates.length);
  candidates.forEach((candidate, n) => {
    const affected = bases.map((b) => b.commands.filter((c) => containsPhrase(c, candidate.phrase)));
    const count = affected.reduce((n, commands) => n + commands.length, 0);
    const before = agreementOver(affected.map((commands, i) => ({ commands, ctx: current[i] })));
    candidate.add();
    const model = draft(learned, options, minSupport, minPurity);
    const trial = bases.map((b) => withParserModel(b.rules, model));
    const after = agreementOver(affected.map((commands, i) => ({ commands, ctx: trial[i] })));
    const better = after.strict.f1 > before.strict.f1 + 1e-12 && after.exactRate >= before.exactRate;
    if (better) {
      log.accepted.push(`${candidate.label} (F1 on ${count} commands ${before.strict.f1.toFixed(3)} → ${after.strict.f1.toFixed(3)})`);
      current = trial;
    } else {
      candidate.undo();
      log.rejected.push(candidate.label);
    }
    options.progress?.update(n + 1);
  });
  options.progress?.done();
  return { model: draft(learned, options, minSupport, minPurity, sets), log };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function draft(learned: { cues: LearnedCue[]; aliases: LearnedAlias[] }, options: TrainOptions, minSupport: number, minPurity: number, sets?: TrainingSet[]): ParserModel {
  const parts = { cues: [...learned.cues], aliases: [...learned.aliases] };
  return {
    format: 1,
    version: `pm-${createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 12)}`,
    createdAt: new Date().toISOString(),
    training: {
      catalogs: options.catalogs, teacher: sets?.[0]?.labels.teacher ?? "simulator", seed: options.seed, sessions: options.sessions,
      commands: sets?.reduce((n, s) => n + s.labels.examples.length, 0) ?? 0, minSupport, minPurity,
    },
    ...parts,
  };
}
