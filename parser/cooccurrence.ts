import { stem, tokenize } from "../models/tokenizer.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import type { ValueRef } from "./vocabulary.ts";

/**
 * Grounding by co-occurrence in the catalog's own text: a word the user says that the catalog's titles and
 * descriptions use only for items of one value ("poems" → the Poetry items, "phone" → the smartphones) names that
 * value, when most items of that value use the word too (it names the value rather than a theme within it). Learned from the catalog, so it names nothing of any particular catalog.
 */

/** The word must occur in at least this many items ... */
const MIN_ITEMS = 3;
/** ... nearly all of which carry the value ... */
const MIN_PURITY = 0.9;
/** ... and most items of the value must mention it too: a name of the value, not a sub-topic ("zombies" ⊂ horror) ... */
const MIN_COVERAGE = 0.6;
/** ... and the value must single out a minority of the catalog (not "everything is a book"). */
const MAX_SHARE = 0.5;
/** Catalogs larger than this are not indexed (the scan is once per catalog, but memory grows with the text). */
const MAX_ITEMS = 200_000;

// keyed by the catalog, not the context: contexts that differ only in their parser model share it
const cache = new WeakMap<ToolContext["catalog"], Map<string, number[]>>();

/** Stemmed content word → items whose title or description holds it (built once per catalog). */
function postingsOf(ctx: ToolContext): Map<string, number[]> {
  let postings = cache.get(ctx.catalog);
  if (postings) return postings;
  postings = new Map();
  const { titles, descriptions } = ctx.catalog;
  if (titles.length <= MAX_ITEMS) {
    for (let i = 0; i < titles.length; i++) {
      for (const token of new Set(tokenize(`${titles[i]} ${descriptions[i] ?? ""}`))) {
        const list = postings.get(token);
        if (list) list.push(i);
        else postings.set(token, [i]);
      }
    }
  }
  cache.set(ctx.catalog, postings);
  return postings;
}

/** The one categorical value nearly every item mentioning the word carries, or null. */
export function cooccurrenceMatch(ctx: ToolContext, word: string): ValueRef | null {
  if (word.length < 2 || !/^\p{L}+$/u.test(word)) return null;
  const postings = postingsOf(ctx);
  const keys = [stem(word)];
  if (word.length <= 4 && word.endsWith("s")) keys.push(stem(word.slice(0, -1))); // "tvs" → tv
  const items = keys.map((k) => postings.get(k)).find((list) => list !== undefined);
  if (!items || items.length < MIN_ITEMS) return null;
  const size = ctx.catalog.titles.length;
  let best: ValueRef | null = null;
  let bestPurity = 0;
  let tie = false;
  for (const column of ctx.catalog.columns.values()) {
    if (column.kind !== "category" || column.spec.open) continue;
    const counts = new Map<number, number>();
    for (const i of items) for (let k = column.offsets[i]; k < column.offsets[i + 1]; k++) counts.set(column.codes[k], (counts.get(column.codes[k]) ?? 0) + 1);
    for (const [code, count] of counts) {
      const purity = count / items.length;
      if (purity < MIN_PURITY || count / column.counts[code] < MIN_COVERAGE || column.counts[code] / size > MAX_SHARE) continue;
      if (purity > bestPurity) [best, bestPurity, tie] = [{ attribute: column.name, value: column.vocabulary[code] }, purity, false];
      else if (purity === bestPurity) tie = true;
    }
  }
  return tie ? null : best;
}
