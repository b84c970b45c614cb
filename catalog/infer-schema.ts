import type { AttributeValue, CatalogSchema } from "../schemas/catalog-schema.ts";

/** An open vocabulary has at least this many distinct values... */
export const OPEN_MIN_VOCABULARY = 50;
/** ...and at least this share of them are rare... */
export const OPEN_MIN_RARE_SHARE = 0.5;
/** ...a rare value being on one item, or on at most this share of the items carrying the attribute. */
export const RARE_ITEM_SHARE = 0.001;

interface AttributeStats {
  numberLines: number;
  categoryLines: number;
  firstNumberLine: number;
  firstCategoryLine: number;
  multi: boolean;
  /** lines carrying at least one value */
  itemsWithValues: number;
  /** items carrying each (trimmed) category value */
  valueCounts: Map<string, number>;
}

/** The inferred type of each attribute and the first line that shows it, to explain refusals. */
export interface InferredSchema {
  schema: CatalogSchema;
  evidence: Map<string, { line: number; lines: number }>;
}

/**
 * Infers attribute types from items.jsonl when a catalog folder has no schema.json. The rules:
 * - kind: `number` when the lines carrying the attribute hold finite numbers, `category` when they hold strings or
 *   arrays of strings. When both kinds occur the majority of lines wins (the kind seen first on a tie), and the
 *   lines of the other kind stay as they are: the builder refuses them against the inferred schema, so each is
 *   reported as a problem on its own line instead of being coerced. Majority rather than first-seen, so that one
 *   typo on line 1 does not turn a million good lines into problems.
 * - multi: a category is multi-valued when any line gives it an array.
 * - open: a multi-valued category whose vocabulary is large (at least OPEN_MIN_VOCABULARY distinct values) and
 *   long-tailed (at least OPEN_MIN_RARE_SHARE of its values rare: on a single item, or on at most RARE_ITEM_SHARE
 *   of the items that carry the attribute), like user tags; such a vocabulary is matched by meaning, not offered
 *   as a filter. A large vocabulary used evenly (500 brands on 400 items each) stays a filter vocabulary.
 * Attributes are listed in the order they are first seen.
 */
export class SchemaInferrer {
  private readonly stats = new Map<string, AttributeStats>();

  observe(attributes: Record<string, AttributeValue>, line: number): void {
    for (const [name, value] of Object.entries(attributes)) {
      let s = this.stats.get(name);
      if (!s) {
        s = { numberLines: 0, categoryLines: 0, firstNumberLine: 0, firstCategoryLine: 0, multi: false, itemsWithValues: 0, valueCounts: new Map() };
        this.stats.set(name, s);
      }
      if (typeof value === "number") {
        if (s.numberLines++ === 0) s.firstNumberLine = line;
        continue;
      }
      if (s.categoryLines++ === 0) s.firstCategoryLine = line;
      if (Array.isArray(value)) s.multi = true;
      let carried = false;
      for (const v of new Set((Array.isArray(value) ? value : [value]).map((x) => x.trim()))) {
        if (v === "") continue;
        s.valueCounts.set(v, (s.valueCounts.get(v) ?? 0) + 1);
        carried = true;
      }
      if (carried) s.itemsWithValues++;
    }
  }

  result(): InferredSchema {
    const attributes: CatalogSchema["attributes"] = {};
    const evidence = new Map<string, { line: number; lines: number }>();
    for (const [name, s] of this.stats) {
      const isNumber =
        s.numberLines > s.categoryLines || (s.numberLines === s.categoryLines && s.firstNumberLine < s.firstCategoryLine);
      if (isNumber) {
        attributes[name] = { type: "number" };
        evidence.set(name, { line: s.firstNumberLine, lines: s.numberLines });
        continue;
      }
      attributes[name] = s.multi ? { type: "category", multi: true, ...(isLongTailed(s) ? { open: true } : {}) } : { type: "category" };
      evidence.set(name, { line: s.firstCategoryLine, lines: s.categoryLines });
    }
    return { schema: { attributes }, evidence };
  }
}

function isLongTailed({ valueCounts, itemsWithValues }: AttributeStats): boolean {
  if (valueCounts.size < OPEN_MIN_VOCABULARY) return false;
  const rareAtMost = Math.max(1, RARE_ITEM_SHARE * itemsWithValues);
  let rare = 0;
  for (const count of valueCounts.values()) if (count <= rareAtMost) rare++;
  return rare >= OPEN_MIN_RARE_SHARE * valueCounts.size;
}
