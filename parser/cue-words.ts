import type { ToolContext } from "../tools/tool-context.ts";

/**
 * General English cue words of preference commands (nothing here names a catalog's values): what makes a
 * constraint negative or positive, hard or soft, and which phrases forget, reset or accept.
 */
export type CueKind =
  | "neg-hard"
  | "neg-soft"
  | "pos-hard"
  | "pos-soft"
  | "accept"
  | "forget"
  | "reset"
  | "break";

const PHRASES: Record<CueKind, string[]> = {
  "neg-hard": [
    "no", "not", "never", "without", "exclude", "excluding", "except", "anything but", "anything except", "no more",
    "none", "avoid", "hate", "hates", "can not stand", "nothing", "not any", "no longer want", "do not want", "do not show",
    "do not give", "do not recommend", "dislike", "already seen", "already watched", "already read", "already bought",
    "already own", "already have", "ban", "nix", "not interested in", "leave out", "keep out", "stop showing",
  ],
  "neg-soft": [
    "less", "fewer", "less of", "fewer of", "not so much", "not too much", "not so many", "not too many", "nothing too",
    "not too", "too many", "too much", "tired of", "sick of", "fed up with", "bored of", "bored with", "enough",
    "enough of", "a bit less", "a little less", "not really", "rather not", "not a fan of", "not into", "not big on",
    "cut down on", "tone down", "not as much", "not as many", "lighter on", "go easy on",
  ],
  "pos-hard": [
    "only", "just", "strictly", "must", "must be", "has to be", "have to be", "needs to be", "need to be", "has to",
    "have to", "need", "needs", "nothing but", "exclusively", "nothing else", "solely", "required", "mandatory",
  ],
  "pos-soft": [
    "more", "more of", "prefer", "preferably", "preferred", "rather", "ideally", "a bit", "a little", "a bit more",
    "in the mood for", "mood for", "maybe", "perhaps", "love", "loves", "enjoy", "enjoys", "fan of", "would like",
    "i like", "i would love", "craving", "feel like", "feeling like", "up for", "some more", "more like", "slightly",
    "somewhat", "if possible", "ideally", "preferably", "a little more",
  ],
  accept: [
    "fine with", "ok with", "okay with", "alright with", "is fine", "are fine", "is ok", "are ok", "is okay",
    "are okay", "is alright", "are alright", "do not mind", "does not matter", "do not care about", "allowed",
    "is allowed", "are allowed", "back in", "is fine too", "are fine too", "no problem with", "can include",
  ],
  forget: [
    "forget", "forget about", "drop", "remove", "get rid of", "never mind", "nevermind", "scrap", "ignore", "cancel",
    "undo", "clear", "lose the", "ditch",
  ],
  reset: [
    "start over", "reset", "start again", "start from scratch", "from scratch", "clean slate", "forget everything",
    "clear everything", "clear all", "begin again", "new search", "start fresh", "forget all",
  ],
  break: ["but", "though", "although", "however", "instead", "because", "cause", "while", "whereas", "and then", "also", "plus", "so"],
};

/** Hedges: they make even a numeric limit soft ("preferably from the 70s"). */
export const HEDGES = new Set(["a bit", "a little", "slightly", "somewhat", "maybe", "perhaps", "preferably", "ideally", "prefer", "preferred", "rather", "if possible", "a bit more", "a little more"]);

/** Cue phrases keyed by first word, longest first, for greedy longest-match scanning. */
export type CueTable = Map<string, { words: string[]; kind: CueKind; learned: boolean }[]>;

function buildCueTable(entries: Iterable<{ phrase: string; kind: CueKind; learned?: boolean }>): CueTable {
  const table: CueTable = new Map();
  for (const { phrase, kind, learned = false } of entries) {
    const words = phrase.split(" ");
    const list = table.get(words[0]) ?? [];
    if (!list.some((e) => e.words.join(" ") === phrase)) list.push({ words, kind, learned });
    table.set(words[0], list);
  }
  for (const list of table.values()) list.sort((a, b) => b.words.length - a.words.length);
  return table;
}

const BUILT_IN = (Object.entries(PHRASES) as [CueKind, string[]][]).flatMap(([kind, phrases]) => phrases.map((phrase) => ({ phrase, kind })));

/** The hand-written cues of general English. */
export const BASE_CUES: CueTable = buildCueTable(BUILT_IN);

const learnedTables = new WeakMap<ToolContext, CueTable>();

/** The base cues plus the learned ones of the context's parser model (a built-in phrase keeps its kind). */
export function cueTableOf(ctx: ToolContext): CueTable {
  if (!ctx.parserModel?.cues.length) return BASE_CUES;
  let table = learnedTables.get(ctx);
  if (!table) {
    table = buildCueTable([...BUILT_IN, ...ctx.parserModel.cues.map((c) => ({ ...c, learned: true }))]);
    learnedTables.set(ctx, table);
  }
  return table;
}

/** True when the phrase is one of the hand-written cues. */
export function isBuiltInCue(phrase: string): boolean {
  return BASE_CUES.get(phrase.split(" ")[0])?.some((e) => e.words.join(" ") === phrase) ?? false;
}

/** The longest cue phrase starting at `tokens[i]`, or undefined. */
export function cueAt(tokens: string[], i: number, table: CueTable = BASE_CUES): { kind: CueKind; length: number; phrase: string; learned: boolean } | undefined {
  for (const { words, kind, learned } of table.get(tokens[i]) ?? []) {
    if (words.every((w, k) => tokens[i + k] === w)) return { kind, length: words.length, phrase: words.join(" "), learned };
  }
  return undefined;
}

/** Words that end the scope of a negation or cue: punctuation. */
export const PUNCTUATION = new Set([",", ".", ";", ":", "!", "?"]);

/** Words that open a new clause about a further intent ("heist movie | with a twist ending"). */
export const CLAUSE_OPENERS = new Set(["with", "without", "about", "featuring", "starring", "involving", "set", "based", "where", "that has", "except"]);

/** Acknowledgements: a clause holding one adds nothing by itself and never becomes free text. */
export const ACKNOWLEDGEMENTS = new Set(
  ("ok okay thanks thank ty nice great cool awesome perfect good lovely sure yes yeah yep yup alright hmm hm ugh wow " +
    "fine neat sweet brilliant excellent amazing wonderful right honestly well hey hi hello oh ah").split(" "),
);

/** Pronouns that refer back to the previous clause's mentions ("don't show it again", "give me some"). */
export const ANAPHORA = new Set(["it", "them", "those", "these", "that", "this", "some", "ones", "they"]);
