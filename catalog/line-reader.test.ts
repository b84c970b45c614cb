import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CatalogError } from "./catalog-error.ts";
import { isFile, readLines, requireFile } from "./line-reader.ts";

const dir = mkdtempSync(join(tmpdir(), "line-reader-"));

async function lines(content: string | Buffer): Promise<[string, number][]> {
  const path = join(dir, `f${Math.random()}.txt`);
  writeFileSync(path, content);
  const out: [string, number][] = [];
  await readLines(path, (text, line) => out.push([text, line]));
  return out;
}

describe("readLines", () => {
  it("numbers LF and CRLF lines from 1 and keeps a last line without newline", async () => {
    expect(await lines("a\r\nb\n\nc")).toEqual([["a", 1], ["b", 2], ["", 3], ["c", 4]]);
  });

  it("drops a byte-order mark and a final newline adds no line", async () => {
    expect(await lines("\uFEFFx\ny\n")).toEqual([["x", 1], ["y", 2]]);
  });

  it("keeps a multi-byte character split across the 1 MiB chunk boundary intact", async () => {
    const first = "a".repeat((1 << 20) - 1);
    const out = await lines(`${first}é\nsecond\n`);
    expect(out.map(([text, line]) => [text.length, text.slice(-1), line])).toEqual([[1 << 20, "é", 1], [6, "d", 2]]);
  });
});

describe("requireFile / isFile", () => {
  it("tells a missing file (FILE_MISSING, naming it) from a folder (FILE_UNREADABLE)", async () => {
    const missing = join(dir, "nope.csv");
    expect(await isFile(missing)).toBe(false);
    await expect(requireFile(missing, "hint")).rejects.toMatchObject({ code: "FILE_MISSING", message: `${missing} not found: hint` });
    await expect(isFile(dir)).rejects.toBeInstanceOf(CatalogError);
    await expect(isFile(dir)).rejects.toMatchObject({ code: "FILE_UNREADABLE" });
  });
});
