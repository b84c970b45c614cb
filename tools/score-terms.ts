import type { Predicate } from "../catalog/attribute-index.ts";

/** The embedding space a dense term is scored in. */
export type Space = "semantic" | "collaborative";

/**
 * One additive part of an item's final score, recorded by Matcher or Attenuator and evaluated by
 * the Aggregator. Every kind is linear in the item, so terms of one space can be summed into one
 * query vector and scanned once.
 */
export type ScoreTerm =
  /** weight · (item vector in `space`) · query */
  | { kind: "dense"; tool: string; label: string; space: Space; query: Float32Array; weight: number }
  /** weight when the item satisfies the predicate, else 0 */
  | { kind: "bonus"; tool: string; label: string; predicate: Predicate; weight: number }
  /** weight · values[item] */
  | { kind: "prior"; tool: string; label: string; values: Float32Array; weight: number };
