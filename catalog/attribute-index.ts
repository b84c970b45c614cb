import type { Catalog, CategoryColumn, NumberColumn } from "./catalog.ts";
import { binarySearch, collectEqual, lowerBound, uniqueSorted, upperBound } from "./sorted-arrays.ts";

/** Posting lists of a categorical attribute: `postings[code]` = the items carrying that value, ascending. */
export interface CategoryIndex {
  kind: "category";
  column: CategoryColumn;
  postings: Uint32Array[];
  /** normalized spelling → code */
  byNormalized: Map<string, number>;
}

/** A numeric attribute sorted by value: `items[r]` has value `sorted[r]`; items without a value are left out. */
export interface NumberIndex {
  kind: "number";
  column: NumberColumn;
  items: Uint32Array;
  sorted: Float64Array;
  /** items without a value, ascending */
  missing: Uint32Array;
}

export type AttributeEntry = CategoryIndex | NumberIndex;

/** A constraint resolved against the catalog: something an item either satisfies or not. */
export type Predicate =
  | { kind: "category"; attribute: string; codes: number[] }
  | { kind: "range"; attribute: string; min: number; max: number }
  /** an explicit item set, ascending */
  | { kind: "items"; items: Uint32Array };

/** "Sci-Fi", "sci fi" and "SCIFI" all become "scifi": lower case, letters and digits only. */
export function normalizeValue(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * Built once per catalog: posting lists for categorical attributes, value-sorted item lists for
 * numeric ones, and a forgiving value lookup. Hard constraints are answered from the smallest
 * posting list or range instead of a scan over every item.
 */
export class AttributeIndex {
  private readonly entries = new Map<string, AttributeEntry>();
  private markBuffer: Uint8Array | null = null;
  private collectBuffer: Uint32Array | null = null;
  private readonly byNormalizedName = new Map<string, string>();

  constructor(readonly catalog: Catalog) {
    for (const [name, column] of catalog.columns) {
      this.entries.set(name, column.kind === "category" ? indexCategory(column) : indexNumber(column));
      const key = normalizeValue(name);
      if (!this.byNormalizedName.has(key)) this.byNormalizedName.set(key, name);
    }
  }

  /** The attribute as the catalog spells it ("Genre" → "genre"), or undefined. */
  attribute(name: string): AttributeEntry | undefined {
    const exact = this.entries.get(name);
    if (exact) return exact;
    const spelled = this.byNormalizedName.get(normalizeValue(name));
    return spelled === undefined ? undefined : this.entries.get(spelled);
  }

  /** The code and catalog spelling of a categorical value, ignoring case and punctuation; undefined when unknown. */
  lookupValue(attribute: string, value: string): { code: number; value: string } | undefined {
    const entry = this.attribute(attribute);
    if (entry?.kind !== "category") return undefined;
    const code = entry.column.codeOf.get(value) ?? entry.byNormalized.get(normalizeValue(value));
    return code === undefined ? undefined : { code, value: entry.column.vocabulary[code] };
  }

  /** Ranks [lo, hi) into the value-sorted items of a numeric attribute whose value lies in [min, max]. */
  rangeBounds(entry: NumberIndex, min: number, max: number): [number, number] {
    return [lowerBound(entry.sorted, min), upperBound(entry.sorted, max)];
  }

  /** How many items satisfy the predicate (an upper bound for multi-valued categories). */
  count(p: Predicate): number {
    if (p.kind === "items") return p.items.length;
    const entry = this.entries.get(p.attribute);
    if (p.kind === "category") {
      if (entry?.kind !== "category") return 0;
      let n = 0;
      for (const code of p.codes) n += entry.postings[code].length;
      return n;
    }
    if (entry?.kind !== "number") return 0;
    const [lo, hi] = this.rangeBounds(entry, p.min, p.max);
    return Math.max(0, hi - lo);
  }

  /** The items satisfying the predicate, each once; ascending except for ranges (value order). */
  matchingItems(p: Predicate): Uint32Array {
    if (p.kind === "items") return p.items;
    const entry = this.entries.get(p.attribute);
    if (p.kind === "range") {
      if (entry?.kind !== "number") return new Uint32Array(0);
      const [lo, hi] = this.rangeBounds(entry, p.min, p.max);
      return entry.items.subarray(lo, Math.max(lo, hi));
    }
    if (entry?.kind !== "category") return new Uint32Array(0);
    if (p.codes.length === 1) return entry.postings[p.codes[0]];
    const all = new Uint32Array(this.count(p));
    let n = 0;
    for (const code of p.codes) {
      all.set(entry.postings[code], n);
      n += entry.postings[code].length;
    }
    all.sort();
    return uniqueSorted(all);
  }

  /** Whether one item satisfies the predicate, read from the columns (no allocation). */
  matches(p: Predicate, item: number): boolean {
    if (p.kind === "items") return binarySearch(p.items, item);
    const column = this.catalog.columns.get(p.attribute);
    if (!column) return false;
    if (column.kind === "number") {
      if (p.kind !== "range") return false;
      const v = column.values[item];
      return v >= p.min && v <= p.max; // NaN (no value) fails both comparisons
    }
    if (p.kind !== "category") return false;
    for (let q = column.offsets[item]; q < column.offsets[item + 1]; q++) {
      if (p.codes.includes(column.codes[q])) return true;
    }
    return false;
  }

  /**
   * The items satisfying every `must` predicate and none of the `mustNot` ones, ascending.
   * Walks the smallest `must` set and tests the rest per item through the columns; when even the
   * smallest set is a large share of the catalog, marking items list by list is cheaper.
   */
  select(must: Predicate[], mustNot: Predicate[]): Uint32Array {
    const size = this.catalog.size;
    let driver = -1;
    let smallest = Infinity;
    must.forEach((p, k) => {
      const c = this.count(p);
      if (c < smallest) [smallest, driver] = [c, k];
    });
    if ((driver < 0 || smallest > SEQUENTIAL_SHARE * size) && must.length < BANNED) return this.selectByMarks(must, mustNot);
    const others = must.filter((_, k) => k !== driver).map((p) => this.compile(p));
    const excluded = mustNot.map((p) => this.compile(p));
    const lists = this.lists(must[driver]);
    const out = new Uint32Array(Math.min(smallest, size));
    let n = 0;
    const keep = (item: number) => {
      for (const c of others) if (!passes(c, item)) return;
      for (const c of excluded) if (passes(c, item)) return;
      out[n++] = item;
    };
    if (lists.length === 1 && must[driver].kind !== "range") {
      const list = lists[0];
      for (let k = 0; k < list.length; k++) keep(list[k]);
    } else {
      // a driver not in item order (a range, or several posting lists) is first collected in a bitset, so
      // that the per-item checks below read the columns in ascending item order instead of at random
      const bits = new Uint32Array(Math.ceil(size / 32));
      for (const list of lists) for (let k = 0; k < list.length; k++) bits[list[k] >>> 5] |= 1 << (list[k] & 31);
      for (let w = 0; w < bits.length; w++) {
        for (let word = bits[w]; word !== 0; word &= word - 1) keep((w << 5) | (31 - Math.clz32(word & -word)));
      }
    }
    return out.slice(0, n);
  }

  /**
   * For broad constraints: counts, per item, how many `must` predicates it satisfies by walking
   * their posting lists and ranges (mark[item] = j once it matched the first j), bans the
   * `mustNot` items the same way, then collects the items that matched all in one ordered pass.
   */
  private selectByMarks(must: Predicate[], mustNot: Predicate[]): Uint32Array {
    // reused across calls: selection runs synchronously, one at a time
    this.markBuffer ??= new Uint8Array(this.catalog.size);
    const mark = this.markBuffer.fill(0);
    // a range holding most items is cheaper to apply as "ban what lies outside it"
    const banLists = mustNot.flatMap((p) => this.lists(p));
    const counted: Predicate[] = [];
    for (const p of must) {
      const outside = p.kind === "range" && this.count(p) > this.catalog.size / 2 ? this.outsideLists(p) : null;
      if (outside) banLists.push(...outside);
      else counted.push(p);
    }
    counted.forEach((p, j) => {
      for (const list of this.lists(p)) for (let k = 0; k < list.length; k++) if (mark[list[k]] === j) mark[list[k]] = j + 1;
    });
    for (const list of banLists) for (let k = 0; k < list.length; k++) mark[list[k]] = BANNED;
    this.collectBuffer ??= new Uint32Array(this.catalog.size);
    return collectEqual(mark, counted.length, this.collectBuffer);
  }

  /** The items failing a range: below it, above it, or without a value. */
  private outsideLists(p: Predicate & { kind: "range" }): Uint32Array[] | null {
    const entry = this.entries.get(p.attribute);
    if (entry?.kind !== "number") return null;
    const [lo, hi] = this.rangeBounds(entry, p.min, p.max);
    return [entry.items.subarray(0, lo), entry.items.subarray(Math.max(lo, hi)), entry.missing];
  }

  /** Lists that together hold each matching item exactly once (no merge or sort when values cannot overlap). */
  matchingLists(p: Predicate): Uint32Array[] {
    if (p.kind === "category" && p.codes.length > 1 && this.entries.get(p.attribute)?.kind === "category") {
      const entry = this.entries.get(p.attribute) as CategoryIndex;
      if (!entry.column.spec.multi) return this.lists(p);
    }
    return [this.matchingItems(p)];
  }

  /** The item lists whose union is the predicate (may overlap, any order). */
  private lists(p: Predicate): Uint32Array[] {
    if (p.kind !== "category") return [this.matchingItems(p)];
    const entry = this.entries.get(p.attribute);
    return entry?.kind === "category" ? p.codes.map((code) => entry.postings[code]) : [];
  }

  /** A predicate bound to its column arrays, for tight per-item loops. */
  private compile(p: Predicate): Compiled {
    if (p.kind === "items") return { kind: "items", items: p.items };
    const column = this.catalog.columns.get(p.attribute);
    if (column?.kind === "number" && p.kind === "range") return { kind: "range", values: column.values, min: p.min, max: p.max };
    if (column?.kind === "category" && p.kind === "category") {
      const wanted = new Uint8Array(column.vocabulary.length);
      for (const code of p.codes) wanted[code] = 1;
      return { kind: "category", offsets: column.offsets, codes: column.codes, wanted };
    }
    return { kind: "none" };
  }
}

/** Above this share of the catalog, `select` marks items in one array instead of walking the smallest set. */
const SEQUENTIAL_SHARE = 0.25;
/** mark of an excluded item; never equals a count of matched predicates */
const BANNED = 255;

type Compiled =
  | { kind: "range"; values: Float64Array; min: number; max: number }
  | { kind: "category"; offsets: Uint32Array; codes: Uint32Array; wanted: Uint8Array }
  | { kind: "items"; items: Uint32Array }
  | { kind: "none" };

function passes(c: Compiled, item: number): boolean {
  switch (c.kind) {
    case "range": {
      const v = c.values[item];
      return v >= c.min && v <= c.max; // NaN (no value) fails both comparisons
    }
    case "category":
      for (let q = c.offsets[item]; q < c.offsets[item + 1]; q++) if (c.wanted[c.codes[q]] === 1) return true;
      return false;
    case "items":
      return binarySearch(c.items, item);
    default:
      return false;
  }
}

function indexCategory(column: CategoryColumn): CategoryIndex {
  const starts = new Uint32Array(column.vocabulary.length + 1);
  for (let c = 0; c < column.counts.length; c++) starts[c + 1] = starts[c] + column.counts[c];
  const flat = new Uint32Array(column.codes.length);
  const cursor = starts.slice(0, column.vocabulary.length);
  const items = column.offsets.length - 1;
  for (let i = 0; i < items; i++) {
    for (let q = column.offsets[i]; q < column.offsets[i + 1]; q++) flat[cursor[column.codes[q]]++] = i;
  }
  const postings = column.vocabulary.map((_, c) => flat.subarray(starts[c], starts[c + 1]));
  const byNormalized = new Map<string, number>();
  column.vocabulary.forEach((value, code) => {
    const key = normalizeValue(value);
    if (!byNormalized.has(key)) byNormalized.set(key, code);
  });
  return { kind: "category", column, postings, byNormalized };
}

function indexNumber(column: NumberColumn): NumberIndex {
  const { values } = column;
  const items = new Uint32Array(column.count);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) items[n++] = i;
  items.sort((a, b) => values[a] - values[b] || a - b);
  const missing = new Uint32Array(values.length - column.count);
  let m = 0;
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) missing[m++] = i;
  return { kind: "number", column, items, sorted: Float64Array.from(items, (i) => values[i]), missing };
}
