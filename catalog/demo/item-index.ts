import { BRANDS } from "./brands.ts";
import { CATEGORIES } from "./categories.ts";
import type { ItemTable } from "./item-table.ts";
import { aliasTable, type Rng } from "./prng.ts";
import { STYLES } from "./vocabulary.ts";

/**
 * A set of items drawn in proportion to their popularity. One slot per item, four words each
 * (alias threshold, alias slot, item index, packed traits), so a draw touches one or two cache lines.
 */
export interface Pool {
  size: number;
  slots: Uint32Array;
}

/** Shoppers are women or men; unisex items are in both departments. */
export const DEPARTMENTS = ["women", "men"] as const;
const UNISEX = 2;
const NC = CATEGORIES.length;
const NS = STYLES.length;
const NB = BRANDS.length;

/** Writes the bucket keys of an item in a department into `out`, returns how many. */
type KeysOf = (item: number, department: number, out: Uint32Array) => number;

/**
 * Items grouped so a simulated shopper's next pick costs O(1), not a scan of the catalog:
 * by (department, category, style), by (department, brand), and by department.
 */
export class ItemIndex {
  private readonly clusters: (Pool | undefined)[];
  private readonly brands: (Pool | undefined)[];
  private readonly departments: (Pool | undefined)[];
  /** share of a (department, category)'s items that carry each style */
  private readonly styleShares = new Float64Array(DEPARTMENTS.length * NC * NS);

  constructor(table: ItemTable) {
    this.clusters = group(table, DEPARTMENTS.length * NC * NS, (i, d, out) => {
      let n = 0;
      for (let s = 0; s < NS; s++) if (table.styles[i] & (1 << s)) out[n++] = (d * NC + table.category[i]) * NS + s;
      return n;
    });
    this.brands = group(table, DEPARTMENTS.length * NB, (i, d, out) => {
      out[0] = d * NB + table.brand[i];
      return 1;
    });
    this.departments = group(table, DEPARTMENTS.length, (_, d, out) => {
      out[0] = d;
      return 1;
    });
    const categorySizes = new Uint32Array(DEPARTMENTS.length * NC);
    for (let i = 0; i < table.size; i++) {
      const g = table.gender[i];
      for (let d = 0; d < DEPARTMENTS.length; d++) if (g === d || g === UNISEX) categorySizes[d * NC + table.category[i]]++;
    }
    for (let k = 0; k < this.styleShares.length; k++) {
      const total = categorySizes[Math.floor(k / NS)];
      this.styleShares[k] = total === 0 ? 0 : (this.clusters[k]?.size ?? 0) / total;
    }
  }

  cluster(department: number, category: number, style: number): Pool | undefined {
    return this.clusters[(department * NC + category) * NS + style];
  }

  brand(department: number, brand: number): Pool | undefined {
    return this.brands[department * NB + brand];
  }

  department(department: number): Pool | undefined {
    return this.departments[department];
  }

  /** Share of a department's category that carries a style (how "sporty" sneakers are, say). */
  styleShare(department: number, category: number, style: number): number {
    return this.styleShares[(department * NC + category) * NS + style];
  }
}

/** Draws a slot of a pool, proportionally to popularity; read it with `slotItem` and `slotTraits`. */
export function drawSlot(rng: Rng, pool: Pool): number {
  const j = Math.floor(rng.next() * pool.size);
  return rng.nextUint32() < pool.slots[4 * j] ? j : pool.slots[4 * j + 1];
}

export const slotItem = (pool: Pool, slot: number) => pool.slots[4 * slot + 2];
export const slotTraits = (pool: Pool, slot: number) => pool.slots[4 * slot + 3];

/** Buckets every item under the keys `keysOf` gives it in each department it belongs to (two passes: count, fill). */
function group(table: ItemTable, keyCount: number, keysOf: KeysOf): (Pool | undefined)[] {
  const counts = new Uint32Array(keyCount);
  const keys = new Uint32Array(NS + 1);
  const visit = (each: (key: number, item: number) => void) => {
    for (let i = 0; i < table.size; i++) {
      const g = table.gender[i];
      for (let d = 0; d < DEPARTMENTS.length; d++) {
        if (g !== d && g !== UNISEX) continue;
        const n = keysOf(i, d, keys);
        for (let k = 0; k < n; k++) each(keys[k], i);
      }
    }
  };
  visit((key) => counts[key]++);
  const items = Array.from(counts, (n) => new Uint32Array(n));
  const fill = new Uint32Array(keyCount);
  visit((key, i) => (items[key][fill[key]++] = i));
  return items.map((list) => (list.length === 0 ? undefined : pool(table, list)));
}

function pool(table: ItemTable, items: Uint32Array): Pool {
  const { threshold, alias } = aliasTable(Float64Array.from(items, (i) => table.appeal[i]));
  const slots = new Uint32Array(4 * items.length);
  for (let j = 0; j < items.length; j++) {
    slots[4 * j] = threshold[j];
    slots[4 * j + 1] = alias[j];
    slots[4 * j + 2] = items[j];
    slots[4 * j + 3] = table.traits[items[j]];
  }
  return { size: items.length, slots };
}
