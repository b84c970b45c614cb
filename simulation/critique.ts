import type { Catalog } from "../catalog/catalog.ts";
import type { Preferences } from "../schemas/preferences.ts";
import { closedCategories, hasValue } from "./target-facts.ts";

/** A value the feed shows far more often than the catalog holds it, and the target does not have. */
export interface Overrepresented {
  attribute: string;
  value: string;
  /** share of the feed minus share of the catalog */
  excess: number;
}

/**
 * What a user would critique in this feed ("fewer sneakers"): values on at least `minShare` of the shown items and
 * over-represented against the catalog, that the target lacks and the memory does not already mention; best first.
 */
export function overrepresented(catalog: Catalog, feed: ArrayLike<number>, target: number, memory: Preferences, minShare = 0.3): Overrepresented[] {
  if (feed.length === 0) return [];
  const mentioned = new Set(
    [...memory.positive.hard, ...memory.positive.soft, ...memory.negative.hard, ...memory.negative.soft]
      .flatMap((c) => ("values" in c ? c.values.map((v) => `${c.attribute}\0${v}`) : [])),
  );
  const out: Overrepresented[] = [];
  for (const column of closedCategories(catalog)) {
    const counts = new Map<number, number>();
    for (let k = 0; k < feed.length; k++) {
      const item = feed[k];
      for (let q = column.offsets[item]; q < column.offsets[item + 1]; q++) counts.set(column.codes[q], (counts.get(column.codes[q]) ?? 0) + 1);
    }
    for (const [code, count] of counts) {
      const value = column.vocabulary[code];
      const share = count / feed.length;
      const excess = share - column.counts[code] / catalog.size;
      if (share < minShare || excess <= 0.1 || hasValue(column, target, value) || mentioned.has(`${column.name}\0${value}`)) continue;
      out.push({ attribute: column.name, value, excess });
    }
  }
  return out.sort((a, b) => b.excess - a.excess || a.attribute.localeCompare(b.attribute) || a.value.localeCompare(b.value));
}
