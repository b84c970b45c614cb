import { tokenize } from "../models/tokenizer.ts";
import { emptyPreferences, isRange, type Constraint, type Polarity, type Preferences, type RangeConstraint, type Strength } from "../schemas/preferences.ts";
import type { Delta, Op } from "./delta.ts";
import type { ParserStage } from "./parser-state.ts";

type Bucket = { polarity: Polarity; strength: Strength; list: Constraint[] };

function buckets(p: Preferences): Bucket[] {
  return [
    { polarity: "positive", strength: "hard", list: p.positive.hard },
    { polarity: "positive", strength: "soft", list: p.positive.soft },
    { polarity: "negative", strength: "hard", list: p.negative.hard },
    { polarity: "negative", strength: "soft", list: p.negative.soft },
  ];
}

const valuesOf = (c: Constraint): string[] | undefined => ("values" in c ? c.values : undefined);
const textOf = (c: Constraint): string | undefined => ("text" in c ? c.text : undefined);

/** Whether two free-text intents are the same ("time travel" vs "time-travel movies"): shared stems, half of the smaller. */
export function sameText(a: string, b: string): boolean {
  const x = new Set(tokenize(a));
  const y = new Set(tokenize(b));
  if (x.size === 0 || y.size === 0) return a.trim().toLowerCase() === b.trim().toLowerCase();
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared > 0 && shared * 2 >= Math.min(x.size, y.size);
}

function overlaps(a: RangeConstraint, b: RangeConstraint): boolean {
  return (a.min ?? -Infinity) <= (b.max ?? Infinity) && (b.min ?? -Infinity) <= (a.max ?? Infinity);
}

/** Removes what `target` names from the chosen buckets: values, ids, an overlapping text, or ranges (overlapping when `onlyOverlap`). */
function removeFrom(selected: Bucket[], target: Constraint | { attribute: string }, onlyOverlap: boolean): void {
  for (const bucket of selected) {
    for (let k = bucket.list.length - 1; k >= 0; k--) {
      const c = bucket.list[k];
      if (c.attribute !== target.attribute) continue;
      const values = valuesOf(target as Constraint);
      const text = textOf(target as Constraint);
      if (values && valuesOf(c)) {
        const left = valuesOf(c)!.filter((v) => !values.some((x) => x.toLowerCase() === v.toLowerCase()));
        if (left.length === 0) bucket.list.splice(k, 1);
        else (c as { values: string[] }).values = left;
      } else if (text !== undefined) {
        if (textOf(c) !== undefined && sameText(textOf(c)!, text)) bucket.list.splice(k, 1);
      } else if (!onlyOverlap || !("min" in target || "max" in target) || (isRange(c) && overlaps(c, target as RangeConstraint))) {
        bucket.list.splice(k, 1);
      }
    }
  }
}

function add(p: Preferences, op: Extract<Op, { op: "add" }>): void {
  const all = buckets(p);
  const target = all.find((b) => b.polarity === op.polarity && b.strength === op.strength)!;
  const c = structuredClone(op.constraint);
  if (isRange(c)) {
    // same attribute and polarity: the newer bounds replace the older ones; the other polarity loses what overlaps
    let merged: RangeConstraint = { ...c };
    for (const b of all) {
      for (let k = b.list.length - 1; k >= 0; k--) {
        const old = b.list[k];
        if (old.attribute !== c.attribute || !isRange(old)) continue;
        if (b.polarity === op.polarity) {
          const candidate = { attribute: c.attribute, min: c.min ?? old.min, max: c.max ?? old.max };
          if (candidate.min === undefined || candidate.max === undefined || candidate.min <= candidate.max) merged = candidate;
          b.list.splice(k, 1);
        } else if (overlaps(old, c)) b.list.splice(k, 1);
      }
    }
    if (merged.min === undefined) delete merged.min;
    if (merged.max === undefined) delete merged.max;
    target.list.push(merged);
    return;
  }
  removeFrom(all.filter((b) => b !== target), c, false);
  const same = target.list.find((old) => old.attribute === c.attribute && (textOf(c) === undefined ? valuesOf(old) : textOf(old) !== undefined && sameText(textOf(old)!, textOf(c)!)));
  if (!same) target.list.push(c);
  else if (valuesOf(same) && valuesOf(c)) for (const v of valuesOf(c)!) if (!valuesOf(same)!.includes(v)) valuesOf(same)!.push(v);
}

/** Applies a command's operations to the memory P_t, giving P_{t+1} (rules: shared/spec/preferences.md). */
export function consolidateMemory(memory: Preferences, delta: Delta): Preferences {
  let p: Preferences = structuredClone(memory);
  for (const op of delta.ops) {
    if (op.op === "reset") p = emptyPreferences();
    else if (op.op === "add") add(p, op);
    else removeFrom(buckets(p).filter((b) => op.scope === "all" || b.polarity === "negative"), op.constraint, op.scope === "negative");
  }
  return p;
}

/** Stage 4: integrate the delta into the memory (preserve, integrate, resolve, forget, reset). */
export const consolidate: ParserStage = (state) => ({ preferences: consolidateMemory(state.input.memory, state.delta as Delta) });
