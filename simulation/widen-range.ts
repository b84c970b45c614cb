import type { NumberColumn } from "../catalog/catalog.ts";

/** A numeric limit a user would state: never equal to the target's value, rounded the way people round. */
export interface WidenedRange {
  min?: number;
  max?: number;
  framing: "limit" | "decade";
}

/** Years are spoken in decades; everything else by round limits. */
export function isYearLike(column: NumberColumn): boolean {
  return /year/i.test(column.name) || (column.min >= 1800 && column.max <= 2100 && Number.isInteger(column.min) && Number.isInteger(column.max));
}

/** Prices are capped ("under 80"); ratings, counts and the like are floored ("at least 4 stars"). */
export function isUpperLimited(column: NumberColumn): boolean {
  return /price|cost|fee|€|\$|£/i.test(column.name) || /^(EUR|USD|GBP|CHF|JPY|[€$£])$/i.test(column.spec.unit ?? "");
}

/**
 * A range containing `value` strictly inside, widened by `slack` (0 = as a user first says it, each step wider) and
 * jittered by `random`; null when the only honest limit would exclude nothing in the catalog.
 */
export function widenedRange(column: NumberColumn, value: number, random: () => number, slack = 0): WidenedRange | null {
  if (Number.isNaN(value)) return null;
  const range = isYearLike(column) ? yearRange(value, random, slack) : limitRange(column, value, random, slack);
  if (range.min !== undefined && range.min <= column.min) delete range.min;
  if (range.max !== undefined && range.max >= column.max) delete range.max;
  return range.min === undefined && range.max === undefined ? null : range;
}

function yearRange(year: number, random: () => number, slack: number): WidenedRange {
  const decade = Math.floor(year / 10) * 10;
  const inside = year % 10 !== 0 && year % 10 !== 9;
  if (slack === 0 && inside && random() < 0.5) return { min: decade, max: decade + 9, framing: "decade" };
  const extra = 10 * (slack + (random() < 0.5 ? 0 : 1));
  // the + 1 / + 2 keep the target strictly inside even when it sits on a decade's edge
  return random() < 0.5
    ? { min: Math.floor((year - 1) / 10) * 10 - extra, framing: "limit" }
    : { max: Math.ceil((year + 2) / 10) * 10 - 1 + extra, framing: "limit" };
}

function limitRange(column: NumberColumn, value: number, random: () => number, slack: number): WidenedRange {
  // counts ("reviews", "ratings") are whole numbers: never "at least 2.5 reviews"
  const integral = Number.isInteger(value) && Number.isInteger(column.min) && Number.isInteger(column.max);
  const step = (x: number) => Math.max(integral ? 1 : 0, stepOf(x));
  const niceRound = (x: number, round: (v: number) => number) => round(x / step(x)) * step(x);
  if (isUpperLimited(column)) {
    const max = niceRound(value * (1.15 + 0.5 * random()) * (1 + slack), Math.ceil);
    return { max: max > value ? max : niceRound(value + step(value), Math.ceil), framing: "limit" };
  }
  const min = niceRound(value * (0.55 + 0.3 * random()) / (1 + slack), Math.floor);
  return { min: min < value ? min : value - step(value), framing: "limit" };
}

/** The step people round to at this magnitude: 0.5 under 10, 5 under 100, 10 under 1000, then 100. */
function stepOf(x: number): number {
  const a = Math.abs(x);
  return a < 10 ? 0.5 : a < 100 ? 5 : a < 1000 ? 10 : 100;
}
