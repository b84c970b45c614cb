import { emptyPreferences, type Constraint, type Preferences } from "../../schemas/preferences.ts";

/**
 * Three small catalogs of other domains (books, restaurants, electronics) in the generic folder format, with
 * hand-written commands and gold P_{t+1}. Items are generated deterministically; nothing in the parser names them.
 */
export interface OtherItem {
  id: string;
  title: string;
  description: string;
  attributes: Record<string, string | string[] | number>;
}

export interface OtherCase {
  id: string;
  command: string;
  memory?: Preferences;
  feed?: string[];
  gold: Preferences;
  tags?: string[];
}

export interface OtherCatalog {
  name: string;
  schema: { attributes: Record<string, { type: "number" | "category"; multi?: boolean; unit?: string; synonyms?: string[] }> };
  items: OtherItem[];
  cases: OtherCase[];
}

/** Small deterministic generator (LCG); the fixtures' gold answers depend on its exact stream. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
export const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];
export const between = (r: () => number, lo: number, hi: number) => lo + r() * (hi - lo);
export const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

export const cat = (attribute: string, ...values: string[]): Constraint => ({ attribute, values });
export const range = (attribute: string, min?: number, max?: number): Constraint => {
  const c = { attribute } as { attribute: string; min?: number; max?: number };
  if (min !== undefined) c.min = min;
  if (max !== undefined) c.max = max;
  return c as Constraint;
};
export const text = (t: string): Constraint => ({ attribute: "text", text: t });
export const item = (...ids: string[]): Constraint => ({ attribute: "item", values: ids });

/** Preferences from bucket lists: ph positive hard, ps positive soft, nh negative hard, ns negative soft. */
export function P(b: { ph?: Constraint[]; ps?: Constraint[]; nh?: Constraint[]; ns?: Constraint[] } = {}): Preferences {
  const p = emptyPreferences();
  p.positive.hard.push(...(b.ph ?? []));
  p.positive.soft.push(...(b.ps ?? []));
  p.negative.hard.push(...(b.nh ?? []));
  p.negative.soft.push(...(b.ns ?? []));
  return p;
}

/** Median of a numeric attribute over feed items (what relative commands are measured against). */
export function feedMedian(items: OtherItem[], attribute: string, feed: string[]): number {
  const values = feed.map((id) => items.find((i) => i.id === id)!.attributes[attribute] as number).sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}
