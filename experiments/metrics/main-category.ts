import type { Catalog, CategoryColumn } from "../../catalog/catalog.ts";

const CATEGORY_NAMES = ["category", "categories", "genre", "genres", "type", "department", "section"];

/**
 * The attribute whose values count as an item's "category" for clicked-category diversity: a closed categorical
 * attribute named like a category (category, genre, type…), else the first closed categorical attribute.
 */
export function mainCategory(catalog: Catalog): CategoryColumn | undefined {
  const closed = [...catalog.columns.values()].filter((c): c is CategoryColumn => c.kind === "category" && !c.spec.open);
  return closed.find((c) => CATEGORY_NAMES.includes(c.name.toLowerCase())) ?? closed[0];
}
