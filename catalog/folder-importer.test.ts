import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { itemRecord } from "./catalog.ts";
import { importFolder } from "./folder-importer.ts";

/** A catalog folder in the temp dir with the given files. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "folder-importer-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
const jsonl = (...items: unknown[]) => items.map((i) => (typeof i === "string" ? i : JSON.stringify(i))).join("\n") + "\n";

const SCHEMA = JSON.stringify({
  attributes: {
    price: { type: "number", unit: "USD", synonyms: ["cost"] },
    color: { type: "category" },
    type: { type: "category", multi: true },
  },
});
const JACKET = { id: "c-1", title: "Quilted bomber jacket", description: "Warm", attributes: { type: ["bomber"], color: "black", price: 129 } };
const PARKA = { id: "c-2", title: "Parka", attributes: { type: "parka", color: "green", price: 199.5 } };

describe("importFolder: valid catalogs", () => {
  it("loads items with schema.json, and interactions whose columns come in any order", async () => {
    const dir = folder({
      "items.jsonl": jsonl(JACKET, "", PARKA),
      "schema.json": SCHEMA,
      "interactions.csv": "item_id,timestamp,user_id,rating\nc-1,100,u1,5\nc-2,2024-01-02T00:00:00Z,u1,2\nc-2,,u2,\n",
    });
    const { catalog, problems } = await importFolder(dir, dir);
    expect(problems).toEqual([]);
    expect(catalog.schema.attributes.price).toEqual({ type: "number", unit: "USD", synonyms: ["cost"] });
    expect(catalog.ids).toEqual(["c-1", "c-2"]);
    expect(itemRecord(catalog, 1)).toEqual({ id: "c-2", title: "Parka", description: "", attributes: { type: ["parka"], color: "green", price: 199.5 } });
    const x = catalog.interactions;
    expect([...x.item]).toEqual([0, 1, 1]);
    expect(x.users).toEqual(["u1", "u2"]);
    expect([...x.rating]).toEqual([5, 2, Number.NaN]);
    expect([...x.timestamp]).toEqual([100, 1704153600, Number.NaN]);
    expect([...x.positive]).toEqual([1, 0, 1]);
  });

  it("infers the schema when schema.json is absent", async () => {
    const dir = folder({ "items.jsonl": jsonl(JACKET, PARKA) });
    const { catalog, problems } = await importFolder(dir, dir);
    expect(problems).toEqual([]);
    expect(catalog.schema).toEqual({ attributes: { type: { type: "category", multi: true }, color: { type: "category" }, price: { type: "number" } } });
    expect(itemRecord(catalog, 0).attributes).toEqual({ type: ["bomber"], color: "black", price: 129 });
  });

  it("gives a different content hash when a source byte changes", async () => {
    const a = await importFolder(folder({ "items.jsonl": jsonl(JACKET) }), "a");
    const b = await importFolder(folder({ "items.jsonl": jsonl({ ...JACKET, title: "Quilted bomber jacket!" }) }), "b");
    const c = await importFolder(folder({ "items.jsonl": jsonl(JACKET) }), "c");
    expect(a.catalog.contentHash).not.toBe(b.catalog.contentHash);
    expect(a.catalog.contentHash).toBe(c.catalog.contentHash);
  });
});

describe("importFolder: bad lines", () => {
  it("reports each kind of bad item line with its line number and field, and keeps the rest", async () => {
    const dir = folder({
      "items.jsonl": jsonl(
        JACKET, // 1
        '{"id": "c-3", "title": "Broken"', // 2: JSON
        { title: "No id" }, // 3
        { id: "c-4", title: "" }, // 4
        { id: "c-5", title: "Cheap", attributes: { price: "cheap" } }, // 5
        { id: "c-6", title: "Odd", attributes: { type: [1] } }, // 6
        { ...PARKA, id: "c-1" }, // 7: duplicate id
        { id: "c-7", title: "Two colors", attributes: { color: ["red", "blue"] } }, // 8
        [1, 2], // 9
      ),
      "schema.json": SCHEMA,
    });
    const { catalog, problems } = await importFolder(dir, dir);
    const file = join(dir, "items.jsonl");
    expect(new Set(problems.map((p) => p.file))).toEqual(new Set([file]));
    expect(problems.map(({ line, field, reason }) => ({ line, field, reason }))).toEqual([
      { line: 2, field: undefined, reason: expect.stringMatching(/^invalid JSON: /) },
      { line: 3, field: "id", reason: "is required" },
      { line: 4, field: "title", reason: "must not be empty" },
      { line: 5, field: "attributes.price", reason: 'must be a number, got "cheap"' },
      { line: 6, field: "attributes.type", reason: "must be a string, an array of strings or a number, got [1]" },
      { line: 7, field: "id", reason: 'duplicate id "c-1" (first on line 1)' },
      { line: 8, field: "attributes.color", reason: "is single-valued, got 2 values" },
      { line: 9, field: undefined, reason: "must be an object, got [1,2]" },
    ]);
    expect(catalog.ids).toEqual(["c-1"]);
  });

  it("reports attributes the schema lacks and numbers given to categories", async () => {
    const dir = folder({ "items.jsonl": jsonl({ id: "a", title: "A", attributes: { shape: "round", color: 7 } }), "schema.json": SCHEMA });
    const { problems } = await importFolder(dir, dir);
    expect(problems.map((p) => [p.line, p.field, p.reason])).toEqual([
      [1, "attributes.shape", "attribute `shape` is not in the catalog schema"],
      [1, "attributes.color", "must be a string, got 7"],
    ]);
  });

  it("refuses, without coercing, a value whose type conflicts with the type inferred from other lines", async () => {
    const items = [1, 2, 3].map((n) => ({ id: `i${n}`, title: `Item ${n}`, attributes: { price: n * 10 } }));
    const dir = folder({ "items.jsonl": jsonl(...items, { id: "i4", title: "Item 4", attributes: { price: "cheap" } }) });
    const { catalog, problems } = await importFolder(dir, dir);
    expect(catalog.schema.attributes.price).toEqual({ type: "number" });
    expect(problems).toEqual([
      { file: join(dir, "items.jsonl"), line: 4, field: "attributes.price", reason: 'must be a number, got "cheap" (no schema.json: its type was inferred from 3 lines, first line 1)' },
    ]);
    expect(catalog.size).toBe(3);
  });

  it("reports bad interaction lines: unknown or refused item, empty user, bad rating and timestamp", async () => {
    const dir = folder({
      "items.jsonl": jsonl(JACKET, { id: "bad", title: "" }),
      "interactions.csv": "user_id,item_id,rating,timestamp\nu1,c-1,4,1\nu1,nope,4,1\n,c-1,4,1\nu2,c-1,great,1\nu2,c-1,3,last week\nu3,bad,5,1\nu3,c-1\n",
    });
    const { catalog, problems } = await importFolder(dir, dir);
    const file = join(dir, "interactions.csv");
    expect(problems.filter((p) => p.file === file).map((p) => [p.line, p.field, p.reason])).toEqual([
      [3, "item_id", 'unknown item id "nope" (not in items.jsonl)'],
      [4, "user_id", "is empty"],
      [5, "rating", 'must be a number, got "great"'],
      [6, "timestamp", 'must be seconds since 1970 or an ISO 8601 date, got "last week"'],
      [7, "item_id", 'item id "bad" is on a bad line of items.jsonl (line 2)'],
      [8, undefined, "expected 4 columns (user_id,item_id,rating,timestamp), got 2"],
    ]);
    expect(catalog.interactions.item.length).toBe(1);
  });
});

describe("importFolder: schema.json and missing files", () => {
  const items = jsonl(JACKET);
  const schemaError = (schema: string) => importFolder(folder({ "items.jsonl": items, "schema.json": schema }), "x");

  it("throws BAD_SCHEMA naming the field that fails the CatalogSchema", async () => {
    await expect(schemaError('{"attributes": {"price": {"type": "money"}}}')).rejects.toMatchObject({
      code: "BAD_SCHEMA",
      message: expect.stringMatching(/schema\.json: field `attributes\.price\.type`: must be one of "number", "category", got "money"$/),
    });
    await expect(schemaError('{"attributes": {"type": {"type": "category", "mutli": true}}}')).rejects.toMatchObject({
      message: expect.stringContaining("field `attributes.type.mutli`: unknown key (an attribute takes type, multi, open, unit, synonyms)"),
    });
    await expect(schemaError('{"attributes": {"text": {"type": "category"}}}')).rejects.toMatchObject({ message: expect.stringContaining('attribute name "text" is reserved') });
    await expect(schemaError("{}")).rejects.toMatchObject({ message: expect.stringContaining("field `attributes`: is required") });
  });

  it("throws BAD_SCHEMA for schema.json that is not JSON", async () => {
    await expect(schemaError('{"attributes": ')).rejects.toMatchObject({ code: "BAD_SCHEMA", message: expect.stringContaining("schema.json is not valid JSON: ") });
  });

  it("throws FILE_MISSING naming items.jsonl, and BAD_LINE for an unusable interactions header", async () => {
    const empty = folder({});
    await expect(importFolder(empty, "x")).rejects.toMatchObject({ code: "FILE_MISSING", message: expect.stringContaining(join(empty, "items.jsonl")) });
    const dir = folder({ "items.jsonl": items, "interactions.csv": "user,item_id\nu1,c-1\n" });
    await expect(importFolder(dir, "x")).rejects.toMatchObject({
      code: "BAD_LINE",
      message: `${join(dir, "interactions.csv")}:1: unknown column "user" in the header (expected user_id,item_id[,rating][,timestamp])`,
    });
  });
});
