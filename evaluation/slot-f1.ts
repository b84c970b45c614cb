/**
 * Parser slot-F1: predicted vs gold Preferences, slot by slot, as defined by shared/eval/score-parser.mjs and
 * "Comparison rules used by evaluation" in shared/spec/preferences.md (a faithful port; a test checks it against the
 * reference on the dev set). Each categorical value, numeric range, text and item id is one slot; slots pair up
 * one-to-one, best pair first; strict needs the same polarity, strength and attribute, lenient ignores hard/soft.
 * Inputs are `unknown` because a parser may emit malformed constraints: those count as slots that match nothing.
 */
import { normKey, textOverlap } from "./slot-text.ts";

type Polarity = "positive" | "negative";
type Strength = "hard" | "soft";
const BUCKETS: [Polarity, Strength][] = [["positive", "hard"], ["positive", "soft"], ["negative", "hard"], ["negative", "soft"]];
const DEFAULT_OPEN = ["tag", "tags"];

export interface Slot {
  bucket: string;
  polarity: Polarity;
  strength: Strength;
  kind: "cat" | "num" | "text" | "item" | "invalid";
  attr: string;
  value?: string;
  raw?: string;
  text?: string;
  min?: number | null;
  max?: number | null;
}

const toNum = (v: unknown): number | null => {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
};
const isYear = (attr: string) => attr.includes("year");

/** A Preferences-shaped value as slots; anything that fits no kind is one invalid slot. */
export function extractSlots(prefs: unknown): Slot[] {
  const slots: Slot[] = [];
  if (prefs == null || typeof prefs !== "object") return slots;
  const p = prefs as Record<string, Record<string, unknown> | undefined>;
  for (const [polarity, strength] of BUCKETS) {
    const list = p[polarity]?.[strength];
    if (!Array.isArray(list)) continue;
    const base = { bucket: `${polarity}.${strength}`, polarity, strength };
    for (const c of list as unknown[]) {
      if (!c || typeof c !== "object") {
        slots.push({ ...base, kind: "invalid", attr: "" });
        continue;
      }
      const k = c as Record<string, unknown>;
      const attr = normKey(k.attribute);
      const hasBounds = k.min !== undefined || k.max !== undefined;
      if (attr === "text" || (typeof k.text === "string" && k.values === undefined && !hasBounds)) {
        const text = typeof k.text === "string" && k.text.trim() !== "" ? k.text : null;
        slots.push(text ? { ...base, kind: "text", attr, text } : { ...base, kind: "invalid", attr });
        continue;
      }
      if (Array.isArray(k.values)) {
        const kind = attr === "item" ? "item" : "cat";
        for (const v of k.values) {
          const ok = (typeof v === "string" || typeof v === "number") && normKey(v) !== "";
          if (!ok) slots.push({ ...base, kind: "invalid", attr });
          else slots.push({ ...base, kind, attr, raw: String(v), value: kind === "item" ? String(v).trim() : normKey(v) });
        }
        continue;
      }
      const min = toNum(k.min);
      const max = toNum(k.max);
      if ((min === null) !== (max === null) && polarity === "negative" && strength === "hard") {
        // "nothing before 1990" (negative max 1989) and "1990 or later" (positive min 1990) say the same thing
        const step = isYear(attr) ? 1 : 0;
        slots.push({
          bucket: "positive.hard", polarity: "positive", strength: "hard", kind: "num", attr,
          min: max !== null ? max + step : null, max: min !== null ? min - step : null,
        });
      } else if (min !== null || max !== null) slots.push({ ...base, kind: "num", attr, min, max });
      else slots.push({ ...base, kind: "invalid", attr });
    }
  }
  return slots;
}

/** In (0, 1] when every gold bound is within tolerance (years ±1, else ±10%) and no extra bound is predicted. */
function numericQuality(g: Slot, p: Slot): number | null {
  const year = isYear(g.attr);
  let deviation = 0;
  let n = 0;
  for (const key of ["min", "max"] as const) {
    const gv = g[key] ?? null;
    const pv = p[key] ?? null;
    if (gv === null) {
      if (pv !== null) return null;
      continue;
    }
    if (pv === null) return null;
    const tolerance = year ? 1 : 0.1 * Math.abs(gv);
    const d = Math.abs(pv - gv);
    if (d > tolerance + 1e-9 * Math.max(1, Math.abs(gv))) return null;
    deviation += tolerance > 0 ? d / tolerance : 0;
    n++;
  }
  return n === 0 ? null : 1 - 0.5 * (deviation / n);
}

export interface MatchOptions {
  lenient?: boolean;
  /** attributes whose categorical values may match a gold text (default tag, tags) */
  open?: Set<string>;
}

/** Pair score (higher is better), or null when the predicted slot cannot match the gold one. */
export function pairScore(g: Slot, p: Slot, { lenient = false, open = new Set(DEFAULT_OPEN) }: MatchOptions = {}): number | null {
  if (g.polarity !== p.polarity) return null;
  const sameStrength = g.strength === p.strength;
  if (!lenient && !sameStrength) return null;
  let q: number | null = null;
  if (g.kind === "cat") {
    if (p.kind === "cat" && p.attr === g.attr && p.value === g.value) q = 1;
  } else if (g.kind === "item") {
    if (p.kind === "item" && p.value === g.value) q = 1;
  } else if (g.kind === "num") {
    if (p.kind === "num" && p.attr === g.attr) q = numericQuality(g, p);
  } else if (g.kind === "text") {
    let o: number | null = null;
    if (p.kind === "text" && p.attr === g.attr) o = textOverlap(g.text!, p.text!);
    else if (p.kind === "cat" && open.has(p.attr)) o = textOverlap(g.text!, p.raw!) - 1e-6; // text-text wins ties
    if (o !== null && o >= 0.5 - 1e-6) q = o;
  }
  if (q === null) return null;
  return q + (sameStrength ? 1 : 0); // lenient: prefer same-bucket pairs
}

/** One-to-one greedy matching, best pair first: [goldIndex, predIndex] pairs. */
export function greedyMatch(gold: Slot[], pred: Slot[], options: MatchOptions = {}): [number, number][] {
  const pairs: [number, number, number][] = [];
  gold.forEach((g, gi) =>
    pred.forEach((p, pi) => {
      const s = pairScore(g, p, options);
      if (s !== null) pairs.push([s, gi, pi]);
    }),
  );
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const out: [number, number][] = [];
  for (const [, gi, pi] of pairs) {
    if (usedGold.has(gi) || usedPred.has(pi)) continue;
    usedGold.add(gi);
    usedPred.add(pi);
    out.push([gi, pi]);
  }
  return out;
}

export interface CaseScore {
  gold: Slot[];
  pred: Slot[];
  strict: [number, number][];
  lenient: [number, number][];
  /** every gold slot matched strictly and nothing extra */
  exact: boolean;
}

/** Scores one case; a missing prediction (null/undefined) is an empty one. */
export function scoreCase(goldPrefs: unknown, predPrefs: unknown, open = new Set(DEFAULT_OPEN)): CaseScore {
  const gold = extractSlots(goldPrefs);
  const pred = extractSlots(predPrefs);
  const strict = greedyMatch(gold, pred, { lenient: false, open });
  const lenient = greedyMatch(gold, pred, { lenient: true, open });
  return { gold, pred, strict, lenient, exact: strict.length === gold.length && strict.length === pred.length };
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  pred: number;
  gold: number;
}

/** P (R) with nothing predicted (no gold) is 1 when both sides are empty, else 0. */
export function prf(tp: number, pred: number, gold: number): Prf {
  const precision = pred > 0 ? tp / pred : gold > 0 ? 0 : 1;
  const recall = gold > 0 ? tp / gold : pred > 0 ? 0 : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, pred, gold };
}

export interface SlotScores {
  cases: number;
  strict: Prf;
  lenient: Prf;
  exactRate: number;
  /** strict P/R/F1 per bucket, e.g. "negative.hard" */
  byBucket: Record<string, Prf>;
}

/** Micro-averages over cases. */
export function aggregateSlots(results: CaseScore[]): SlotScores {
  let gold = 0;
  let pred = 0;
  let strict = 0;
  let lenient = 0;
  let exact = 0;
  const buckets = Object.fromEntries(BUCKETS.map(([a, b]) => [`${a}.${b}`, { tp: 0, pred: 0, gold: 0 }]));
  for (const r of results) {
    gold += r.gold.length;
    pred += r.pred.length;
    strict += r.strict.length;
    lenient += r.lenient.length;
    if (r.exact) exact++;
    for (const s of r.gold) buckets[s.bucket].gold++;
    for (const s of r.pred) buckets[s.bucket].pred++;
    for (const [gi] of r.strict) buckets[r.gold[gi].bucket].tp++;
  }
  return {
    cases: results.length,
    strict: prf(strict, pred, gold),
    lenient: prf(lenient, pred, gold),
    exactRate: results.length ? exact / results.length : 0,
    byBucket: Object.fromEntries(Object.entries(buckets).map(([k, v]) => [k, prf(v.tp, v.pred, v.gold)])),
  };
}
