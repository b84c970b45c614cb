import type { Polarity, Strength } from "../schemas/preferences.ts";
import { ACKNOWLEDGEMENTS, ANAPHORA, BASE_CUES, CLAUSE_OPENERS, cueAt, cueTableOf, HEDGES, PUNCTUATION, type CueKind, type CueTable } from "./cue-words.ts";
import type { NormalizedCommand } from "./normalize.ts";
import { findNumbers, type NumericMention } from "./numbers.ts";
import type { ParserStage } from "./parser-state.ts";
import { ordinalAt } from "./feed-references.ts";
import { HIGH_POLE, LOW_POLE } from "./comparatives.ts";
import { FILLER } from "./filler-words.ts";

/** One clause of the command: its polarity and strength (from cue words) and what it mentions, still in words. */
export interface Clause {
  /** candidate words in order, cue words and numbers removed */
  words: string[];
  polarity: Polarity;
  /** set when a cue word decides it; a bare request is soft, a bare numeric limit hard */
  strength?: Strength;
  numbers: NumericMention[];
  /** feed positions, 0-based; -1 is the last item */
  ordinals: number[];
  /** nouns after "like that/this/the" that may name a feed item ("more like that jacket") */
  refNouns: string[];
  act?: "accept" | "forget" | "reset";
  ack: boolean;
  anaphora: boolean;
  /** a hedge ("preferably", "a bit") softens numeric limits too */
  hedged: boolean;
}

/** The extract stage's output: clauses in command order. */
export interface Mentions {
  clauses: Clause[];
}

const NUMBER = "\u0000";
/** Words that open a fresh request after "and" (an article or a request noun, a time or making verb). */
const NEW_REQUEST = new Set(["something", "some", "a", "an", "one", "ones", "made", "released", "from", "preferably", "ideally", "maybe", "perhaps", "rated"]);
const DEMONSTRATIVES = new Set(["that", "this", "those", "these", "the"]);

function emptyClause(): Clause {
  return { words: [], polarity: "positive", numbers: [], ordinals: [], refNouns: [], ack: false, anaphora: false, hedged: false };
}

function hasContent(c: Clause): boolean {
  return c.words.length > 0 || c.numbers.length > 0 || c.ordinals.length > 0;
}

const POLAR: CueKind[] = ["neg-hard", "neg-soft", "pos-hard", "pos-soft"];

/**
 * Applies a cue to a clause: negation beats affirmation; a soft cue hedges a hard one. Hand-written cues outrank
 * learned ones in the same clause ("show me only comedies" stays hard even if "show me" was learned as soft).
 */
function applyCue(clause: Clause, cue: { kind: CueKind; learned: boolean }, cues: { written: Set<CueKind>; learned: Set<CueKind> }): void {
  (cue.learned ? cues.learned : cues.written).add(cue.kind);
  const { kind } = cue;
  if (kind === "accept" || kind === "forget" || kind === "reset") clause.act = kind;
  const deciding = POLAR.some((k) => cues.written.has(k)) ? cues.written : cues.learned;
  const neg = deciding.has("neg-hard") || deciding.has("neg-soft");
  clause.polarity = neg ? "negative" : "positive";
  const [hard, soft] = neg ? ["neg-hard", "neg-soft"] : ["pos-hard", "pos-soft"];
  if (deciding.has(soft as CueKind) || (neg && deciding.has("pos-soft") && !deciding.has("neg-hard"))) clause.strength = "soft";
  else if (deciding.has(hard as CueKind)) clause.strength = "hard";
  else if (!neg && deciding.has("pos-soft")) clause.strength = "soft";
}

/** "show it", "stand them", "give me some": a pronoun after a verb, not a subject ("so it is ..."). */
function isObjectPronoun(tokens: string[], i: number): boolean {
  const before = tokens[i - 1] ?? "";
  if (i === 0 || /^(so|and|or|if|because|of|but|that|when|since|is|are|was|were|\u0000)$/.test(before) || PUNCTUATION.has(before)) return false;
  return !/^(is|are|was|were|has|have|had|will|would)$/.test(tokens[i + 1] ?? "");
}

/** After "and": an opener of a fresh request, a number, or a part that ends in its own hard cue ("… and horror only"). */
function startsNewRequest(tokens: string[], from: number, table: CueTable): boolean {
  if (tokens[from] === NUMBER || NEW_REQUEST.has(tokens[from] ?? "")) return true;
  for (let j = from; j < tokens.length && !PUNCTUATION.has(tokens[j]) && tokens[j] !== "and" && tokens[j] !== "but"; j++) {
    const cue = cueAt(tokens, j, table);
    if (cue) return cue.kind === "pos-hard" && j > from && onlyFillerUntilPunctuation(tokens, j + cue.length);
  }
  return false;
}

/** True when nothing but filler follows up to the end of the clause ("IMAX only please"). */
function onlyFillerUntilPunctuation(tokens: string[], from: number): boolean {
  for (let k = from; k < tokens.length && !PUNCTUATION.has(tokens[k]); k++) if (!FILLER.has(tokens[k]) && !ACKNOWLEDGEMENTS.has(tokens[k])) return false;
  return true;
}

/** A gradable adjective of general English ("expensive", "recent"): "less"/"more" before it make a comparative. */
function gradable(word: string | undefined): boolean {
  return word !== undefined && (HIGH_POLE.has(word) || LOW_POLE.has(word));
}

/** Splits tokens into clauses at punctuation, contrast words, clause openers and new cues after content. */
export function extractClauses(normalized: NormalizedCommand, table: CueTable = BASE_CUES): Mentions {
  const numbers = findNumbers(normalized.tokens);
  const tokens: string[] = [];
  const numberAt = new Map<number, NumericMention>();
  let cursor = 0;
  for (const n of numbers) {
    tokens.push(...normalized.tokens.slice(cursor, n.start));
    numberAt.set(tokens.length, n.mention);
    tokens.push(NUMBER);
    cursor = n.end;
  }
  tokens.push(...normalized.tokens.slice(cursor));

  const clauses: Clause[] = [];
  let clause = emptyClause();
  let cues = { written: new Set<CueKind>(), learned: new Set<CueKind>() };
  const close = () => {
    if (hasContent(clause) || clause.act || clause.anaphora || clause.ack || cues.written.size + cues.learned.size > 0) clauses.push(clause);
    clause = emptyClause();
    cues = { written: new Set(), learned: new Set() };
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (PUNCTUATION.has(t)) {
      close();
      continue;
    }
    if (t === NUMBER) {
      clause.numbers.push(numberAt.get(i)!);
      continue;
    }
    const ordinal = ordinalAt(tokens, i);
    if (ordinal) {
      clause.ordinals.push(ordinal.position);
      i += ordinal.length - 1;
      continue;
    }
    const cue = cueAt(tokens, i, table);
    if (cue?.kind === "break") {
      close();
      i += cue.length - 1;
      continue;
    }
    // "no horror and something from the 90s", "I'd prefer comedy and 2010s only", "fewer dramas please and
    // thrillers": a negation's or a wish's scope ends where "and" starts a new request (after "please", before a
    // fresh opener or a number, or before a part with its own trailing "only")
    if (t === "and" && hasContent(clause) && (tokens[i - 1] === "please" || ((clause.polarity === "negative" || clause.strength === "soft") && startsNewRequest(tokens, i + 1, table)))) {
      close();
      continue;
    }
    if ((t === "and" || t === "or") && (cueAt(tokens, i + 1, table) || /^(it|i|we|she|he|they|then)$/.test(tokens[i + 1] ?? ""))) {
      close();
      continue;
    }
    if (cue && (cue.phrase === "less" || cue.phrase === "more") && gradable(tokens[i + 1])) {
      // "less expensive", "more recent": a comparative, not a preference cue (the relative grounding reads it)
      clause.words.push(t);
      continue;
    }
    if (cue) {
      // a cue after its content ("IMAX only", "horror is not my thing") covers the whole clause
      const trailing = cue.kind !== "reset" && cue.kind !== "forget" && onlyFillerUntilPunctuation(tokens, i + cue.length);
      if (hasContent(clause) && cue.kind !== "accept" && !trailing) close();
      applyCue(clause, cue, cues);
      if (HEDGES.has(cue.phrase)) clause.hedged = true;
      if (cue.phrase === "more" || cue.phrase === "less") clause.words.push(cue.phrase); // "more popular": a comparative
      i += cue.length - 1;
      continue;
    }
    if (CLAUSE_OPENERS.has(t)) {
      if (hasContent(clause)) close();
      continue;
    }
    if (ACKNOWLEDGEMENTS.has(t)) clause.ack = true;
    if (ANAPHORA.has(t) && isObjectPronoun(tokens, i)) clause.anaphora = true;
    if (tokens[i - 2] === "like" && DEMONSTRATIVES.has(tokens[i - 1]) && !FILLER.has(t)) clause.refNouns.push(t);
    clause.words.push(t);
  }
  close();
  return { clauses: reaimBackReferences(clauses) };
}

const BACK_REFERENCE = new Set(["that", "those", "them", "these", "it"]);
const BACK_REFERENCE_FILLER = new Set([...BACK_REFERENCE, "less", "more", "of", "please", "stuff", "kind", "sort", "one", "ones", "a", "bit", "lot"]);

/**
 * "that's a lot of romance, less of that": a cue whose only object is "that" re-aims the plain description before
 * it (no cue of its own) instead of standing alone, so the romance becomes what the user wants less of.
 */
function reaimBackReferences(clauses: Clause[]): Clause[] {
  const out: Clause[] = [];
  for (const c of clauses) {
    const prev = out.at(-1);
    const refersBack = c.words.some((w) => BACK_REFERENCE.has(w)) && c.words.every((w) => BACK_REFERENCE_FILLER.has(w)) && c.numbers.length === 0;
    const cued = c.polarity === "negative" || c.strength !== undefined;
    if (prev && refersBack && cued && !c.act && hasContent(prev) && prev.polarity === "positive" && prev.strength === undefined && !prev.act) {
      out[out.length - 1] = { ...prev, polarity: c.polarity, strength: c.strength, hedged: prev.hedged || c.hedged };
      continue;
    }
    out.push(c);
  }
  return out;
}

/** Stage 2: clauses with polarity, strength, numbers, feed ordinals and acts (forget, reset, accept). */
export const extract: ParserStage = (state, ctx) => ({ mentions: extractClauses(state.normalized as NormalizedCommand, cueTableOf(ctx)) });
