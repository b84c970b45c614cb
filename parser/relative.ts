import { stem } from "../models/tokenizer.ts";
import type { RangeConstraint } from "../schemas/preferences.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { vocabularyOf, type NumericAttribute } from "./vocabulary.ts";

/** Adjectives whose comparative lowers a value ("cheaper", "older", "shorter"); general English. */
const LOW_POLE = new Set(["cheap", "affordable", "inexpensive", "budget", "old", "short", "small", "low", "few", "obscure", "early", "light", "slow", "quick"]);
/** Adjectives whose comparative raises a value ("pricier", "newer", "longer"). */
const HIGH_POLE = new Set(["expensive", "pricey", "costly", "new", "recent", "long", "big", "large", "high", "popular", "famous", "late", "heavy", "rated", "mainstream", "good", "well-known"]);

/** "cheaper" → cheap, "pricier" → pricey, "bigger" → big, "newer" → new; undefined when not a comparative. */
export function comparativeBase(word: string): string | undefined {
  if (word.endsWith("ier")) return word.slice(0, -3) + "y";
  if (!word.endsWith("er") || word.length < 5) return undefined;
  const base = word.slice(0, -2);
  return /([bdgmnpt])\1$/.test(base) ? base.slice(0, -1) : base;
}

const CURRENCY_ADJECTIVES = new Set(["cheap", "expensive", "pricey", "costly", "affordable", "inexpensive", "budget"]);

/** The numeric attribute an adjective names through its name or one-word synonyms ("cheap" → price). */
function attributeForAdjective(ctx: ToolContext, adjective: string): NumericAttribute | undefined {
  const vocab = vocabularyOf(ctx);
  const name = vocab.numericAdjectives.get(stem(adjective));
  if (name !== undefined) return vocab.numeric.get(name);
  return CURRENCY_ADJECTIVES.has(adjective) ? [...vocab.numeric.values()].find((a) => a.currency) : undefined;
}

/**
 * A bound relative to what the user sees: "cheaper" → price at most below the feed's median, "newer" → year
 * above it. `more`/`less` before an adjective ("more popular", "less expensive") set the direction too.
 * Falls back to the catalog median when no feed item has a value.
 */
export function relativeRange(ctx: ToolContext, words: string[], at: number, feed: string[]): { range: RangeConstraint; length: number } | undefined {
  let adjective = comparativeBase(words[at]);
  let up: boolean | undefined;
  let length = 1;
  if (adjective === undefined && (words[at] === "more" || words[at] === "less") && words[at + 1]) {
    adjective = words[at + 1];
    length = 2;
  }
  if (adjective === undefined) return undefined;
  const attr = attributeForAdjective(ctx, adjective);
  if (!attr) return undefined;
  up = HIGH_POLE.has(adjective) ? true : LOW_POLE.has(adjective) ? false : true;
  if (words[at] === "less") up = !up;
  const median = feedMedian(ctx, attr, feed) ?? attr.median;
  // strictly beyond the median: one unit for whole numbers, one percent otherwise
  const step = attr.integer ? 1 : Math.round(Math.abs(median)) / 100;
  const bound = (x: number) => Math.round(x * 100) / 100;
  const range: RangeConstraint = up ? { attribute: attr.name, min: bound(median + step) } : { attribute: attr.name, max: bound(median - step) };
  return { range, length };
}

function feedMedian(ctx: ToolContext, attr: NumericAttribute, feed: string[]): number | undefined {
  const column = ctx.catalog.columns.get(attr.name);
  if (column?.kind !== "number") return undefined;
  const values: number[] = [];
  for (const id of feed) {
    const i = ctx.catalog.indexOf.get(id);
    if (i !== undefined && !Number.isNaN(column.values[i])) values.push(column.values[i]);
  }
  if (values.length === 0) return undefined;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}
