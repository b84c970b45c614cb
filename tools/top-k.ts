/**
 * Keeps the k best (score, item) pairs seen so far in a bounded min-heap: O(n log k), no full sort.
 * Higher score wins; equal scores prefer the lower item index, so results are deterministic.
 */
export class TopK {
  private readonly items: Uint32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(readonly k: number) {
    this.items = new Uint32Array(k);
    this.scores = new Float64Array(k);
  }

  /** The score an item must beat to enter (−∞ until the heap is full). */
  get threshold(): number {
    return this.size < this.k ? -Infinity : this.scores[0];
  }

  push(item: number, score: number): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      this.items[this.size] = item;
      this.scores[this.size] = score;
      this.siftUp(this.size++);
    } else if (this.worse(this.items[0], this.scores[0], item, score)) {
      this.items[0] = item;
      this.scores[0] = score;
      this.siftDown(0);
    }
  }

  /** The kept pairs, best first. */
  result(): { items: Uint32Array; scores: Float32Array } {
    const order = Array.from({ length: this.size }, (_, i) => i);
    order.sort((a, b) => this.scores[b] - this.scores[a] || this.items[a] - this.items[b]);
    return {
      items: Uint32Array.from(order, (i) => this.items[i]),
      scores: Float32Array.from(order, (i) => this.scores[i]),
    };
  }

  /** whether (ia, sa) ranks below (ib, sb) */
  private worse(ia: number, sa: number, ib: number, sb: number): boolean {
    return sa < sb || (sa === sb && ia > ib);
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(this.items[i], this.scores[i], this.items[parent], this.scores[parent])) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < this.size && this.worse(this.items[l], this.scores[l], this.items[min], this.scores[min])) min = l;
      if (r < this.size && this.worse(this.items[r], this.scores[r], this.items[min], this.scores[min])) min = r;
      if (min === i) return;
      this.swap(i, min);
      i = min;
    }
  }

  private swap(a: number, b: number): void {
    [this.items[a], this.items[b]] = [this.items[b], this.items[a]];
    [this.scores[a], this.scores[b]] = [this.scores[b], this.scores[a]];
  }
}
