import { describe, expect, it } from "vitest";
import { EmbeddingMatrix, type ScanPrecision } from "./embedding-matrix.ts";

// rows: [1,0,0,0, 0,0,0,0], [0,2,0,0, 0,0,0,0], [1,1,1,1, 1,1,1,1]; query [1..8] → 1, 4, 36 by hand
const rows = Float32Array.from([1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
const query = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);

function pseudoRandomRows(n: number, dim: number): Float32Array {
  return Float32Array.from({ length: n * dim }, (_, i) => (Math.sin(i * 12.9898) * 43758.5453) % 1);
}

describe.each<ScanPrecision>(["f32", "int8"])("EmbeddingMatrix (%s scans)", (precision) => {
  it("scores every row", () => {
    const m = new EmbeddingMatrix(3, 8, rows, precision);
    expect(m.precision).toBe(precision);
    const scores = Array.from(m.scoreAll(query));
    [1, 4, 36].forEach((expected, i) => expect(scores[i]).toBeCloseTo(expected, precision === "f32" ? 6 : 1));
  });

  it("scores a candidate list in its order", () => {
    const m = new EmbeddingMatrix(3, 8, rows, precision);
    const scores = Array.from(m.scoreSome(query, Uint32Array.from([2, 0])));
    expect(scores[0]).toBeCloseTo(36, precision === "f32" ? 6 : 1);
    expect(scores[1]).toBeCloseTo(1, precision === "f32" ? 6 : 1);
    expect(m.scoreSome(query, new Uint32Array(0)).length).toBe(0);
  });

  it("matches a plain f64 loop on wider rows", () => {
    const n = 257;
    const dim = 64;
    const data = pseudoRandomRows(n, dim);
    const q = Float32Array.from({ length: dim }, (_, j) => Math.cos(j));
    const scores = new EmbeddingMatrix(n, dim, data, precision).scoreAll(q);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      let expected = 0;
      for (let j = 0; j < dim; j++) expected += data[i * dim + j] * q[j];
      worst = Math.max(worst, Math.abs(scores[i] - expected));
    }
    // int8 rows and i16 queries: each term off by at most ~|q|max/254, summed over 64 terms with random signs
    expect(worst).toBeLessThan(precision === "f32" ? 1e-4 : 0.1);
  });
});

describe("EmbeddingMatrix", () => {
  it("keeps exact rows for reading even when scans are quantised", () => {
    const m = new EmbeddingMatrix(3, 8, rows);
    expect(Array.from(m.row(1))).toEqual([0, 2, 0, 0, 0, 0, 0, 0]);
  });

  it("int8 scans rank like exact scans", () => {
    const n = 2000;
    const dim = 32;
    const data = pseudoRandomRows(n, dim);
    const q = Float32Array.from({ length: dim }, (_, j) => Math.sin(j * 0.7));
    const top = (p: ScanPrecision) => {
      const s = Array.from(new EmbeddingMatrix(n, dim, data, p).scoreAll(q));
      return s.map((v, i) => [v, i]).sort((a, b) => b[0] - a[0]).slice(0, 20).map(([, i]) => i);
    };
    const exact = new Set(top("f32"));
    expect(top("int8").filter((i) => exact.has(i)).length).toBeGreaterThanOrEqual(18);
  });

  it("falls back to f32 when the dimension does not suit int8, and refuses one no kernel can scan", () => {
    expect(new EmbeddingMatrix(2, 12).precision).toBe("f32");
    expect(() => new EmbeddingMatrix(2, 6)).toThrow(/multiple of 4/);
  });
});
