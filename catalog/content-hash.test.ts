import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentHash } from "./content-hash.ts";

const dir = mkdtempSync(join(tmpdir(), "content-hash-"));
const a = join(dir, "a.jsonl");
const b = join(dir, "b.csv");
writeFileSync(a, "line 1\nline 2\n");
writeFileSync(b, "");

describe("contentHash", () => {
  it("is the sha256 of version, then each file's role, bytes and byte count", async () => {
    const expected = createHash("sha256").update("v1\0items.jsonl\0line 1\nline 2\n14\0interactions.csv\0absent\0").digest("hex");
    expect(await contentHash("v1", [{ name: "items.jsonl", path: a }, { name: "interactions.csv", path: null }])).toBe(expected);
  });

  it("changes with the importer version, the bytes, and an optional file appearing empty", async () => {
    const base = await contentHash("v1", [{ name: "items.jsonl", path: a }, { name: "x.csv", path: null }]);
    expect(await contentHash("v2", [{ name: "items.jsonl", path: a }, { name: "x.csv", path: null }])).not.toBe(base);
    expect(await contentHash("v1", [{ name: "items.jsonl", path: a }, { name: "x.csv", path: b }])).not.toBe(base);
    const c = join(dir, "c.jsonl");
    writeFileSync(c, "line 1\nline 3\n");
    expect(await contentHash("v1", [{ name: "items.jsonl", path: c }, { name: "x.csv", path: null }])).not.toBe(base);
  });

  it("throws FILE_UNREADABLE naming a file that vanished", async () => {
    const gone = join(dir, "gone.csv");
    await expect(contentHash("v1", [{ name: "g", path: gone }])).rejects.toMatchObject({ code: "FILE_UNREADABLE", message: expect.stringContaining(gone) });
  });
});
