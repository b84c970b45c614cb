import type { CategoryColumn, NumberColumn } from "../catalog/catalog.ts";
import { stem } from "../models/tokenizer.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { CURRENCY_WORDS } from "./numbers.ts";

/** One categorical value in the catalog's spelling. */
export interface ValueRef {
  attribute: string;
  value: string;
}

/** What the parser knows about a numeric attribute, read from its column and schema. */
export interface NumericAttribute {
  name: string;
  /** every value is a whole number: strict bounds move by one */
  integer: boolean;
  /** whole numbers within 1000..2200: years, the target of decades and bare four-digit numbers */
  yearLike: boolean;
  /** whole, non-negative and not a year: a count ("50 people", "100 ratings") */
  countLike: boolean;
  /** unit is a currency code or a currency word/symbol names it */
  currency: boolean;
  /** minutes per unit when the unit is a duration, e.g. 1 for "min", 60 for "hours" */
  minutesPerUnit?: number;
  /** unit word, lower case */
  unit?: string;
  median: number;
  min: number;
  max: number;
}

/** Per-catalog lookup tables for grounding, built once per ToolContext. */
export interface Vocabulary {
  /** words of a value joined ("scifi", "filmnoir", "tshirts") → values */
  exact: Map<string, ValueRef[]>;
  /** stems of a value's words joined ("comedi", "tshirt") → values */
  stemmed: Map<string, ValueRef[]>;
  /** stemmed keys of at least five letters, for typo matching */
  typoKeys: string[];
  /** attribute name or synonym (words joined, exact and stemmed) → attribute */
  attributeWords: Map<string, string>;
  /** numeric attributes by name */
  numeric: Map<string, NumericAttribute>;
  /** numeric unit words → attribute */
  unitWords: Map<string, string>;
  /** stemmed unit words → attribute */
  unitStems: Map<string, string>;
  /** stem of a one-word name or synonym of a numeric attribute ("cheap", "new") → attribute */
  numericAdjectives: Map<string, string>;
  /** values of two or more words: stemmed key, word count and initials, for typo matching of whole runs */
  multiKeys: { key: string; words: number; initials: string }[];
  /** longest value or synonym, in words */
  maxWords: number;
}

const CURRENCY_CODES = new Set(["usd", "eur", "gbp", "jpy", "chf", "cad", "aud", "sek", "nok", "dkk", "inr", "cny"]);
const MINUTES: Record<string, number> = { s: 1 / 60, sec: 1 / 60, seconds: 1 / 60, min: 1, mins: 1, minute: 1, minutes: 1, h: 60, hr: 60, hrs: 60, hour: 60, hours: 60, day: 1440, days: 1440 };

/** Spellings of the same general unit ("km" = "kilometres"); a unit in one group is named by all of them. */
const UNIT_GROUPS: string[][] = [
  ["km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"],
  ["m", "metre", "metres", "meter", "meters"],
  ["mi", "mile", "miles"],
  ["cm", "centimetre", "centimetres", "centimeter", "centimeters"],
  ["mm", "millimetre", "millimetres", "millimeter", "millimeters"],
  ["inch", "inches"],
  ["ft", "foot", "feet"],
  ["kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"],
  ["g", "gram", "grams", "gr"],
  ["lb", "lbs"],
  ["l", "litre", "litres", "liter", "liters"],
  ["ml", "millilitre", "millilitres", "milliliter", "milliliters"],
  ["gb", "gigabyte", "gigabytes", "gig", "gigs"],
  ["tb", "terabyte", "terabytes"],
  ["mb", "megabyte", "megabytes"],
  ["w", "watt", "watts"],
  ["mah", "milliamp", "milliamps"],
  ["star", "stars"],
  ["page", "pages", "pp"],
  ["sqm", "m2", "square metres", "square meters"],
];

/** Lower-case words of a phrase ("Sci-Fi" → ["sci", "fi"], "Zuri & Wilde" → ["zuri", "wilde"]). */
export function phraseWords(text: string): string[] {
  return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Stemmed key of words: each word stemmed, joined. */
export function stemKey(words: string[]): string {
  return words.map(stem).join("");
}

const cache = new WeakMap<ToolContext, Vocabulary>();

/** The catalog's grounding tables (cached per context: no per-call catalog scans). */
export function vocabularyOf(ctx: ToolContext): Vocabulary {
  let vocab = cache.get(ctx);
  if (!vocab) {
    vocab = buildVocabulary(ctx);
    cache.set(ctx, vocab);
  }
  return vocab;
}

function push(map: Map<string, ValueRef[]>, key: string, ref: ValueRef): void {
  const list = map.get(key) ?? [];
  if (!list.some((r) => r.attribute === ref.attribute && r.value === ref.value)) list.push(ref);
  map.set(key, list);
}

function buildVocabulary(ctx: ToolContext): Vocabulary {
  const vocab: Vocabulary = { exact: new Map(), stemmed: new Map(), typoKeys: [], attributeWords: new Map(), numeric: new Map(), unitWords: new Map(), unitStems: new Map(), numericAdjectives: new Map(), multiKeys: [], maxWords: 1 };
  for (const column of ctx.catalog.columns.values()) {
    const names = [column.name, ...(column.spec.synonyms ?? [])];
    for (const name of names) {
      const words = phraseWords(name);
      if (words.length === 0) continue;
      vocab.maxWords = Math.max(vocab.maxWords, words.length);
      for (const key of [words.join(""), stemKey(words)]) if (!vocab.attributeWords.has(key)) vocab.attributeWords.set(key, column.name);
    }
    if (column.kind === "category") addValues(vocab, column);
    else addNumeric(vocab, column, ctx);
  }
  vocab.typoKeys = [...vocab.stemmed.keys()].filter((k) => k.length >= 5);
  addLearnedAliases(vocab, ctx);
  return vocab;
}

/** Learned aliases ("spooky" → genre Horror) where this catalog has the value; the catalog's own words win. */
function addLearnedAliases(vocab: Vocabulary, ctx: ToolContext): void {
  for (const alias of ctx.parserModel?.aliases ?? []) {
    const column = ctx.catalog.columns.get(alias.attribute);
    if (column?.kind !== "category" || column.spec.open || !column.vocabulary.includes(alias.value)) continue;
    const words = phraseWords(alias.phrase);
    const [exact, stemmed] = [words.join(""), stemKey(words)];
    if (words.length === 0 || vocab.exact.has(exact) || vocab.stemmed.has(stemmed)) continue;
    const ref = { attribute: alias.attribute, value: alias.value };
    vocab.maxWords = Math.max(vocab.maxWords, words.length);
    push(vocab.exact, exact, ref);
    push(vocab.stemmed, stemmed, ref);
  }
}

function addValues(vocab: Vocabulary, column: CategoryColumn): void {
  if (column.spec.open) return; // open vocabularies (tags) are matched by meaning, never offered as filter values
  for (const value of column.vocabulary) {
    const ref = { attribute: column.name, value };
    for (const variant of [value, value.replace(/&/g, " and ")]) {
      const words = phraseWords(variant);
      if (words.length === 0) continue;
      vocab.maxWords = Math.max(vocab.maxWords, words.length);
      push(vocab.exact, words.join(""), ref);
      push(vocab.stemmed, stemKey(words), ref);
      const key = stemKey(words);
      if (words.length >= 2 && !vocab.multiKeys.some((m) => m.key === key)) vocab.multiKeys.push({ key, words: words.length, initials: words.map((w) => w[0]).join("") });
    }
  }
}

function addNumeric(vocab: Vocabulary, column: NumberColumn, ctx: ToolContext): void {
  const { values } = column;
  let integer = true;
  for (let i = 0; i < values.length && integer; i++) if (!Number.isNaN(values[i]) && !Number.isInteger(values[i])) integer = false;
  const unit = column.spec.unit?.toLowerCase();
  const names = [column.name, ...(column.spec.synonyms ?? [])].map((s) => s.toLowerCase());
  const currency = (unit !== undefined && (CURRENCY_CODES.has(unit) || CURRENCY_WORDS.has(unit))) || names.some((n) => CURRENCY_WORDS.has(n) || /^[$€£]$/.test(n));
  const yearLike = integer && column.min >= 1000 && column.max <= 2200;
  const entry = ctx.index.attribute(column.name);
  const sorted = entry?.kind === "number" ? entry.sorted : new Float64Array(0);
  const attr: NumericAttribute = {
    name: column.name,
    integer,
    yearLike,
    countLike: integer && column.min >= 0 && !yearLike,
    currency,
    unit,
    median: sorted.length > 0 ? sorted[sorted.length >> 1] : (column.min + column.max) / 2,
    min: column.min,
    max: column.max,
  };
  if (unit && MINUTES[unit] !== undefined) attr.minutesPerUnit = MINUTES[unit];
  vocab.numeric.set(column.name, attr);
  for (const name of names) {
    const words = phraseWords(name);
    if (words.length === 1 && !vocab.numericAdjectives.has(stem(words[0]))) vocab.numericAdjectives.set(stem(words[0]), column.name);
  }
  const spellings = unit ? UNIT_GROUPS.find((g) => g.includes(unit)) ?? [unit] : [];
  for (const spelling of spellings) {
    const key = phraseWords(spelling).join("");
    if (key && !vocab.unitWords.has(key)) vocab.unitWords.set(key, column.name);
    if (key && !vocab.unitStems.has(stem(key))) vocab.unitStems.set(stem(key), column.name);
  }
}
