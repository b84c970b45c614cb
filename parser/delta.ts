import type { Constraint, Polarity, Strength } from "../schemas/preferences.ts";

/** What one command asks of the memory, in command order (the ground stage's output; plain JSON). */
export type Op =
  | { op: "add"; polarity: Polarity; strength: Strength; constraint: Constraint }
  /** forget (scope all) or accept again (scope negative): a constraint, or `{attribute}` for all of an attribute */
  | { op: "remove"; scope: "all" | "negative"; constraint: Constraint | { attribute: string } }
  | { op: "reset" };

export interface Delta {
  ops: Op[];
}
