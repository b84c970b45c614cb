import { KERNELS_WASM_BASE64 } from "./wasm/kernels-wasm.ts";

interface KernelExports {
  memory: WebAssembly.Memory;
  dotAll(mat: number, n: number, dim: number, q: number, out: number): void;
  dotSome(mat: number, dim: number, idx: number, count: number, q: number, out: number): void;
  dotAllI8(mat: number, scale: number, n: number, dim: number, q: number, qScale: number, out: number): void;
  dotSomeI8(mat: number, scale: number, dim: number, idx: number, count: number, q: number, qScale: number, out: number): void;
}

/** int8: rows quantised with one scale each (4× less memory traffic per scan); f32: exact. */
export type ScanPrecision = "int8" | "f32";

const PAGE = 65536;
const Q16 = 32767;
let compiled: WebAssembly.Module | undefined;

function kernelModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(Buffer.from(KERNELS_WASM_BASE64, "base64"));
  return compiled;
}

/**
 * Item vectors scored against a query with WebAssembly SIMD dot products. Scans are memory-bound, so by
 * default the rows are scanned as int8 with a per-row scale (relative error ≈ 1/127 of the row's largest
 * component), while `row(i)` still reads the exact f32 vector for breakdowns and attention.
 */
export class EmbeddingMatrix {
  /** exact rows; empty for a scan-only matrix */
  data: Float32Array;
  readonly precision: ScanPrecision;
  private readonly kernels: KernelExports;
  private readonly matPtr = 0;
  private readonly scalePtr: number;
  private readonly queryPtr: number;
  private readonly idxPtr: number;
  private readonly outPtr: number;
  private readonly query: Float32Array | Int16Array;
  private readonly idx: Uint32Array;
  private readonly out: Float32Array;

  constructor(
    readonly rows: number,
    readonly dim: number,
    source?: Float32Array,
    precision: ScanPrecision = "int8",
  ) {
    if (dim % 4 !== 0 || dim <= 0) throw new Error(`embedding dim must be a positive multiple of 4, got ${dim}`);
    if (source && source.length !== rows * dim) throw new Error(`expected ${rows * dim} floats, got ${source.length}`);
    this.precision = precision === "int8" && dim % 8 === 0 && dim <= 512 ? "int8" : "f32";
    this.data = source ?? new Float32Array(rows * dim);
    const int8 = this.precision === "int8";
    const matBytes = int8 ? rows * dim : rows * dim * 4;
    this.scalePtr = align(matBytes);
    this.queryPtr = this.scalePtr + (int8 ? rows * 4 : 0);
    this.idxPtr = align(this.queryPtr + dim * 4);
    this.outPtr = this.idxPtr + rows * 4;
    this.kernels = new WebAssembly.Instance(kernelModule(), {}).exports as unknown as KernelExports;
    const memory = this.kernels.memory;
    const grow = Math.ceil((this.outPtr + rows * 4) / PAGE) - memory.buffer.byteLength / PAGE;
    if (grow > 0) memory.grow(grow);
    const buffer = memory.buffer;
    this.query = int8 ? new Int16Array(buffer, this.queryPtr, dim) : new Float32Array(buffer, this.queryPtr, dim);
    this.idx = new Uint32Array(buffer, this.idxPtr, rows);
    this.out = new Float32Array(buffer, this.outPtr, rows);
    this.sync();
  }

  /**
   * One int8 matrix whose rows are the parts' rows side by side (dims add up), for scoring several spaces
   * in one pass with a concatenated query. Scan-only: the exact rows stay in the parts.
   */
  static joint(parts: EmbeddingMatrix[]): EmbeddingMatrix {
    const rows = parts[0].rows;
    const dim = parts.reduce((d, p) => d + p.dim, 0);
    const rowsOf = new Float32Array(rows * dim);
    for (let i = 0; i < rows; i++) {
      let at = i * dim;
      for (const part of parts) {
        if (part.rows !== rows) throw new Error("joint parts must have the same rows");
        rowsOf.set(part.row(i), at);
        at += part.dim;
      }
    }
    const matrix = new EmbeddingMatrix(rows, dim, rowsOf);
    matrix.data = new Float32Array(0);
    return matrix;
  }

  /** Copies `data` into the scanned form; call after writing into `data`. */
  sync(): void {
    const buffer = this.kernels.memory.buffer;
    if (this.precision === "f32") {
      new Float32Array(buffer, this.matPtr, this.rows * this.dim).set(this.data);
      return;
    }
    const mat = new Int8Array(buffer, this.matPtr, this.rows * this.dim);
    const scales = new Float32Array(buffer, this.scalePtr, this.rows);
    const { dim, data } = this;
    for (let i = 0; i < this.rows; i++) {
      let max = 0;
      for (let j = i * dim; j < (i + 1) * dim; j++) max = Math.max(max, Math.abs(data[j]));
      scales[i] = max / 127;
      const inv = max > 0 ? 127 / max : 0;
      for (let j = i * dim; j < (i + 1) * dim; j++) mat[j] = Math.round(data[j] * inv);
    }
  }

  /** Row i, exact, as a view (no copy). */
  row(i: number): Float32Array {
    if (this.data.length === 0 && this.rows > 0) throw new Error("a joint matrix is scan-only: read rows from its parts");
    return this.data.subarray(i * this.dim, (i + 1) * this.dim);
  }

  /** Scores every row; the returned view is overwritten by the next call on this matrix. */
  scoreAll(query: Float32Array): Float32Array {
    const qScale = this.loadQuery(query);
    if (this.precision === "f32") this.kernels.dotAll(this.matPtr, this.rows, this.dim, this.queryPtr, this.outPtr);
    else this.kernels.dotAllI8(this.matPtr, this.scalePtr, this.rows, this.dim, this.queryPtr, qScale, this.outPtr);
    return this.out;
  }

  /** scores[k] = row(candidates[k]) · query; the returned view is overwritten by the next call. */
  scoreSome(query: Float32Array, candidates: Uint32Array): Float32Array {
    if (candidates.length > this.rows) throw new Error("more candidates than rows");
    const qScale = this.loadQuery(query);
    this.idx.set(candidates);
    if (this.precision === "f32") this.kernels.dotSome(this.matPtr, this.dim, this.idxPtr, candidates.length, this.queryPtr, this.outPtr);
    else this.kernels.dotSomeI8(this.matPtr, this.scalePtr, this.dim, this.idxPtr, candidates.length, this.queryPtr, qScale, this.outPtr);
    return this.out.subarray(0, candidates.length);
  }

  /** Writes the query into wasm memory (as i16 for int8 scans) and returns its scale. */
  private loadQuery(query: Float32Array): number {
    if (query.length !== this.dim) throw new Error(`query has ${query.length} dims, matrix has ${this.dim}`);
    if (this.query instanceof Float32Array) {
      this.query.set(query);
      return 1;
    }
    let max = 0;
    for (let j = 0; j < this.dim; j++) max = Math.max(max, Math.abs(query[j]));
    const inv = max > 0 ? Q16 / max : 0;
    for (let j = 0; j < this.dim; j++) this.query[j] = Math.round(query[j] * inv);
    return max / Q16;
  }
}

function align(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}
