import type { AttributeIndex, Predicate } from "../catalog/attribute-index.ts";
import { isCategorical, isRange, type Constraint, type Preferences } from "../schemas/preferences.ts";

/** The hard constraints of a memory as index predicates: what every item must match, and what none may. */
export function hardPredicates(index: AttributeIndex, memory: Preferences): { must: Predicate[]; mustNot: Predicate[] } {
  const toPredicate = (c: Constraint): Predicate | null => {
    if (isRange(c)) return { kind: "range", attribute: c.attribute, min: c.min ?? -Infinity, max: c.max ?? Infinity };
    if (!isCategorical(c)) return null;
    const codes = c.values.flatMap((v) => index.lookupValue(c.attribute, v)?.code ?? []);
    return { kind: "category", attribute: c.attribute, codes };
  };
  const must = memory.positive.hard.map(toPredicate).filter((p): p is Predicate => p !== null);
  const mustNot = memory.negative.hard.map(toPredicate).filter((p): p is Predicate => p !== null);
  return { must, mustNot };
}

/** How many catalog items satisfy every hard constraint of the memory. */
export function hardMatchCount(index: AttributeIndex, memory: Preferences): number {
  const { must, mustNot } = hardPredicates(index, memory);
  return index.select(must, mustNot).length;
}

/** Whether one item satisfies every hard constraint of the memory. */
export function satisfiesHard(index: AttributeIndex, memory: Preferences, item: number): boolean {
  const { must, mustNot } = hardPredicates(index, memory);
  return must.every((p) => index.matches(p, item)) && !mustNot.some((p) => index.matches(p, item));
}
