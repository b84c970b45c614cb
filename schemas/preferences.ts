import { z } from "zod";

/** "the item's attribute takes one of these values", in the catalog's own spelling. */
export const CategoricalConstraint = z.object({
  attribute: z.string().min(1).describe("Catalog attribute name, e.g. genre"),
  values: z.array(z.string().min(1)).min(1).describe("Values in the catalog's spelling"),
});

/** Inclusive numeric range; one bound may be absent. */
export const RangeConstraint = z
  .object({
    attribute: z.string().min(1).describe("Numeric attribute name, e.g. year"),
    min: z.number().optional().describe("Inclusive lower bound"),
    max: z.number().optional().describe("Inclusive upper bound"),
  })
  .refine((c) => c.min !== undefined || c.max !== undefined, { message: "a range needs min or max" })
  .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, { message: "min must not exceed max" });

/** A semantic intent no attribute expresses exactly; matched by meaning, never by a filter. */
export const TextConstraint = z.object({
  attribute: z.literal("text"),
  text: z.string().min(1).describe("What the user means, in their words"),
});

/** "More like this one": ids of concrete items, usually from the feed. */
export const ItemConstraint = z.object({
  attribute: z.literal("item"),
  values: z.array(z.string().min(1)).min(1).describe("Item ids"),
});

export const Constraint = z.union([TextConstraint, ItemConstraint, CategoricalConstraint, RangeConstraint]);

const Bucket = z.object({ hard: z.array(Constraint).default([]), soft: z.array(Constraint).default([]) });

/** The consolidated preference memory P_t (contract: shared/spec/preferences.md). */
export const Preferences = z.object({
  positive: Bucket.default({ hard: [], soft: [] }),
  negative: Bucket.default({ hard: [], soft: [] }),
});

export type Constraint = z.infer<typeof Constraint>;
export type CategoricalConstraint = z.infer<typeof CategoricalConstraint>;
export type RangeConstraint = z.infer<typeof RangeConstraint>;
export type TextConstraint = z.infer<typeof TextConstraint>;
export type ItemConstraint = z.infer<typeof ItemConstraint>;
export type Preferences = z.infer<typeof Preferences>;
export type Polarity = "positive" | "negative";
export type Strength = "hard" | "soft";

export function emptyPreferences(): Preferences {
  return { positive: { hard: [], soft: [] }, negative: { hard: [], soft: [] } };
}

export function isRange(c: Constraint): c is RangeConstraint {
  return !("values" in c) && !("text" in c);
}

export function isCategorical(c: Constraint): c is CategoricalConstraint {
  return "values" in c && c.attribute !== "item";
}
