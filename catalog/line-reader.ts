import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";
import { CatalogError } from "./catalog-error.ts";

/**
 * Calls `onLine` for every line of a UTF-8 text file, streaming it in chunks so a 1 GB file is never held as one
 * string. Lines are numbered from 1; "\n" and "\r\n" both end a line; a leading byte-order mark is dropped.
 * The file is opened read-only. Resolves to the number of lines.
 */
export async function readLines(path: string, onLine: (text: string, line: number) => void): Promise<number> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let line = 0;
  let atStart = true;
  try {
    for await (const chunk of createReadStream(path, { flags: "r", highWaterMark: 1 << 20 })) {
      let text = rest + decoder.write(chunk as Buffer);
      if (atStart && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        atStart = false;
      }
      let start = 0;
      for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        onLine(text.slice(start, end), ++line);
        start = nl + 1;
      }
      rest = text.slice(start);
    }
  } catch (error) {
    throw asReadError(path, error);
  }
  rest += decoder.end();
  if (rest.length > 0) onLine(rest.endsWith("\r") ? rest.slice(0, -1) : rest, ++line);
  return line;
}

/** Throws FILE_MISSING (or FILE_UNREADABLE) unless `path` is a readable regular file; `hint` says what it is for. */
export async function requireFile(path: string, hint: string): Promise<void> {
  if (!(await isFile(path))) throw new CatalogError("FILE_MISSING", `${path} not found: ${hint}`);
}

/** Whether `path` names an existing regular file (optional catalog files). */
export async function isFile(path: string): Promise<boolean> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CatalogError("FILE_UNREADABLE", `${path} is not a regular file`);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw asReadError(path, error);
  }
}

function asReadError(path: string, error: unknown): unknown {
  if (error instanceof CatalogError || !(error as NodeJS.ErrnoException).syscall) return error;
  return new CatalogError("FILE_UNREADABLE", `cannot read ${path}: ${(error as Error).message}`);
}
