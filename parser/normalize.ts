import type { ParserStage } from "./parser-state.ts";

/** The command as tokens: lower-case words, numbers ("3.5"), and the symbols that carry meaning ($ € £ + - , . ? ! ;). */
export interface NormalizedCommand {
  tokens: string[];
}

const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan't\b/g, "can not"],
  [/\bcannot\b/g, "can not"],
  [/\bwon't\b/g, "will not"],
  [/\bain't\b/g, "is not"],
  [/\b(\w+)n't\b/g, "$1 not"],
  [/\b(i|you|we|they)'ve\b/g, "$1 have"],
  [/\b(i|you|we|they|he|she)'d\b/g, "$1 would"],
  [/\b(i|you|we|they)'ll\b/g, "$1 will"],
  [/\bi'm\b/g, "i am"],
  [/\b(you|we|they)'re\b/g, "$1 are"],
  [/\blet's\b/g, "let us"],
  [/\b(it|that|there|what|he|she)'s\b/g, "$1 is"],
  [/\b(\w+)'s\b/g, "$1"],
];

/** Informal spellings folded before tokenizing: general English abbreviations, not catalog vocabulary. */
const ABBREVIATIONS: Record<string, string> = {
  romcom: "romantic comedy",
  romcoms: "romantic comedies",
  dont: "do not",
  doesnt: "does not",
  im: "i am",
  ive: "i have",
  pls: "please",
  plz: "please",
  thx: "thanks",
  tnx: "thanks",
};

/** Splits a command into tokens; "don't" → "do not", "'90s" → "90s", "$50" → "$ 50", "4+" → "4 +". */
export function normalizeCommand(command: string): NormalizedCommand {
  let text = command
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u2013\u2014]/g, " - ");
  for (const [pattern, replacement] of CONTRACTIONS) text = text.replace(pattern, replacement);
  text = text
    .replace(/'(\d0s)\b/g, "$1")
    .replace(/(\d),(\d{3})\b/g, "$1$2")
    .replace(/\b(rom)\s*-\s*(coms?)\b/g, "$1$2")
    .replace(/(\d)\s*-\s*(\d)/g, "$1 - $2")
    .replace(/(\d)-([a-z])/g, "$1 $2") // "15-inch", "3-star": a unit hyphenated to its number
    .replace(/(\d)k\b/g, "$1000");
  const tokens: string[] = [];
  for (const raw of text.match(/\d+(?:\.\d+)?[a-z]*|[\p{L}\p{N}]+|[$€£+~,.;:!?#-]/gu) ?? []) {
    const unitSplit = /^(\d+(?:\.\d+)?)([a-z]+)$/.exec(raw);
    if (unitSplit && !/^(s|st|nd|rd|th)$/.test(unitSplit[2])) tokens.push(unitSplit[1], unitSplit[2]);
    else if (raw === "-" && !/^\d/.test(tokens[tokens.length - 1] ?? "")) continue;
    else tokens.push(...(ABBREVIATIONS[raw]?.split(" ") ?? [raw]));
  }
  return { tokens };
}

/** Stage 1: normalise the command into tokens. */
export const normalize: ParserStage = (state) => ({ normalized: normalizeCommand(state.input.command) });
