import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Catalog } from "../catalog/catalog.ts";

/** Bump whenever training or the file layout changes: older cache files are then rebuilt. */
export const MODEL_VERSION = 1;
const FORMAT = "recbot-model";

/** Where models live: option, else $RECBOT_DATA_DIR, else ./recbot-data (against the working directory). */
export function resolveDataDir(dataDir?: string): string {
  return path.resolve(dataDir ?? process.env.RECBOT_DATA_DIR ?? "recbot-data");
}

/** The cache folder of one catalog: `<dataDir>/models/<contentHash>/`. */
export function modelDir(catalog: Catalog, dataDir?: string): string {
  return path.join(resolveDataDir(dataDir), "models", catalog.contentHash);
}

/** The JSON header beside a Float32 payload; `extra` carries what a model needs besides its arrays. */
export interface ArtefactHeader<Extra> {
  format: typeof FORMAT;
  version: number;
  kind: string;
  /** length of each Float32 array, in payload order */
  lengths: number[];
  checksum: number;
  extra: Extra;
}

/** FNV-1a over the payload's 32-bit words: detects truncated or damaged files cheaply. */
function checksum(bytes: Uint8Array): number {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 0x01000193) >>> 0;
  return h;
}

async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Writes `<kind>.bin` then `<kind>.json`, each atomically, so a reader never sees a half-written model. */
export async function writeArtefact<Extra>(dir: string, kind: string, arrays: Float32Array[], extra: Extra): Promise<void> {
  await mkdir(dir, { recursive: true });
  const total = arrays.reduce((n, a) => n + a.length, 0);
  const payload = new Float32Array(total);
  let offset = 0;
  for (const a of arrays) {
    payload.set(a, offset);
    offset += a.length;
  }
  const bytes = new Uint8Array(payload.buffer);
  const header: ArtefactHeader<Extra> = {
    format: FORMAT, version: MODEL_VERSION, kind, lengths: arrays.map((a) => a.length), checksum: checksum(bytes), extra,
  };
  await writeAtomic(path.join(dir, `${kind}.bin`), bytes);
  await writeAtomic(path.join(dir, `${kind}.json`), JSON.stringify(header));
}

export type CacheWarning = (message: string) => void;

/**
 * Reads an artefact, or null when it is absent. A damaged, truncated or out-of-date file is reported
 * through `warn` and also yields null, so the caller rebuilds instead of crashing.
 */
export async function readArtefact<Extra>(
  dir: string,
  kind: string,
  warn: CacheWarning,
): Promise<{ arrays: Float32Array[]; extra: Extra } | null> {
  const headerFile = path.join(dir, `${kind}.json`);
  let headerText: string;
  try {
    headerText = await readFile(headerFile, "utf8");
  } catch {
    return null;
  }
  try {
    const header = JSON.parse(headerText) as ArtefactHeader<Extra>;
    if (header.format !== FORMAT || header.kind !== kind) throw new Error("not a model header");
    if (header.version !== MODEL_VERSION) {
      warn(`model cache ${headerFile} is version ${header.version}, expected ${MODEL_VERSION}: rebuilding`);
      return null;
    }
    const buffer = await readFile(path.join(dir, `${kind}.bin`));
    const expected = header.lengths.reduce((n, l) => n + l, 0) * 4;
    if (buffer.byteLength !== expected) throw new Error(`payload is ${buffer.byteLength} bytes, expected ${expected}`);
    const bytes = new Uint8Array(expected);
    bytes.set(buffer);
    if (checksum(bytes) !== header.checksum) throw new Error("payload checksum mismatch");
    const all = new Float32Array(bytes.buffer);
    const arrays: Float32Array[] = [];
    let offset = 0;
    for (const length of header.lengths) {
      arrays.push(all.subarray(offset, offset + length));
      offset += length;
    }
    return { arrays, extra: header.extra };
  } catch (error) {
    warn(`model cache ${headerFile} is unreadable (${(error as Error).message}): rebuilding`);
    return null;
  }
}
