import { comparativePole } from "./comparatives.ts";

/**
 * Numeric expressions of general English: "under $50", "90s", "the nineties", "between 1995 and 2005",
 * "2015 or newer", "4+", "around 200", "at least 100 ratings". Attribution to a catalog attribute happens in `ground`.
 */
export interface NumericMention {
  min?: number;
  max?: number;
  /** bound given by a strict comparison ("after 2010", "under 50"): integer attributes move it by one */
  strictMin?: boolean;
  strictMax?: boolean;
  /** "around 200": the parser widens it by a tolerance */
  approx?: boolean;
  /** a decade or a bare four-digit number: a year */
  yearLike: boolean;
  /** a currency symbol or word was attached */
  currency?: boolean;
  /** the word(s) right after the number (its unit, if any) */
  after: string[];
  /** the words of the clause before the expression, nearest last */
  before: string[];
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80,
  ninety: 90, hundred: 100, thousand: 1000, half: 0.5, a: 1, thirteen: 13, fourteen: 14, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, dozen: 12,
};
const TENS = new Set(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]);
const UNITS = new Set(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]);
const DECADE_WORDS: Record<string, number> = {
  twenties: 1920, thirties: 1930, forties: 1940, fifties: 1950, sixties: 1960, seventies: 1970, eighties: 1980,
  nineties: 1990, noughties: 2000, aughts: 2000,
};
const CURRENCY_SYMBOLS = new Set(["$", "€", "£"]);
export const CURRENCY_WORDS = new Set(["dollar", "dollars", "usd", "euro", "euros", "eur", "pound", "pounds", "gbp", "bucks", "quid"]);

type Bound = "min" | "max";
/** comparator phrase → which bound it sets and whether it is strict */
const BEFORE: [string, Bound | "approx", boolean][] = [
  ["less than", "max", true], ["fewer than", "max", true], ["lower than", "max", true], ["cheaper than", "max", true],
  ["shorter than", "max", true], ["older than", "max", true], ["earlier than", "max", true], ["no more than", "max", false],
  ["not more than", "max", false], ["at most", "max", false], ["up to", "max", false], ["under", "max", true],
  ["below", "max", true], ["before", "max", true], ["prior to", "max", true], ["until", "max", false], ["till", "max", false],
  ["max", "max", false], ["maximum", "max", false], ["within", "max", false], ["more than", "min", true],
  ["greater than", "min", true], ["higher than", "min", true], ["longer than", "min", true], ["newer than", "min", true],
  ["later than", "min", true], ["pricier than", "min", true], ["no less than", "min", false], ["at least", "min", false],
  ["over", "min", true], ["above", "min", true], ["after", "min", true], ["since", "min", false], ["min", "min", false],
  ["minimum", "min", false], ["starting", "min", false], ["around", "approx", false], ["about", "approx", false],
  ["approximately", "approx", false], ["roughly", "approx", false], ["circa", "approx", false], ["~", "approx", false],
  ["close to", "approx", false], ["something like", "approx", false],
];
const AFTER: [string, Bound][] = [
  ["or more", "min"], ["or higher", "min"], ["or above", "min"], ["or newer", "min"], ["or later", "min"], ["or over", "min"],
  ["or better", "min"], ["and up", "min"], ["and above", "min"], ["and over", "min"], ["and later", "min"], ["+", "min"],
  ["plus", "min"], ["onwards", "min"], ["or less", "max"], ["or lower", "max"], ["or under", "max"], ["or below", "max"],
  ["or older", "max"], ["or earlier", "max"], ["or cheaper", "max"], ["and under", "max"], ["and below", "max"],
  ["and less", "max"], ["max", "max"], ["tops", "max"], ["at most", "max"], ["or fewer", "max"], ["maximum", "max"],
  ["at the most", "max"], ["min", "min"], ["minimum", "min"], ["at least", "min"], ["at the least", "min"],
];
/** Words that may stand between a number and a trailing bound ("12 hours of battery at least"). */
const NOT_BETWEEN = new Set(["and", "or", "but", "than", "to", "not", "no"]);

/** Phrase tables split once and keyed by first word. */
function byFirstWord<T>(table: [string, ...T[]][]): Map<string, { words: string[]; row: [string, ...T[]] }[]> {
  const map = new Map<string, { words: string[]; row: [string, ...T[]] }[]>();
  for (const row of table) {
    const words = row[0].split(" ");
    map.set(words[0], [...(map.get(words[0]) ?? []), { words, row }]);
  }
  return map;
}
const BEFORE_BY_WORD = byFirstWord(BEFORE as [string, ...(Bound | "approx" | boolean)[]][]);
const AFTER_BY_WORD = byFirstWord(AFTER as [string, ...Bound[]][]);

function phraseAt(tokens: string[], i: number, words: string[]): number {
  return words.every((w, k) => tokens[i + k] === w) ? words.length : 0;
}

/** A number, decade or number word at `tokens[i]`: its value(s) and how many tokens it spans. */
function quantityAt(tokens: string[], i: number): { lo: number; hi: number; yearLike: boolean; currency: boolean; length: number } | undefined {
  let k = i;
  let currency = false;
  if (tokens[k] === "the") k++;
  const part = tokens[k] === "early" || tokens[k] === "mid" || tokens[k] === "late" ? tokens[k] : undefined;
  if (part) k++;
  if (CURRENCY_SYMBOLS.has(tokens[k])) [currency, k] = [true, k + 1];
  const t = tokens[k];
  if (t === undefined) return undefined;
  const decade = /^(\d{2}|\d{4})s$/.exec(t);
  let start: number | undefined;
  if (decade) start = decade[1].length === 4 ? Number(decade[1]) : Number(decade[1]) + (Number(decade[1]) < 30 ? 2000 : 1900);
  else if (DECADE_WORDS[t] !== undefined) start = DECADE_WORDS[t];
  if (start !== undefined) {
    const [lo, hi] = part === "early" ? [start, start + 3] : part === "mid" ? [start + 3, start + 6] : part === "late" ? [start + 6, start + 9] : [start, start + 9];
    return { lo, hi, yearLike: true, currency, length: k + 1 - i };
  }
  let value: number | undefined = /^\d+(\.\d+)?$/.test(t) ? Number(t) : NUMBER_WORDS[t];
  if (value === undefined || (t === "a" && tokens[k + 1] !== "hundred" && tokens[k + 1] !== "thousand")) return undefined;
  if (t === "one" && !/^(hundred|thousand|star|stars|hour|hours|dollar|euro|pound)$/.test(tokens[k + 1] ?? "")) return undefined;
  let length = k + 1 - i;
  // "twenty five" (the hyphen of "twenty-five" is dropped by normalize)
  if (TENS.has(t) && UNITS.has(tokens[k + 1] ?? "")) [value, length, k] = [value + NUMBER_WORDS[tokens[k + 1]], length + 1, k + 1];
  if (tokens[k + 1] === "hundred" || tokens[k + 1] === "thousand") [value, length] = [value * NUMBER_WORDS[tokens[k + 1]], length + 1];
  const yearLike = /^\d{4}$/.test(t) && value >= 1800 && value <= 2100 && !currency;
  return { lo: value, hi: value, yearLike, currency, length };
}

/** Finds numeric expressions; returns them with the token spans they cover ([start, end)). */
export function findNumbers(tokens: string[]): { mention: NumericMention; start: number; end: number }[] {
  const out: { mention: NumericMention; start: number; end: number }[] = [];
  let clauseStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (/^[,.;!?]$/.test(tokens[i]) || tokens[i] === "and" || tokens[i] === "but") clauseStart = i + 1;
    let start = i;
    let bound: Bound | "approx" | "between" | undefined;
    let strict = false;
    let j = i;
    if (tokens[i] === "between" || tokens[i] === "from") [bound, j] = [tokens[i] === "between" ? "between" : undefined, i + 1];
    else {
      for (const { words, row } of BEFORE_BY_WORD.get(tokens[i]) ?? []) {
        const n = phraseAt(tokens, i, words);
        if (n > 0) {
          [bound, strict, j] = [row[1] as Bound | "approx", row[2] as boolean, i + n];
          break;
        }
      }
    }
    const pole = bound === undefined && tokens[i + 1] === "than" ? comparativePole(tokens[i]) : undefined;
    // "lighter than 1.5 kg", "bigger than 15 inches", "closer than 2 km": a gradable comparative sets a strict bound
    if (pole) [bound, strict, j] = [pole.up ? "min" : "max", true, i + 2];
    const q = quantityAt(tokens, j);
    if (!q) continue;
    const mention: NumericMention = { yearLike: q.yearLike, after: [], before: tokens.slice(clauseStart, start).filter((w) => w !== "#") };
    if (q.currency) mention.currency = true;
    let end = j + q.length;
    let unitWords: string[] | undefined;
    const second = tokens[end] === "and" || tokens[end] === "to" || tokens[end] === "-" ? quantityAt(tokens, end + 1) : undefined;
    if (second && (bound === "between" || tokens[i] === "from" || tokens[end] !== "and")) {
      [mention.min, mention.max] = [Math.min(q.lo, second.lo), Math.max(q.hi, second.hi)];
      mention.yearLike ||= second.yearLike;
      mention.currency ||= second.currency;
      end += 1 + second.length;
    } else if (bound === "min" || bound === "max") {
      mention[bound] = bound === "min" ? q.lo : q.hi;
      if (strict) mention[bound === "min" ? "strictMin" : "strictMax"] = true;
    } else {
      let post: Bound | undefined;
      // "4 or more", and "4 stars or more", "12 hours of battery at least" with the unit (and its noun) in between
      for (let skip = 0; skip <= 3; skip++) {
        if (skip > 0 && (!/^[a-z]+$/.test(tokens[end + skip - 1] ?? "") || NOT_BETWEEN.has(tokens[end + skip - 1]))) break;
        for (const { words, row } of AFTER_BY_WORD.get(tokens[end + skip]) ?? []) {
          const n = phraseAt(tokens, end + skip, words);
          if (n === 0) continue;
          // a bound after words that a number follows belongs to that number ("4 stars at least 100 reviews")
          if (skip > 0 && quantityAt(tokens, end + skip + n)) continue;
          if (skip > 0) unitWords = tokens.slice(end, end + skip);
          [post, end] = [row[1] as Bound, end + skip + n];
          break;
        }
        if (post) break;
      }
      if (post) mention[post] = post === "min" ? q.lo : q.hi;
      else [mention.min, mention.max] = [q.lo, q.hi];
      if (bound === "approx" || (!post && !q.yearLike && q.lo === q.hi)) mention.approx = true;
    }
    const unit = unitWords ?? tokens.slice(end, end + 2).filter((w) => !/^[,.;!?]$/.test(w));
    mention.after = unit;
    if (unit.some((w) => CURRENCY_WORDS.has(w))) mention.currency = true;
    if (start > i) start = i;
    out.push({ mention, start, end });
    i = end - 1;
    clauseStart = end;
  }
  return out;
}
