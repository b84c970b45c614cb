// Small searches and scans over sorted typed arrays, used by the attribute index.

/** First rank whose value is ≥ x. */
export function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First rank whose value is > x. */
export function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The indices i where mark[i] === want, ascending, as a new array (scratch holds them on the way). */
export function collectEqual(mark: Uint8Array, want: number, scratch: Uint32Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < mark.length; i++) {
    scratch[n] = i;
    n += mark[i] === want ? 1 : 0;
  }
  return scratch.slice(0, n);
}

/** Whether x is in the ascending list. Kept apart from lowerBound so each stays monomorphic on its array type. */
export function binarySearch(sorted: Uint32Array, x: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === x;
}

/** Drops repeats from an ascending list in place; returns the deduplicated prefix. */
export function uniqueSorted(sorted: Uint32Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i];
  return sorted.subarray(0, n);
}
