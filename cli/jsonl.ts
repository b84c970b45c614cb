import { createReadStream, createWriteStream, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { z } from "zod";

/** Lines of a file, or of stdin when no file is given, with their 1-based numbers; blank lines skipped. */
export async function* readLines(file?: string): AsyncGenerator<{ line: number; text: string }> {
  const input = file ? createReadStream(file, { encoding: "utf8" }) : process.stdin;
  const reader = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of reader) {
    line++;
    if (text.trim() !== "") yield { line, text };
  }
}

/** A JSON Lines sink on a file or stdout that respects back-pressure. */
export class JsonlWriter {
  private readonly stream: Writable;
  constructor(file?: string) {
    if (file) mkdirSync(dirname(file), { recursive: true });
    this.stream = file ? createWriteStream(file, { encoding: "utf8" }) : process.stdout;
  }

  async write(value: unknown): Promise<void> {
    if (!this.stream.write(JSON.stringify(value) + "\n")) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    if (this.stream === process.stdout) return;
    this.stream.end();
    await once(this.stream, "finish");
  }
}

/** One input line checked against its schema, or the error line the output gets instead (with the id when readable). */
export function readJsonLine<S extends z.ZodType>(schema: S, text: string, line: number): { value: z.infer<S> } | { id: unknown; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { id: null, error: `line ${line}: not valid JSON (${(e as Error).message})` };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data };
  return { id: (raw as { id?: unknown })?.id ?? null, error: `line ${line}: ${z.prettifyError(parsed.error).replace(/\n/g, "; ")}` };
}

/** Milliseconds rounded to microseconds, as output lines report them. */
export const roundMs = (ms: number) => Math.round(ms * 1000) / 1000;
