import { describe, expect, it } from "vitest";
import { randomizedSvd } from "./randomized-svd.ts";
import { sparseFromTriplets } from "./sparse-matrix.ts";

describe("randomizedSvd", () => {
  it("recovers the singular values of a small matrix (hand-computed: diag(3, 2, 1) padded)", () => {
    const m = sparseFromTriplets(4, 5, Uint32Array.of(0, 1, 2), Uint32Array.of(0, 1, 2), Float32Array.of(3, 2, 1));
    const svd = randomizedSvd(m, 4);
    expect(Array.from(svd.singular).map((s) => +s.toFixed(6))).toEqual([3, 2, 1, 0]);
    // u·s·vᵀ reproduces the matrix
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 5; c++) {
        let x = 0;
        for (let j = 0; j < 4; j++) x += svd.u[r * 4 + j] * svd.singular[j] * svd.v[c * 4 + j];
        expect(x).toBeCloseTo(r === c && r < 3 ? 3 - r : 0, 6);
      }
    }
  });
});
