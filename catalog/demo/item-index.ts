import { BRANDS } from "./brands.ts";
import { CATEGORIES } from "./categories.ts";
import type { ItemTable } from "./item-table.ts";
import { aliasTable, type Rng } from "./prng.ts";
import { STYLES } from "./vocabulary.ts";

/**
 * A set of items drawn in proportion to their popularity (Walker's alias method). One slot per item,
 * four words each (alias threshold, alias slot, item index, packed traits), so a draw touches one or
 * two cache lines even at a million items.
 */
export class Pool {
  readonly size: number;
  private readonly slots: Uint32Array;

  constructor(table: ItemTable, items: Uint32Array) {
    const { threshold, alias } = aliasTable(Float64Array.from(items, (i) => table.appeal[i]));
    this.size = items.length;
    this.slots = new Uint32Array(4 * items.length);
    for (let j = 0; j < items.length; j++) {
      this.slots[4 * j] = threshold[j];
      this.slots[4 * j + 1] = alias[j];
      this.slots[4 * j + 2] = items[j];
      this.slots[4 * j + 3] = table.traits[items[j]];
    }
  }

  /** A slot drawn proportionally to its item's popularity; read it with `item` and `traits`. */
  draw(rng: Rng): number {
    const j = Math.floor(rng.next() * this.size);
    return rng.nextUint32() < this.slots[4 * j] ? j : this.slots[4 * j + 1];
  }

  item(slot: number): number {
    return this.slots[4 * slot + 2];
  }

  /** the item's packed traits (see `packTraits`) */
  traits(slot: number): number {
    return this.slots[4 * slot + 3];
  }
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
  return items.map((list) => (list.length === 0 ? undefined : new Pool(table, list)));
}
