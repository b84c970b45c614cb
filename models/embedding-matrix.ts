import { KERNELS_WASM_BASE64 } from "./wasm/kernels-wasm.ts";

interface KernelExports {
  memory: WebAssembly.Memory;
  dotAll(mat: number, n: number, dim: number, q: number, out: number): void;
  dotSome(mat: number, dim: number, idx: number, count: number, q: number, out: number): void;
}

const PAGE = 65536;
let compiled: WebAssembly.Module | undefined;

function kernelModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(Buffer.from(KERNELS_WASM_BASE64, "base64"));
  return compiled;
}

/**
 * Item vectors held in WebAssembly memory and scored against a query with SIMD dot products.
 * Each matrix owns one small wasm instance: rows, then the query, the candidate list and the scores.
 */
export class EmbeddingMatrix {
  readonly data: Float32Array;
  private readonly kernels: KernelExports;
  private readonly queryPtr: number;
  private readonly idxPtr: number;
  private readonly outPtr: number;
  private readonly query: Float32Array;
  private readonly idx: Uint32Array;
  private readonly out: Float32Array;

  constructor(
    readonly rows: number,
    readonly dim: number,
    source?: Float32Array,
  ) {
    if (dim % 4 !== 0 || dim <= 0) throw new Error(`embedding dim must be a positive multiple of 4, got ${dim}`);
    if (source && source.length !== rows * dim) throw new Error(`expected ${rows * dim} floats, got ${source.length}`);
    const instance = new WebAssembly.Instance(kernelModule(), {});
    this.kernels = instance.exports as unknown as KernelExports;
    const dataBytes = rows * dim * 4;
    this.queryPtr = dataBytes;
    this.idxPtr = this.queryPtr + dim * 4;
    this.outPtr = this.idxPtr + rows * 4;
    const needed = this.outPtr + rows * 4;
    const memory = this.kernels.memory;
    const grow = Math.ceil(needed / PAGE) - memory.buffer.byteLength / PAGE;
    if (grow > 0) memory.grow(grow);
    const buffer = memory.buffer;
    this.data = new Float32Array(buffer, 0, rows * dim);
    this.query = new Float32Array(buffer, this.queryPtr, dim);
    this.idx = new Uint32Array(buffer, this.idxPtr, rows);
    this.out = new Float32Array(buffer, this.outPtr, rows);
    if (source) this.data.set(source);
  }

  /** Row i as a view (no copy). */
  row(i: number): Float32Array {
    return this.data.subarray(i * this.dim, (i + 1) * this.dim);
  }

  /** Scores every row; the returned view is overwritten by the next call on this matrix. */
  scoreAll(query: Float32Array): Float32Array {
    this.query.set(query);
    this.kernels.dotAll(0, this.rows, this.dim, this.queryPtr, this.outPtr);
    return this.out;
  }

  /** scores[k] = row(candidates[k]) · query; the returned view is overwritten by the next call. */
  scoreSome(query: Float32Array, candidates: Uint32Array): Float32Array {
    if (candidates.length > this.rows) throw new Error("more candidates than rows");
    this.query.set(query);
    this.idx.set(candidates);
    this.kernels.dotSome(0, this.dim, this.idxPtr, candidates.length, this.queryPtr, this.outPtr);
    return this.out.subarray(0, candidates.length);
  }
}
