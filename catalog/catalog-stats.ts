import type { Catalog } from "./catalog.ts";

export interface CategoryStats {
  name: string;
  type: "category";
  multi: boolean;
  open: boolean;
  /** distinct values */
  values: number;
  /** items carrying at least one value */
  coverage: number;
  /** most frequent values first, with item counts */
  top: { value: string; items: number }[];
}

export interface NumberStats {
  name: string;
  type: "number";
  unit?: string;
  coverage: number;
  min: number | null;
  max: number | null;
  mean: number | null;
}

export interface CatalogStats {
  ref: string;
  name: string;
  contentHash: string;
  items: number;
  users: number;
  interactions: number;
  positiveInteractions: number;
  attributes: (CategoryStats | NumberStats)[];
}

/** Size, users and per-attribute vocabularies of a catalog; what `recbot catalog` prints and the API serves. */
export function catalogStats(catalog: Catalog, topValues = 20): CatalogStats {
  const attributes: (CategoryStats | NumberStats)[] = [];
  for (const column of catalog.columns.values()) {
    if (column.kind === "number") {
      let sum = 0;
      for (const v of column.values) if (!Number.isNaN(v)) sum += v;
      attributes.push({
        name: column.name, type: "number", unit: column.spec.unit, coverage: column.count,
        min: column.count ? column.min : null, max: column.count ? column.max : null,
        mean: column.count ? sum / column.count : null,
      });
      continue;
    }
    let coverage = 0;
    for (let i = 0; i < catalog.size; i++) if (column.offsets[i + 1] > column.offsets[i]) coverage++;
    const order = Array.from(column.counts.keys()).sort((a, b) => column.counts[b] - column.counts[a]);
    attributes.push({
      name: column.name, type: "category", multi: Boolean(column.spec.multi), open: Boolean(column.spec.open),
      values: column.vocabulary.length, coverage,
      top: order.slice(0, topValues).map((code) => ({ value: column.vocabulary[code], items: column.counts[code] })),
    });
  }
  let positive = 0;
  for (const p of catalog.interactions.positive) positive += p;
  return {
    ref: catalog.ref, name: catalog.name, contentHash: catalog.contentHash, items: catalog.size,
    users: catalog.interactions.users.length, interactions: catalog.interactions.user.length,
    positiveInteractions: positive, attributes,
  };
}

/** The stats as an aligned plain-text report for a terminal. */
export function formatCatalogStats(stats: CatalogStats): string {
  const lines = [
    `${stats.name} (${stats.ref})`,
    `  items ${stats.items.toLocaleString("en")} · users ${stats.users.toLocaleString("en")} · interactions ${stats.interactions.toLocaleString("en")} (${stats.positiveInteractions.toLocaleString("en")} positive)`,
    `  content hash ${stats.contentHash.slice(0, 16)}`,
    "",
  ];
  const width = Math.max(...stats.attributes.map((a) => a.name.length), 4);
  for (const a of stats.attributes) {
    const name = a.name.padEnd(width);
    if (a.type === "number") {
      const unit = a.unit ? ` ${a.unit}` : "";
      lines.push(`  ${name}  number   ${fmt(a.min)} – ${fmt(a.max)}${unit}, mean ${fmt(a.mean)}, on ${a.coverage.toLocaleString("en")} items`);
    } else {
      const kind = a.open ? "open tags" : a.multi ? "multi" : "category";
      const top = a.top.slice(0, 12).map((t) => `${t.value} (${t.items})`).join(", ");
      lines.push(`  ${name}  ${kind.padEnd(8)} ${a.values} values: ${top}${a.values > 12 ? ", …" : ""}`);
    }
  }
  return lines.join("\n");
}

function fmt(x: number | null): string {
  if (x === null) return "–";
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}
