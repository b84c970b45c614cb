/** Optimal-string-alignment edit distance (insert, delete, substitute, swap neighbours), capped at `max + 1`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Uint16Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2] + 1);
      d[i * cols + j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[rows * cols - 1];
}

function trigrams(word: string): string[] {
  const padded = `^${word}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

/**
 * Finds the known word nearest to a misspelt one: candidates share character trigrams with it, and the
 * closest by edit distance wins (≤ 1 edit for words of up to 4 letters, ≤ 2 otherwise; frequency breaks ties).
 */
export class TypoIndex {
  private readonly postings = new Map<string, number[]>();

  constructor(
    private readonly words: readonly string[],
    private readonly frequency: (index: number) => number,
  ) {
    words.forEach((w, i) => {
      for (const g of trigrams(w)) {
        const list = this.postings.get(g);
        if (list) list.push(i);
        else this.postings.set(g, [i]);
      }
    });
  }

  /** Index of the nearest known word, or -1 when none is close enough. */
  nearest(word: string): number {
    const max = word.length <= 4 ? 1 : 2;
    const shared = new Map<number, number>();
    for (const g of trigrams(word)) for (const i of this.postings.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    const candidates = [...shared].sort((a, b) => b[1] - a[1]).slice(0, 200);
    let best = -1;
    let bestDistance = max + 1;
    for (const [i] of candidates) {
      const d = editDistance(word, this.words[i], max);
      if (d < bestDistance || (d === bestDistance && best >= 0 && this.frequency(i) > this.frequency(best))) {
        best = i;
        bestDistance = d;
      }
    }
    return bestDistance <= max ? best : -1;
  }
}
