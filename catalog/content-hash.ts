import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { CatalogError } from "./catalog-error.ts";

/** A source file of a catalog: its role (e.g. "items.jsonl") and where it is, or null when the optional file is absent. */
export interface SourceFile {
  name: string;
  path: string | null;
}

/**
 * sha256 over the importer's version and the bytes of each source file, streamed. It keys the model cache, so a
 * change to the data, to which optional files are present, or to the importer's rules (bump its version string)
 * yields a new hash. Each file is framed by its role and byte count, so bytes cannot shift between files unnoticed.
 */
export async function contentHash(importerVersion: string, files: SourceFile[]): Promise<string> {
  const hash = createHash("sha256");
  hash.update(`${importerVersion}\0`);
  for (const file of files) {
    hash.update(`${file.name}\0`);
    if (file.path === null) {
      hash.update("absent\0");
      continue;
    }
    hash.update(`${await hashBytes(hash, file.path)}\0`);
  }
  return hash.digest("hex");
}

async function hashBytes(hash: Hash, path: string): Promise<number> {
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(path, { flags: "r", highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } catch (error) {
    throw new CatalogError("FILE_UNREADABLE", `cannot read ${path}: ${(error as Error).message}`);
  }
  return bytes;
}
