import { PARAPHRASES } from "../models/paraphrase-lexicon.ts";
import { stem } from "../models/tokenizer.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { cooccurrenceMatch } from "./cooccurrence.ts";
import { phraseWords, stemKey, vocabularyOf, type ValueRef, type Vocabulary } from "./vocabulary.ts";

/** A lexicon paraphrase must still be this close in the catalog's semantic space to count. */
const LEXICON_MIN_SIMILARITY = 0.5;
/** A clipped word must be at least this close to the value it starts. */
const TRUNCATION_MIN_SIMILARITY = 0.6;
/** A value reached by meaning alone must be this close, and this far ahead of the runner-up. */
const SEMANTIC_MIN_SIMILARITY = 0.9;
const SEMANTIC_MARGIN = 0.3;

const wordCache = new WeakMap<ToolContext, Map<string, ValueRef | null>>();

/** Spelling variants of general English compounds, tried when a run names no value as written. */
const ALIASES: Record<string, string[]> = {
  scifi: ["science", "fiction"],
  sciencefiction: ["sci", "fi"],
  nonfiction: ["non", "fiction"],
  tee: ["t", "shirt"],
  tees: ["t", "shirts"],
  doc: ["documentary"],
  docs: ["documentaries"],
  bio: ["biography"],
  bios: ["biographies"],
};

/** The values an exact or stemmed run of words names ("sci fi" → Sci-Fi, "comedies" → Comedy). */
export function lookupPhrase(vocab: Vocabulary, words: string[]): ValueRef[] | undefined {
  const found = vocab.exact.get(words.join("")) ?? vocab.stemmed.get(stemKey(words));
  const alias = found ? undefined : ALIASES[words.join("")];
  return found ?? (alias ? vocab.exact.get(alias.join("")) ?? vocab.stemmed.get(stemKey(alias)) : undefined);
}

/**
 * A run of two or more words that misspells a multi-word value ("univeristy quarter"): same number of words, same
 * initials, and the joined stems within one edit (two for long names) of exactly one value.
 */
export function lookupPhraseTypo(vocab: Vocabulary, words: string[]): ValueRef[] | undefined {
  if (words.length < 2 || !words.every((w) => /^\p{L}{2,}$/u.test(w))) return undefined;
  const key = stemKey(words);
  if (key.length < 8) return undefined;
  const initials = words.map((w) => w[0]).join("");
  const limit = key.length >= 12 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = limit + 1;
  let ties = 0;
  for (const m of vocab.multiKeys) {
    if (m.words !== words.length || m.initials !== initials) continue;
    const d = editDistance(key, m.key, limit);
    if (d < bestDistance) [best, bestDistance, ties] = [m.key, d, 0];
    else if (d === bestDistance) ties++;
  }
  return best !== undefined && bestDistance > 0 && ties === 0 ? vocab.stemmed.get(best) : undefined;
}

/** Forms of a word that a lexicon may list: "funnier" → funny, "kiddie" → kid/kids, "comedies" → comedy. */
export function wordVariants(word: string): string[] {
  const out = new Set([word, stem(word)]);
  const add = (w: string) => {
    if (w.length >= 3) out.add(w).add(w + "s");
  };
  if (word.endsWith("s")) add(word.slice(0, -1));
  if (word.endsWith("ier")) add(word.slice(0, -3) + "y");
  if (word.endsWith("iest")) add(word.slice(0, -4) + "y");
  for (const suffix of ["er", "est", "ie", "y", "ish", "ies"]) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, -suffix.length);
    add(base);
    if (/(.)\1$/.test(base)) add(base.slice(0, -1));
  }
  return [...out];
}

/** Optimal-string-alignment distance, stopping early above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      rowMin = Math.min(rowMin, d[i][j]);
    }
    if (rowMin > limit) return limit + 1;
  }
  return d[a.length][b.length];
}

function similarity(ctx: ToolContext, word: string | Float32Array | null, ref: ValueRef): number {
  const text = typeof word === "string" ? ctx.models.semantic.embedText(word) : word;
  const value = ctx.models.semantic.embedValue(ref.attribute, ref.value);
  if (!text || !value) return 0;
  let dot = 0;
  for (let j = 0; j < text.length; j++) dot += text[j] * value[j];
  return dot;
}

/**
 * Grounds one word that names no value directly: a typo of a value ("thrilers"), a lexicon paraphrase whose
 * closest sense is a value ("scary" → horror, confirmed in the catalog's semantic space), or, for a word the
 * lexicon knows, a value its embedding is very close to and clearly closest to. Cached per catalog.
 */
export function groundWord(ctx: ToolContext, word: string): ValueRef | null {
  let words = wordCache.get(ctx);
  if (!words) wordCache.set(ctx, (words = new Map()));
  if (words.has(word)) return words.get(word)!;
  const found = typoMatch(vocabularyOf(ctx), word) ?? lexiconMatch(ctx, word) ?? truncationMatch(ctx, word) ?? cooccurrenceMatch(ctx, word);
  if (words.size < 50_000) words.set(word, found);
  return found;
}

function typoMatch(vocab: Vocabulary, word: string): ValueRef | null {
  if (word.length < 5 || PARAPHRASES[word]) return null;
  const key = stem(word);
  const limit = key.length >= 8 ? 2 : 1;
  let best: ValueRef[] | null = null;
  let bestDistance = limit + 1;
  let ties = 0;
  for (const candidate of vocab.typoKeys) {
    const d = editDistance(key, candidate, limit);
    if (d < bestDistance) [best, bestDistance, ties] = [vocab.stemmed.get(candidate)!, d, 0];
    else if (d === bestDistance && best && vocab.stemmed.get(candidate) !== best) ties++;
  }
  return best && ties === 0 && best.length === 1 ? best[0] : null;
}

/** A clipped word ("camo" → camouflage) counts only when the semantic model agrees ("music" is not "musical"). */
function truncationMatch(ctx: ToolContext, word: string): ValueRef | null {
  if (word.length < 4) return null;
  const vocab = vocabularyOf(ctx);
  const key = stem(word);
  const hits = vocab.typoKeys.filter((k) => k.startsWith(key) && k.length > key.length + 1);
  const refs = hits.length === 1 ? vocab.stemmed.get(hits[0])! : [];
  return refs.length === 1 && similarity(ctx, word, refs[0]) >= TRUNCATION_MIN_SIMILARITY ? refs[0] : null;
}

function lexiconMatch(ctx: ToolContext, word: string): ValueRef | null {
  const vocab = vocabularyOf(ctx);
  const known = wordVariants(word).find((v) => PARAPHRASES[v]);
  if (!known) return null;
  const primary = lookupPhrase(vocab, phraseWords(PARAPHRASES[known][0]));
  if (primary?.length === 1 && similarity(ctx, known, primary[0]) >= LEXICON_MIN_SIMILARITY) return primary[0];
  return semanticMatch(ctx, known);
}

function semanticMatch(ctx: ToolContext, word: string): ValueRef | null {
  const vocab = vocabularyOf(ctx);
  let best: ValueRef | null = null;
  let [first, second] = [-1, -1];
  const seen = new Set<string>();
  const vector = ctx.models.semantic.embedText(word);
  if (!vector) return null;
  for (const refs of vocab.exact.values()) {
    for (const ref of refs) {
      const id = `${ref.attribute}\u0000${ref.value}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const s = similarity(ctx, vector, ref);
      if (s > first) [second, first, best] = [first, s, ref];
      else if (s > second) second = s;
    }
  }
  return best && first >= SEMANTIC_MIN_SIMILARITY && first - second >= SEMANTIC_MARGIN ? best : null;
}
