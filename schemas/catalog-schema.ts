import { z } from "zod";

/** How one item attribute is typed (contract: shared/spec/catalog.md). */
export const AttributeSpec = z.object({
  type: z.enum(["number", "category"]).describe("number or category"),
  multi: z.boolean().optional().describe("Multi-valued category"),
  open: z.boolean().optional().describe("Large noisy vocabulary (tags): matched by meaning, not offered as a filter"),
  unit: z.string().optional().describe("Unit of a number, e.g. USD"),
  synonyms: z.array(z.string()).optional().describe("Words that name the attribute in commands"),
});

/** schema.json of a catalog folder. */
export const CatalogSchema = z.object({
  attributes: z.record(z.string().min(1), AttributeSpec),
});

export const AttributeValue = z.union([z.string(), z.array(z.string()), z.number()]);

/** One line of items.jsonl. */
export const ItemRecord = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  description: z.string().optional(),
  attributes: z.record(z.string(), AttributeValue).default({}),
});

export type AttributeSpec = z.infer<typeof AttributeSpec>;
export type CatalogSchema = z.infer<typeof CatalogSchema>;
export type AttributeValue = z.infer<typeof AttributeValue>;
export type ItemRecord = z.infer<typeof ItemRecord>;

/** Attribute names the preference contract reserves for non-attribute constraints. */
export const RESERVED_ATTRIBUTES = ["text", "item"] as const;
