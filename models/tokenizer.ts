const STOPWORDS = new Set(
  ("a an and are as at be but by for from has have i in is it its me my of on or so that the this to was were " +
    "with you your we our they them their some something anything any show more less like want just about " +
    "very really please give get into than then too also not no only").split(" "),
);

/**
 * A light English stemmer: folds plurals, possessives and the y/ie/ies endings to one stem (as Porter's
 * step 1 does), so "comedies" meets "comedy" and "zombies" meets "zombie".
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies") && word.length > 4) return word.slice(0, -3) + "i";
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")) return word.slice(0, -2);
  if (word.endsWith("s") && !/(ss|us|is|ous)$/.test(word)) return stem(word.slice(0, -1));
  if (word.endsWith("ie")) return word.slice(0, -1);
  if (word.endsWith("y") && !/[aeiou]y$/.test(word)) return word.slice(0, -1) + "i";
  return word;
}

/** Lowercased words of a text, split on anything that is not a letter or digit. */
export function words(text: string): string[] {
  const lower = text.toLowerCase();
  const parts = /[^\x00-\x7f]/.test(lower)
    ? lower.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").split(/[^\p{L}\p{N}]+/u)
    : lower.split(/[^a-z0-9]+/);
  return parts.filter((w) => w.length > 0);
}

/** Content tokens of a text: stemmed words without stopwords, one-letter words or bare numbers. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < 2 || STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** A value compared case- and punctuation-insensitively: "Sci-Fi", "sci fi" and "scifi" are one key. */
export function valueKey(value: string): string {
  return words(value).join("");
}

/** The token naming one categorical value, e.g. "genre=scifi". */
export function valueToken(attribute: string, value: string): string {
  return `${valueKey(attribute)}=${valueKey(value)}`;
}
