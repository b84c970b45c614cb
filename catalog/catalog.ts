import type { AttributeSpec, CatalogSchema } from "../schemas/catalog-schema.ts";

/** A categorical attribute stored column-wise: item i has codes[offsets[i] .. offsets[i+1]). */
export interface CategoryColumn {
  kind: "category";
  name: string;
  spec: AttributeSpec;
  /** code → the catalog's spelling of the value */
  vocabulary: string[];
  codeOf: Map<string, number>;
  offsets: Uint32Array;
  codes: Uint32Array;
  /** number of items carrying each code */
  counts: Uint32Array;
}

/** A numeric attribute; NaN marks an item without a value. */
export interface NumberColumn {
  kind: "number";
  name: string;
  spec: AttributeSpec;
  values: Float64Array;
  min: number;
  max: number;
  /** items that have a value */
  count: number;
}

export type Column = CategoryColumn | NumberColumn;

/** Every interaction the source holds, column-wise, in source order. */
export interface Interactions {
  users: string[];
  userIndex: Map<string, number>;
  user: Uint32Array;
  item: Uint32Array;
  /** NaN when the source has no rating */
  rating: Float32Array;
  /** NaN when the source has no timestamp */
  timestamp: Float64Array;
  /** 1 when the interaction counts as positive (rating > 3, or no rating) */
  positive: Uint8Array;
}

/** Positive items per user (CSR over user index), oldest first, each item once. */
export interface UserHistories {
  offsets: Uint32Array;
  items: Uint32Array;
}

/** A loaded catalog: items with typed attribute columns, and who liked what. Immutable once built. */
export interface Catalog {
  /** how it was asked for: "demo", "movielens:<dir>", "<dir>" */
  ref: string;
  name: string;
  /** sha256 of the source content (or of the generator's parameters); keys the model cache */
  contentHash: string;
  schema: CatalogSchema;
  size: number;
  ids: string[];
  titles: string[];
  descriptions: string[];
  indexOf: Map<string, number>;
  /** attribute columns in schema order */
  columns: Map<string, Column>;
  interactions: Interactions;
  histories: UserHistories;
}

/** The positive history of a user, oldest first (a view, not a copy). */
export function historyOf(catalog: Catalog, userIndex: number): Uint32Array {
  const { offsets, items } = catalog.histories;
  return items.subarray(offsets[userIndex], offsets[userIndex + 1]);
}

/** The values of a categorical attribute on one item, in the catalog's spelling. */
export function categoryValues(column: CategoryColumn, item: number): string[] {
  const out: string[] = [];
  for (let p = column.offsets[item]; p < column.offsets[item + 1]; p++) out.push(column.vocabulary[column.codes[p]]);
  return out;
}

/** An item as a plain record (for output and display). */
export function itemRecord(catalog: Catalog, item: number) {
  const attributes: Record<string, string | string[] | number> = {};
  for (const column of catalog.columns.values()) {
    if (column.kind === "number") {
      const v = column.values[item];
      if (!Number.isNaN(v)) attributes[column.name] = v;
    } else {
      const values = categoryValues(column, item);
      if (values.length > 0) attributes[column.name] = column.spec.multi ? values : values[0];
    }
  }
  return { id: catalog.ids[item], title: catalog.titles[item], description: catalog.descriptions[item], attributes };
}
