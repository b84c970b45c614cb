import { categoryValues, type Catalog, type CategoryColumn, type NumberColumn } from "../catalog/catalog.ts";

/** What the simulated user knows about its target: attribute values only, never its title or id. */
export interface TargetFacts {
  item: number;
  categories: { column: CategoryColumn; values: string[] }[];
  numbers: { column: NumberColumn; value: number }[];
  /** values of open attributes (tags), said as free text */
  tags: string[];
}

export function targetFacts(catalog: Catalog, item: number): TargetFacts {
  const facts: TargetFacts = { item, categories: [], numbers: [], tags: [] };
  for (const column of catalog.columns.values()) {
    if (column.kind === "number") {
      if (!Number.isNaN(column.values[item])) facts.numbers.push({ column, value: column.values[item] });
      continue;
    }
    const values = categoryValues(column, item);
    if (values.length === 0) continue;
    if (column.spec.open) facts.tags.push(...values);
    else facts.categories.push({ column, values });
  }
  return facts;
}

/** The categorical attributes a user can name values of (closed vocabularies with a choice). */
export function closedCategories(catalog: Catalog): CategoryColumn[] {
  return [...catalog.columns.values()].filter((c): c is CategoryColumn => c.kind === "category" && !c.spec.open && c.vocabulary.length > 1);
}

/** Whether the item carries the value (catalog spelling). */
export function hasValue(column: CategoryColumn, item: number, value: string): boolean {
  const code = column.codeOf.get(value);
  for (let q = column.offsets[item]; q < column.offsets[item + 1]; q++) if (column.codes[q] === code) return true;
  return false;
}
