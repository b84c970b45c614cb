import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mlRef, runCli, tempDir } from "./helpers.ts";

describe("recbot catalog", () => {
  it("prints MovieLens stats and vocabularies", async () => {
    const result = await runCli(["catalog", mlRef]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/items 9,742 · users 610 · interactions 100,836/);
    expect(result.stdout).toMatch(/genre\s+multi\s+\d+ values: Drama \(\d+\)/);
    expect(result.stdout).toMatch(/year\s+number\s+19\d\d – 20\d\d/);
  });

  it("prints JSON with --json", async () => {
    const result = await runCli(["catalog", "demo", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const stats = JSON.parse(result.stdout);
    expect(stats.items).toBeGreaterThanOrEqual(20_000);
    expect(stats.users).toBeGreaterThanOrEqual(2_000);
    expect(stats.attributes.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(["category", "price", "brand"]));
  });

  it("fails on a malformed catalog with file, line and field, and loads the rest when asked", async () => {
    const dir = tempDir("badcat");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "schema.json"), JSON.stringify({ attributes: { price: { type: "number" }, color: { type: "category" } } }));
    writeFileSync(join(dir, "items.jsonl"), [
      JSON.stringify({ id: "a", title: "Red scarf", attributes: { price: 20, color: "red" } }),
      JSON.stringify({ id: "b", title: "Blue hat", attributes: { price: "cheap", color: "blue" } }),
      JSON.stringify({ id: "c", title: "Green bag", attributes: { price: 50, color: "green" } }),
    ].join("\n") + "\n");
    const failed = await runCli(["catalog", dir]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/items\.jsonl:2: field `attributes\.price`/);
    expect(failed.stderr).toMatch(/cheap/);
    const skipped = await runCli(["catalog", dir, "--skip-bad-lines"]);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stdout).toMatch(/items 2 ·/);
    expect(skipped.stdout).toMatch(/skipped 1 bad line/);
  });

  it("names the missing folder", async () => {
    const result = await runCli(["catalog", "movielens:/no/such/folder"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\/no\/such\/folder/);
  });
});
