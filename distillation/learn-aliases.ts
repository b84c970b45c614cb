import { normKey } from "../evaluation/slot-text.ts";
import { BASE_CUES, cueAt, PUNCTUATION } from "../parser/cue-words.ts";
import { FILLER } from "../parser/filler-words.ts";
import { vocabularyOf } from "../parser/vocabulary.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { addedValueSlots, findMention, FUNCTION_WORDS, valueKey, type PreparedCommand } from "./labelled-mentions.ts";

const MAX_WORDS = 3;

export interface AliasCandidate {
  phrase: string;
  attribute: string;
  value: string;
  /** commands in which the teacher added the value while the phrase, not the value, was written */
  support: number;
  /** share of the commands containing the phrase that got the value */
  purity: number;
}

/**
 * Phrases that stand for a catalog value the teacher labelled but the command never spells ("something spooky" →
 * genre Horror) and the rules missed: content words only (no cue, filler, number or known value), counted against
 * every command that contains them.
 */
export function aliasCandidates(sets: { commands: PreparedCommand[]; rules: ToolContext }[], options: { minSupport: number; minPurity: number }): AliasCandidate[] {
  const together = new Map<string, { count: number; attribute: string; value: string }>();
  const documents = new Map<string, number>();
  for (const { commands, rules } of sets) countPhrases(commands, rules, together, documents);
  const out: AliasCandidate[] = [];
  for (const [key, { count, attribute, value }] of together) {
    const phrase = key.split("\u0000")[0];
    const purity = count / documents.get(phrase)!;
    if (count >= options.minSupport && purity >= options.minPurity) out.push({ phrase, attribute, value, support: count, purity });
  }
  return out.sort((a, b) => b.support - a.support || b.phrase.split(" ").length - a.phrase.split(" ").length || a.phrase.localeCompare(b.phrase));
}

function countPhrases(commands: PreparedCommand[], rules: ToolContext, together: Map<string, { count: number; attribute: string; value: string }>, documents: Map<string, number>): void {
  const vocab = vocabularyOf(rules);
  const attributeByKey = new Map([...rules.catalog.columns.keys()].map((name) => [normKey(name), name]));
  const contentWord = (tokens: string[], i: number) => {
    const t = tokens[i];
    return !PUNCTUATION.has(t) && !/\d/.test(t) && !FUNCTION_WORDS.has(t) && !FILLER.has(t) && !vocab.exact.has(t) && !cueAt(tokens, i, BASE_CUES);
  };
  for (const { tokens, memory, label, student } of commands) {
    const phrases = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      for (let n = 1; n <= MAX_WORDS && i + n <= tokens.length && contentWord(tokens, i + n - 1); n++) phrases.add(tokens.slice(i, i + n).join(" "));
    }
    for (const p of phrases) documents.set(p, (documents.get(p) ?? 0) + 1);
    const unspelt = addedValueSlots(memory, label).filter((s) => !findMention(tokens, s.raw ?? s.value) && attributeByKey.has(s.attr));
    if (unspelt.length === 0 || phrases.size === 0) continue;
    const found = new Set(addedValueSlots(memory, student).map(valueKey));
    for (const slot of unspelt) {
      if (found.has(valueKey(slot))) continue;
      for (const phrase of phrases) {
        const key = `${phrase}\u0000${valueKey(slot)}`;
        const entry = together.get(key) ?? { count: 0, attribute: attributeByKey.get(slot.attr)!, value: slot.raw ?? slot.value };
        entry.count++;
        together.set(key, entry);
      }
    }
  }
}
