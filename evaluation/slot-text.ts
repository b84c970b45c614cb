/**
 * Text normalisation of the parser slot scorer, ported from shared/eval/score-parser.mjs (the reference; the product
 * must not need ../shared at run time). Its own crude stemmer and stopword list are part of the scoring definition,
 * so they are kept verbatim rather than swapped for the product tokenizer.
 */

const STOPWORDS = new Set(
  `a an the and or but nor of to in on at for with without about by from into onto as than then
  is are was were be been being am it its this that these those there here
  i me my we us our you your he she they them their his her
  some any anything something thing things stuff kind sort type
  more less very too so just also not no please like want would could should can do does did
  have has had get show give see watch movie movies film films one ones`
    .split(/\s+/)
    .filter(Boolean),
);

/** Categorical value / attribute key: lower case, non-alphanumerics dropped ("Sci-Fi" → "scifi"). */
export function normKey(s: unknown): string {
  return String(s ?? "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The scorer's stemmer: 'ies'→'i', strip ing | ed | ly | es | s (up to twice), then final 'e' → '', 'y' → 'i'. */
export function stem(word: string): string {
  let w = word;
  for (let pass = 0; pass < 2; pass++) {
    let s = w;
    if (w.length >= 5 && w.endsWith("ies")) s = w.slice(0, -3) + "i";
    else if (w.length >= 6 && w.endsWith("ing")) s = w.slice(0, -3);
    else if (w.length >= 5 && w.endsWith("ed")) s = w.slice(0, -2);
    else if (w.length >= 5 && w.endsWith("ly") && !w.endsWith("ily")) s = w.slice(0, -2);
    else if (w.length >= 5 && w.endsWith("es")) s = w.slice(0, -2);
    else if (w.length >= 4 && w.endsWith("s") && !w.endsWith("ss")) s = w.slice(0, -1);
    if (s === w) break;
    w = s;
  }
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  if (w.length >= 3 && w.endsWith("y")) w = w.slice(0, -1) + "i";
  return w;
}

/** Distinct stemmed content words of a text. */
export function contentWords(text: unknown): string[] {
  const out = new Set<string>();
  for (const token of String(text ?? "").toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (token && !STOPWORDS.has(token)) out.add(stem(token));
  }
  return [...out];
}

/**
 * |common| / |gold content words|, or 0 when the prediction shares under a third of its own words (it must be about
 * the intent, not the whole command). A gold text of stopwords only needs an identical prediction.
 */
export function textOverlap(goldText: string, predText: string): number {
  const g = contentWords(goldText);
  if (g.length === 0) return normKey(goldText) !== "" && normKey(goldText) === normKey(predText) ? 1 : 0;
  const p = new Set(contentWords(predText));
  const common = g.filter((w) => p.has(w)).length;
  if (p.size > 0 && common / p.size < 1 / 3 - 1e-9) return 0;
  return common / g.length;
}
