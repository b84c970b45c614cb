/** Hashes a label into a 32-bit integer (FNV-1a), to derive independent random streams from one seed. */
export function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A small, fast, seeded PRNG (sfc32) with the sampling helpers the generator needs.
 * The demo catalog must never use Math.random: the same seed has to give the same catalog.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, label = "") {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = (seed ^ hashLabel(label)) >>> 0;
    // sfc32 starts poorly from related seeds; discard the first outputs
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** An independent stream for one part of the generation, so that parts do not shift each other. */
  fork(label: string): Rng {
    return new Rng(this.nextUint32(), label);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(values: readonly T[]): T {
    return values[this.int(values.length)];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Index drawn proportionally to non-negative weights. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** A key of a weight table, drawn proportionally to its weight. */
  weighted<K extends string>(table: Readonly<Partial<Record<K, number>>>): K {
    const keys = Object.keys(table) as K[];
    return keys[this.weightedIndex(keys.map((k) => table[k] ?? 0))];
  }

  /** k distinct keys of a weight table (fewer when fewer keys have weight). */
  weightedDistinct<K extends string>(table: Readonly<Partial<Record<K, number>>>, k: number): K[] {
    const keys = Object.keys(table) as K[];
    return this.distinct(keys, keys.map((key) => table[key] ?? 0), k);
  }

  /** k distinct keys drawn without replacement, proportionally to `weights` (which it zeroes as it draws). */
  distinct<K>(keys: readonly K[], weights: number[], k: number): K[] {
    const out: K[] = [];
    while (out.length < k) {
      let total = 0;
      for (const w of weights) total += w;
      if (!(total > 0)) break;
      let r = this.next() * total;
      let i = 0;
      for (; i < weights.length - 1; i++) {
        r -= weights[i];
        if (r < 0 && weights[i] > 0) break;
      }
      while (weights[i] === 0) i--;
      out.push(keys[i]);
      weights[i] = 0;
    }
    return out;
  }
}

/** Cumulative sums of weights, for repeated O(log n) weighted draws. */
function cumulative(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) out[i] = sum += weights[i];
  return out;
}

/** Index drawn from a cumulative weight table (see `cumulative`). */
function drawCumulative(rng: Rng, cum: Float64Array): number {
  const r = rng.next() * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A fixed weight table over keys, drawn in O(log n); build once, draw many times. */
export class WeightedTable<K> {
  readonly keys: K[];
  private readonly cum: Float64Array;

  constructor(entries: Iterable<readonly [K, number]>) {
    this.keys = [];
    const weights: number[] = [];
    for (const [key, weight] of entries) {
      if (!(weight > 0)) continue;
      this.keys.push(key);
      weights.push(weight);
    }
    this.cum = cumulative(weights);
  }

  static of<K extends string>(weights: Readonly<Partial<Record<K, number>>>): WeightedTable<K> {
    return new WeightedTable(Object.entries(weights) as [K, number][]);
  }

  get empty(): boolean {
    return this.keys.length === 0;
  }

  draw(rng: Rng): K {
    return this.keys[drawCumulative(rng, this.cum)];
  }
}

/**
 * Walker's alias table for O(1) weighted draws from a large fixed distribution: draw slot j uniformly,
 * keep it when a uniform 32-bit number is below `threshold[j]`, else take `alias[j]`.
 */
export function aliasTable(weights: ArrayLike<number>): { threshold: Uint32Array; alias: Uint32Array } {
  const n = weights.length;
  const threshold = new Uint32Array(n);
  const alias = new Uint32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  const scaled = new Float64Array(n);
  const small = new Uint32Array(n);
  const large = new Uint32Array(n);
  let ns = 0;
  let nl = 0;
  for (let i = 0; i < n; i++) {
    scaled[i] = (weights[i] * n) / total;
    if (scaled[i] < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  const cut = (p: number) => Math.min(0xffffffff, Math.floor(p * 4294967296));
  while (ns > 0 && nl > 0) {
    const s = small[--ns];
    const l = large[nl - 1];
    threshold[s] = cut(scaled[s]);
    alias[s] = l;
    scaled[l] += scaled[s] - 1;
    if (scaled[l] < 1) {
      nl--;
      small[ns++] = l;
    }
  }
  // leftovers are 1 up to rounding: always keep them
  while (nl > 0) threshold[large[--nl]] = 0xffffffff;
  while (ns > 0) threshold[small[--ns]] = 0xffffffff;
  return { threshold, alias };
}
