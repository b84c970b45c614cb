import { stem } from "../models/tokenizer.ts";
import type { RangeConstraint } from "../schemas/preferences.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { comparativeBases, HIGH_POLE, LOW_POLE } from "./comparatives.ts";
import { stemKey, vocabularyOf, type NumericAttribute } from "./vocabulary.ts";

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
  const vocab = vocabularyOf(ctx);
  const modifier = (words[at] === "more" || words[at] === "less") && words[at + 1] !== undefined;
  const length = modifier ? 2 : 1;
  const candidates = modifier ? [words[at + 1]] : comparativeBases(words[at]);
  for (const adjective of candidates) {
    const known = HIGH_POLE.has(adjective) || LOW_POLE.has(adjective);
    let attr = attributeForAdjective(ctx, adjective);
    let extra = 0;
    // "longer battery life", "bigger screens": a general comparative followed by the attribute's name
    for (let n = Math.min(vocab.maxWords, words.length - at - length); !attr && known && n >= 1; n--) {
      const run = words.slice(at + length, at + length + n);
      const name = vocab.attributeWords.get(run.join("")) ?? vocab.attributeWords.get(stemKey(run)) ?? vocab.unitWords.get(run.join(""));
      const numeric = name === undefined ? undefined : vocab.numeric.get(name);
      if (numeric) [attr, extra] = [numeric, n];
    }
    if (!attr) continue;
    let up = HIGH_POLE.has(adjective) ? true : LOW_POLE.has(adjective) ? false : true;
    if (words[at] === "less") up = !up;
    const median = feedMedian(ctx, attr, feed) ?? attr.median;
    // strictly beyond the median: one unit for whole numbers, one percent otherwise
    const step = attr.integer ? 1 : Math.round(Math.abs(median)) / 100;
    const bound = (x: number) => Math.round(x * 100) / 100;
    const range: RangeConstraint = up ? { attribute: attr.name, min: bound(median + step) } : { attribute: attr.name, max: bound(median - step) };
    return { range, length: length + extra };
  }
  return undefined;
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
