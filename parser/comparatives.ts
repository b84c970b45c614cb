/**
 * General English gradable adjectives and their comparatives: which direction of a numeric scale they point to.
 * Nothing here names a catalog's values; a catalog ties an adjective to an attribute through its schema synonyms.
 */

/** Adjectives whose comparative lowers a value ("cheaper", "older", "shorter", "closer", "lighter"). */
export const LOW_POLE = new Set([
  "cheap", "affordable", "inexpensive", "budget", "old", "short", "small", "low", "few", "obscure", "early", "light",
  "slow", "quick", "close", "near", "thin", "narrow", "tiny", "compact", "little", "young",
]);
/** Adjectives whose comparative raises a value ("pricier", "newer", "longer", "bigger", "farther"). */
export const HIGH_POLE = new Set([
  "expensive", "pricey", "costly", "new", "recent", "long", "big", "large", "high", "popular", "famous", "late", "heavy",
  "rated", "mainstream", "good", "well-known", "far", "distant", "wide", "tall", "thick", "huge", "strong",
]);

/** Irregular comparatives of general English. */
const IRREGULAR: Record<string, string> = { better: "good", worse: "bad", less: "little", fewer: "few", farther: "far", further: "far", elder: "old" };

/**
 * Candidate base forms of a comparative: "cheaper" → [cheap], "pricier" → [pricy, pricey], "bigger" → [big],
 * "closer" → [clos, close], "larger" → [larg, large]; empty when the word is not a comparative.
 */
export function comparativeBases(word: string): string[] {
  if (IRREGULAR[word]) return [IRREGULAR[word]];
  if (word.endsWith("ier")) return [word.slice(0, -3) + "y", word.slice(0, -3) + "ey"];
  if (!word.endsWith("er") || word.length < 5) return [];
  const base = word.slice(0, -2);
  if (/([bdgmnpt])\1$/.test(base)) return [base.slice(0, -1)];
  return [base, base + "e"];
}

/** The pole a comparative points to ("cheaper" → low, "bigger" → high), when its base is a known gradable adjective. */
export function comparativePole(word: string): { base: string; up: boolean } | undefined {
  for (const base of comparativeBases(word)) {
    if (HIGH_POLE.has(base)) return { base, up: true };
    if (LOW_POLE.has(base)) return { base, up: false };
  }
  return undefined;
}
