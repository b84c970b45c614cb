import { describe, expect, it } from "vitest";
import { EmbeddingMatrix } from "./embedding-matrix.ts";

// rows: [1,0,0,0], [0,2,0,0], [1,1,1,1]; query [1,2,3,4] → 1, 4, 10 by hand
const rows = Float32Array.from([1, 0, 0, 0, 0, 2, 0, 0, 1, 1, 1, 1]);
const query = Float32Array.from([1, 2, 3, 4]);

describe("EmbeddingMatrix", () => {
  it("scores every row with the SIMD kernel", () => {
    const m = new EmbeddingMatrix(3, 4, rows);
    expect(Array.from(m.scoreAll(query))).toEqual([1, 4, 10]);
  });

  it("scores a candidate list in its order", () => {
    const m = new EmbeddingMatrix(3, 4, rows);
    expect(Array.from(m.scoreSome(query, Uint32Array.from([2, 0])))).toEqual([10, 1]);
    expect(m.scoreSome(query, new Uint32Array(0)).length).toBe(0);
  });

  it("matches a plain loop on wider random rows", () => {
    const n = 257;
    const dim = 36;
    const data = Float32Array.from({ length: n * dim }, (_, i) => Math.sin(i * 12.9898) % 1);
    const q = Float32Array.from({ length: dim }, (_, j) => Math.cos(j));
    const scores = new EmbeddingMatrix(n, dim, data).scoreAll(q);
    for (let i = 0; i < n; i += 17) {
      let expected = 0;
      for (let j = 0; j < dim; j++) expected += data[i * dim + j] * q[j];
      expect(scores[i]).toBeCloseTo(expected, 4);
    }
  });

  it("refuses a dimension the kernel cannot scan", () => {
    expect(() => new EmbeddingMatrix(2, 6)).toThrow(/multiple of 4/);
  });
});
