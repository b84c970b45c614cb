import { extractSlots, type Slot } from "../evaluation/slot-f1.ts";
import { normKey } from "../evaluation/slot-text.ts";
import { stem } from "../models/tokenizer.ts";
import { normalizeCommand } from "../parser/normalize.ts";
import { parseOffline } from "../parser/parse-offline.ts";
import { phraseWords } from "../parser/vocabulary.ts";
import type { Preferences } from "../schemas/preferences.ts";
import type { LearnedCueKind } from "../schemas/parser-model.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import type { LabelledCommand } from "./teacher-labels.ts";

/** Pure function words: a learned phrase needs at least one word outside them. */
export const FUNCTION_WORDS = new Set("a an the of to in on at by for from is are am be was were i me my it its this that and or some any all".split(" "));

/** Categorical slots the label holds and the memory did not: what this command added (or moved), by kind. */
export function addedValueSlots(memory: Preferences, label: Preferences): (Slot & { kind: "cat"; value: string })[] {
  const key = (s: Slot) => `${s.bucket}|${s.attr}|${s.value}`;
  const before = new Set(extractSlots(memory).filter((s) => s.kind === "cat").map(key));
  return extractSlots(label).filter((s): s is Slot & { kind: "cat"; value: string } => s.kind === "cat" && s.value !== undefined && !before.has(key(s)));
}

/** "positive.hard" → "pos-hard". */
export function cueKindOf(slot: Slot): LearnedCueKind {
  return `${slot.polarity === "positive" ? "pos" : "neg"}-${slot.strength}` as LearnedCueKind;
}

/** Where a categorical value is written in the tokens (word by word, stems compared), as [start, end). */
export function findMention(tokens: string[], rawValue: string): [number, number] | undefined {
  const words = phraseWords(rawValue).map(stem);
  if (words.length === 0) return undefined;
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((w, k) => stem(tokens[i + k]) === w)) return [i, i + words.length];
  }
  return undefined;
}

/** A labelled command prepared once for training: its tokens, its words joined for phrase look-ups, and what the rules alone make of it. */
export interface PreparedCommand extends LabelledCommand {
  tokens: string[];
  /** " w1 w2 … " */
  padded: string;
  /** P_{t+1} according to the rules alone (`rules` has no parser model) */
  student: Preferences;
}

export function prepareCommands(examples: LabelledCommand[], rules: ToolContext): PreparedCommand[] {
  return examples.map((example) => {
    const { tokens } = normalizeCommand(example.command);
    const student = parseOffline({ command: example.command, feed: example.feed, memory: example.memory }, rules).preferences;
    return { ...example, tokens, padded: ` ${tokens.join(" ")} `, student };
  });
}

/** True when the command contains the phrase as whole words. */
export const containsPhrase = (c: PreparedCommand, phrase: string) => c.padded.includes(` ${phrase} `);

/** The slot key of a value slot, comparable across parsers. */
export const valueKey = (s: Slot) => `${s.attr}|${normKey(s.value)}`;
