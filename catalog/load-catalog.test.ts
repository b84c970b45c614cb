import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CatalogError } from "./catalog-error.ts";
import { loadCatalog, parseCatalogRef } from "./load-catalog.ts";

const ML_SMALL = fileURLToPath(new URL("../../shared/data/ml-latest-small/", import.meta.url));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "load-catalog-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
const item = (n: number, attributes: object = {}) => JSON.stringify({ id: `i${n}`, title: `Item ${n}`, attributes });

describe("parseCatalogRef", () => {
  it("reads the three reference forms", () => {
    expect(parseCatalogRef("demo")).toEqual({ kind: "demo" });
    expect(parseCatalogRef("demo:100000")).toEqual({ kind: "demo", items: 100000 });
    expect(parseCatalogRef("movielens:data/ml")).toEqual({ kind: "movielens", dir: "data/ml" });
    expect(parseCatalogRef("./shop")).toEqual({ kind: "folder", dir: "./shop" });
    expect(parseCatalogRef("/abs/shop")).toEqual({ kind: "folder", dir: "/abs/shop" });
  });

  it("refuses malformed references with CATALOG_REF_INVALID listing the accepted forms", () => {
    for (const ref of ["", "demo:", "demo:0", "demo:many", "movielens:", "http://x/catalog"]) {
      expect(() => parseCatalogRef(ref), ref).toThrow(CatalogError);
      try {
        parseCatalogRef(ref);
      } catch (error) {
        expect((error as CatalogError).code).toBe("CATALOG_REF_INVALID");
        expect((error as CatalogError).message).toContain('use "demo", "demo:<items>", "movielens:<dir>" or a catalog folder "<dir>"');
      }
    }
  });
});

describe("loadCatalog", () => {
  it("throws CATALOG_NOT_FOUND naming a missing folder, for both folder kinds", async () => {
    const missing = join(tmpdir(), "no-such-catalog-folder");
    await expect(loadCatalog(missing)).rejects.toMatchObject({ code: "CATALOG_NOT_FOUND", message: `catalog folder not found: ${missing}` });
    await expect(loadCatalog("movielens:no-such-ml")).rejects.toMatchObject({
      code: "CATALOG_NOT_FOUND",
      message: `catalog folder not found: no-such-ml (${resolve("no-such-ml")})`,
    });
  });

  it("loads ml-latest-small well under a second", async () => {
    const start = performance.now();
    const { catalog, skipped, problems } = await loadCatalog(`movielens:${ML_SMALL}`);
    const ms = performance.now() - start;
    expect([catalog.size, catalog.interactions.users.length, skipped, problems]).toEqual([9742, 610, 0, []]);
    expect(catalog.ref).toBe(`movielens:${ML_SMALL}`);
    expect(catalog.name).toBe("ml-latest-small");
    expect(ms).toBeLessThan(3000); // generous: test workers share the CPU; the measured time is in the report
  });

  describe("with bad lines", () => {
    const lines = [item(1), "not json", item(3, { price: 5 }), item(4, { price: "cheap" }), item(1), item(6, { price: 1 })];
    const dir = folder({ "items.jsonl": lines.join("\n") + "\n", "interactions.csv": "user_id,item_id\nu1,i1\nu1,i9\n" });
    const items = join(dir, "items.jsonl");

    it("fails by default with BAD_LINE listing every problem", async () => {
      const error = await loadCatalog(dir).then(() => undefined, (e: unknown) => e as CatalogError);
      expect(error).toBeInstanceOf(CatalogError);
      expect(error!.code).toBe("BAD_LINE");
      expect(error!.problems.map((p) => [p.file, p.line, p.field])).toEqual([
        [items, 2, undefined],
        [items, 4, "attributes.price"],
        [items, 5, "id"],
        [join(dir, "interactions.csv"), 3, "item_id"],
      ]);
      const message = error!.message.split("\n");
      expect(message[0]).toBe("4 bad lines (4 problems); fix them, or load with --skip-bad-lines (skipBadLines) to leave them out:");
      expect(message[2]).toBe(`  ${items}:4: field \`attributes.price\`: must be a number, got "cheap" (no schema.json: its type was inferred from 2 lines, first line 3)`);
      expect(message).toHaveLength(5);
    });

    it("with skipBadLines loads the rest and reports how many lines were skipped and which", async () => {
      const { catalog, skipped, problems } = await loadCatalog(dir, { skipBadLines: true });
      expect(catalog.ids).toEqual(["i1", "i3", "i6"]);
      expect(catalog.interactions.item.length).toBe(1);
      expect(skipped).toBe(4);
      expect(problems.map((p) => p.line)).toEqual([2, 4, 5, 3]);
    });
  });

  it("lists only the first 10 problems in the message, and counts lines not problems as skipped", async () => {
    const lines = Array.from({ length: 25 }, (_, i) => JSON.stringify({ id: `i${i}`, title: "T", attributes: { n: "x", m: 1 } }));
    const dir = folder({ "items.jsonl": [item(100, { n: "a" }), ...lines].join("\n"), "schema.json": '{"attributes": {"n": {"type": "number"}}}' });
    const error = (await loadCatalog(dir).catch((e: unknown) => e)) as CatalogError;
    expect(error.problems).toHaveLength(51);
    expect(error.message.split("\n")).toHaveLength(12);
    expect(error.message).toMatch(/^26 bad lines \(51 problems\)/);
    expect(error.message).toMatch(/\n {2}… and 41 more$/);
  });

  it("throws EMPTY_CATALOG when no item survives", async () => {
    const dir = folder({ "items.jsonl": "{}\n" });
    await expect(loadCatalog(dir, { skipBadLines: true })).rejects.toMatchObject({ code: "EMPTY_CATALOG" });
  });

  it("never modifies the source files: same bytes, same mtime, no file created", async () => {
    const files = {
      "items.jsonl": [item(1, { color: "red" }), "oops", item(2, { color: "blue" })].join("\n"),
      "schema.json": '{"attributes": {"color": {"type": "category"}}}',
      "interactions.csv": "user_id,item_id,rating\nu1,i1,5\nu1,i7,4\n",
    };
    const dir = folder(files);
    const before = Object.keys(files).map((name) => statSync(join(dir, name)).mtimeMs);
    await loadCatalog(dir, { skipBadLines: true });
    await loadCatalog(dir).catch(() => undefined);
    for (const [i, [name, content]] of Object.entries(files).entries()) {
      expect(readFileSync(join(dir, name), "utf8"), name).toBe(content);
      expect(statSync(join(dir, name)).mtimeMs, name).toBe(before[i]);
    }
    expect(new Set(readdirSync(dir))).toEqual(new Set(Object.keys(files)));
  });

  it("builds the demo catalog, with an item count when asked", async () => {
    const { catalog, skipped } = await loadCatalog("demo:300");
    expect(catalog.size).toBe(300);
    expect(skipped).toBe(0);
  });
});
