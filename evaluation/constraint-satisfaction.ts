/**
 * CSR@K and the negative-violation rate: how well a feed obeys the hard constraints the user stated.
 * Constraints are resolved exactly as the Filter tool resolves them (`resolvePredicate`), so "satisfies" means what
 * the product means: categorical = the item has any of the values, numeric = inclusive range (an item without a value
 * fails a positive range and passes a negative one), negative item references exclude those items. Text constraints
 * and positive item references are never filtered by the product, and constraints naming an unknown attribute or
 * value cannot be checked: those are left out and counted in `unchecked`.
 */
import type { AttributeIndex, Predicate } from "../catalog/attribute-index.ts";
import type { Preferences } from "../schemas/preferences.ts";
import { resolvePredicate } from "../tools/resolve-constraint.ts";
import type { ToolContext } from "../tools/tool-context.ts";

/** What constraint checking reads: the catalog and its attribute index (no models needed). */
export type ConstraintContext = Pick<ToolContext, "catalog" | "index">;

/** The hard constraints of one memory, resolved against a catalog. */
export interface HardConstraints {
  positive: Predicate[];
  negative: Predicate[];
  /** hard constraints that could not be checked (text, positive item references, unknown attributes or values) */
  unchecked: number;
  /** true when `item` satisfies every positive and no negative hard constraint */
  satisfies(item: number): boolean;
  /** true when `item` matches at least one negative hard constraint */
  violatesNegative(item: number): boolean;
}

/** Resolves the memory's hard constraints once, for checking many items. */
export function resolveHardConstraints(preferences: Preferences, ctx: ConstraintContext): HardConstraints {
  // resolvePredicate reads only `catalog` and `index` of its context
  const toolCtx = ctx as ToolContext;
  const ignore = () => {};
  const positive: Predicate[] = [];
  const negative: Predicate[] = [];
  let unchecked = 0;
  for (const c of preferences.positive.hard) {
    const p = c.attribute === "item" ? null : resolvePredicate(c, toolCtx, ignore);
    if (p) positive.push(p);
    else unchecked++;
  }
  for (const c of preferences.negative.hard) {
    const p = resolvePredicate(c, toolCtx, ignore);
    if (p) negative.push(p);
    else unchecked++;
  }
  const index: AttributeIndex = ctx.index;
  const violatesNegative = (item: number) => negative.some((p) => index.matches(p, item));
  return {
    positive,
    negative,
    unchecked,
    violatesNegative,
    satisfies: (item) => positive.every((p) => index.matches(p, item)) && !violatesNegative(item),
  };
}

/**
 * CSR@K: the share of the first k items that satisfy every checkable hard constraint.
 * null when nothing applies: no checkable hard constraint, or an empty feed.
 */
export function csrAtK(ranked: ArrayLike<number>, hard: HardConstraints, k: number): number | null {
  const n = Math.min(k, ranked.length);
  if (n === 0 || hard.positive.length + hard.negative.length === 0) return null;
  let ok = 0;
  for (let r = 0; r < n; r++) if (hard.satisfies(ranked[r])) ok++;
  return ok / n;
}

/**
 * The share of the first k items matching a stated negative hard constraint ("no horror" and a horror film shown).
 * null when no negative hard constraint is checkable or the feed is empty.
 */
export function negativeViolationRate(ranked: ArrayLike<number>, hard: HardConstraints, k: number): number | null {
  const n = Math.min(k, ranked.length);
  if (n === 0 || hard.negative.length === 0) return null;
  let bad = 0;
  for (let r = 0; r < n; r++) if (hard.violatesNegative(ranked[r])) bad++;
  return bad / n;
}

