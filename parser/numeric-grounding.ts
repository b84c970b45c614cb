import type { RangeConstraint } from "../schemas/preferences.ts";
import { CURRENCY_WORDS, type NumericMention } from "./numbers.ts";
import { stemKey, type NumericAttribute, type Vocabulary } from "./vocabulary.ts";

/** Nouns for people that make a number a count ("rated by 50 people"); general English. */
const COUNT_NOUNS = new Set(["people", "users", "viewers", "votes", "voters", "reviewers", "customers", "buyers", "raters", "persons", "readers", "diners", "fans"]);
const TIME_WORDS: Record<string, number> = { min: 1, mins: 1, minute: 1, minutes: 1, h: 60, hr: 60, hrs: 60, hour: 60, hours: 60 };
/** "around 200" is read as 200 ± 15%; a year ± 2. */
const APPROX_SHARE = 0.15;
const APPROX_YEARS = 2;

function numericNamed(vocab: Vocabulary, words: string[]): NumericAttribute | undefined {
  const exact = words.join("");
  const stemmed = stemKey(words);
  const name = vocab.unitWords.get(exact) ?? vocab.attributeWords.get(exact) ?? vocab.attributeWords.get(stemmed) ?? vocab.unitStems.get(stemmed);
  return name === undefined ? undefined : vocab.numeric.get(name);
}

/** The attribute a number is about, and the factor its value is scaled by (2 hours → 120 minutes). */
export function attributeOf(vocab: Vocabulary, m: NumericMention): { attr: NumericAttribute; scale: number } | undefined {
  const all = [...vocab.numeric.values()];
  const unit = m.after[0];
  if (unit !== undefined && !m.yearLike) {
    if (CURRENCY_WORDS.has(unit)) {
      const attr = all.find((a) => a.currency);
      if (attr) return { attr, scale: 1 };
    }
    if (TIME_WORDS[unit] !== undefined) {
      const attr = all.find((a) => a.minutesPerUnit !== undefined);
      if (attr) return { attr, scale: TIME_WORDS[unit] / attr.minutesPerUnit! };
    }
    if (COUNT_NOUNS.has(unit)) {
      const attr = all.find((a) => a.countLike);
      if (attr) return { attr, scale: 1 };
    }
    const named = numericNamed(vocab, [unit]) ?? (m.after[1] ? numericNamed(vocab, m.after) : undefined);
    if (named) return { attr: named, scale: 1 };
  }
  if (m.currency) {
    const attr = all.find((a) => a.currency);
    if (attr) return { attr, scale: 1 };
  }
  if (m.yearLike) {
    const attr = all.find((a) => a.yearLike);
    if (attr) return { attr, scale: 1 };
  }
  for (let end = m.before.length; end > 0; end--) {
    for (let n = Math.min(vocab.maxWords, end); n >= 1; n--) {
      const named = numericNamed(vocab, m.before.slice(end - n, end));
      if (named) return { attr: named, scale: 1 };
    }
  }
  // nothing names the attribute: only a plain attribute whose values span the number is a safe guess
  const value = m.min ?? m.max ?? 0;
  // (a count with a unit, such as pages, is a measure like any other; a bare count, such as ratings, is not guessed)
  const fitting = all.filter((a) => !a.yearLike && (!a.countLike || a.unit !== undefined) && value >= a.min && value <= a.max);
  const currency = fitting.find((a) => a.currency);
  if (currency) return { attr: currency, scale: 1 };
  return fitting.length === 1 ? { attr: fitting[0], scale: 1 } : undefined;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** A numeric mention as a range on the catalog attribute it names; undefined when no attribute fits. */
export function groundNumber(vocab: Vocabulary, m: NumericMention, sibling?: NumericAttribute): RangeConstraint | undefined {
  let found = attributeOf(vocab, m);
  // "at least 300 but no more than 600 pages": a number naming nothing takes the attribute its sibling names
  const value = m.min ?? m.max;
  if (!found && sibling && value !== undefined && value >= sibling.min && value <= sibling.max && !m.currency) found = { attr: sibling, scale: 1 };
  if (!found) return undefined;
  const { attr, scale } = found;
  let min = m.min === undefined ? undefined : m.min * scale;
  let max = m.max === undefined ? undefined : m.max * scale;
  if (m.approx && min !== undefined && min === max) {
    const spread = attr.yearLike ? APPROX_YEARS : Math.abs(min) * APPROX_SHARE;
    [min, max] = [min - spread, max + spread];
  }
  if (attr.integer) {
    if (min !== undefined) min = m.strictMin ? Math.floor(min) + 1 : Math.ceil(min);
    if (max !== undefined) max = m.strictMax ? Math.ceil(max) - 1 : Math.floor(max);
  }
  const range: RangeConstraint = { attribute: attr.name };
  if (min !== undefined) range.min = round(min);
  if (max !== undefined) range.max = round(max);
  return range.min !== undefined && range.max !== undefined && range.min > range.max ? undefined : range;
}
