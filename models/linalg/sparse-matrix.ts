/** A sparse matrix in compressed-row form: row r holds cols[offsets[r] .. offsets[r+1]). */
export interface SparseMatrix {
  rows: number;
  cols: number;
  offsets: Uint32Array;
  indices: Uint32Array;
  values: Float32Array;
}

/** Builds a CSR matrix from (row, col, value) triplets; duplicates are summed. */
export function sparseFromTriplets(
  rows: number,
  cols: number,
  rowOf: Uint32Array,
  colOf: Uint32Array,
  valueOf: Float32Array,
): SparseMatrix {
  const counts = new Uint32Array(rows + 1);
  for (let i = 0; i < rowOf.length; i++) counts[rowOf[i] + 1]++;
  for (let r = 0; r < rows; r++) counts[r + 1] += counts[r];
  const cursor = counts.slice(0, rows);
  const indices = new Uint32Array(rowOf.length);
  const values = new Float32Array(rowOf.length);
  for (let i = 0; i < rowOf.length; i++) {
    const p = cursor[rowOf[i]]++;
    indices[p] = colOf[i];
    values[p] = valueOf[i];
  }
  return { rows, cols, offsets: counts, indices, values };
}

/** The transpose, still in CSR form. */
export function transpose(m: SparseMatrix): SparseMatrix {
  const rowOf = new Uint32Array(m.indices.length);
  for (let r = 0; r < m.rows; r++) rowOf.fill(r, m.offsets[r], m.offsets[r + 1]);
  return sparseFromTriplets(m.cols, m.rows, m.indices, rowOf, m.values);
}

/** M (rows × cols) · X (cols × k, row-major) → rows × k. */
export function multiplyDense(m: SparseMatrix, x: Float64Array, k: number): Float64Array {
  const out = new Float64Array(m.rows * k);
  for (let r = 0; r < m.rows; r++) {
    const o = r * k;
    for (let p = m.offsets[r]; p < m.offsets[r + 1]; p++) {
      const v = m.values[p];
      const xo = m.indices[p] * k;
      for (let j = 0; j < k; j++) out[o + j] += v * x[xo + j];
    }
  }
  return out;
}
