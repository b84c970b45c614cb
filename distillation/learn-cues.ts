import { isBuiltInCue, PUNCTUATION } from "../parser/cue-words.ts";
import { vocabularyOf } from "../parser/vocabulary.ts";
import type { LearnedCueKind } from "../schemas/parser-model.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { addedValueSlots, cueKindOf, findMention, FUNCTION_WORDS, valueKey, type PreparedCommand } from "./labelled-mentions.ts";

/** Determiners the words of a cue may be separated from their value by ("steer clear of | any | horror"). */
const DETERMINERS = new Set(["any", "the", "a", "an", "some", "all", "my"]);
const MAX_WORDS = 4;

export interface CueCandidate {
  phrase: string;
  kind: LearnedCueKind;
  /** labelled values next to the phrase */
  support: number;
  /** share of them the teacher gave this kind */
  purity: number;
  /** of those, how many the rules alone put in another bucket or missed */
  errors: number;
}

/**
 * Phrases next to a value the teacher labelled (the words just before it, past a determiner, or just after it),
 * counted by the kind the teacher gave the value, with how often the rules alone got that value's kind wrong.
 * Phrases are general words only: no catalog value, number or punctuation, not a built-in cue.
 */
export function cueCandidates(sets: { commands: PreparedCommand[]; rules: ToolContext }[], options: { minSupport: number; minPurity: number }): CueCandidate[] {
  const stats = new Map<string, { kinds: Map<LearnedCueKind, number>; errors: Map<LearnedCueKind, number> }>();
  for (const { commands, rules } of sets) countNeighbours(commands, rules, stats);
  return select(stats, options);
}

function countNeighbours(commands: PreparedCommand[], rules: ToolContext, stats: Map<string, { kinds: Map<LearnedCueKind, number>; errors: Map<LearnedCueKind, number> }>): void {
  const vocab = vocabularyOf(rules);
  const isValueWord = (t: string) => vocab.exact.has(t) || vocab.attributeWords.has(t) || /\d/.test(t);
  for (const { tokens, memory, label, student } of commands) {
    const added = addedValueSlots(memory, label);
    if (added.length === 0) continue;
    const studentKind = new Map(addedValueSlots(memory, student).map((s) => [valueKey(s), cueKindOf(s)]));
    for (const slot of added) {
      const span = findMention(tokens, slot.raw ?? slot.value);
      if (!span) continue;
      const kind = cueKindOf(slot);
      const wrong = studentKind.get(valueKey(slot)) !== kind;
      for (const phrase of neighbours(tokens, span, isValueWord)) {
        const entry = stats.get(phrase) ?? { kinds: new Map(), errors: new Map() };
        entry.kinds.set(kind, (entry.kinds.get(kind) ?? 0) + 1);
        if (wrong) entry.errors.set(kind, (entry.errors.get(kind) ?? 0) + 1);
        stats.set(phrase, entry);
      }
    }
  }
}

function select(stats: Map<string, { kinds: Map<LearnedCueKind, number>; errors: Map<LearnedCueKind, number> }>, options: { minSupport: number; minPurity: number }): CueCandidate[] {
  const out: CueCandidate[] = [];
  for (const [phrase, { kinds, errors }] of stats) {
    const support = [...kinds.values()].reduce((a, b) => a + b, 0);
    const [kind, count] = [...kinds.entries()].sort((a, b) => b[1] - a[1])[0];
    const purity = count / support;
    const fixes = errors.get(kind) ?? 0;
    if (support >= options.minSupport && purity >= options.minPurity && fixes > 0 && !isBuiltInCue(phrase)) out.push({ phrase, kind, support, purity, errors: fixes });
  }
  // most errors explained first; among equals the longer (more specific) phrase
  return out.sort((a, b) => b.errors - a.errors || b.phrase.split(" ").length - a.phrase.split(" ").length || a.phrase.localeCompare(b.phrase));
}

/** The runs of one to four words ending just before the value (a determiner may sit between) or starting just after it. */
function neighbours(tokens: string[], [start, end]: [number, number], isValueWord: (t: string) => boolean): string[] {
  const out: string[] = [];
  const usable = (t: string | undefined) => t !== undefined && !PUNCTUATION.has(t) && !isValueWord(t);
  let before = start;
  while (before > 0 && before > start - 2 && DETERMINERS.has(tokens[before - 1])) before--;
  for (const anchor of new Set([start, before])) {
    for (let n = 1; n <= MAX_WORDS && usable(tokens[anchor - n]); n++) out.push(tokens.slice(anchor - n, anchor).join(" "));
  }
  for (let n = 1; n <= MAX_WORDS && usable(tokens[end + n - 1]); n++) out.push(tokens.slice(end, end + n).join(" "));
  return [...new Set(out)].filter((p) => p.split(" ").some((w) => !FUNCTION_WORDS.has(w) && !DETERMINERS.has(w)));
}
