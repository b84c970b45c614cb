import { rmSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, MIGRATIONS } from "./migrations.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import { tempDbFile } from "./test-fixtures.ts";

const files: string[] = [];
afterAll(() => files.forEach((f) => rmSync(dirname(f), { recursive: true, force: true })));

const schemaOf = (db: Database.Database) =>
  db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();

describe("migrations", () => {
  it("apply once: reopening keeps the schema version, the schema and the data", async () => {
    const file = tempDbFile("migrate");
    files.push(file);
    const first = openSqliteStore(file);
    expect(first.schemaVersion).toBe(MIGRATIONS.length);
    await first.createUser({ id: "u1", name: "Ada" });
    const schema = schemaOf(first.db);
    await first.close();

    const second = openSqliteStore(file);
    expect(second.schemaVersion).toBe(MIGRATIONS.length);
    expect(schemaOf(second.db)).toEqual(schema);
    expect(second.db.prepare("SELECT version, name FROM schema_migrations").all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(await second.getUser("u1")).toMatchObject({ id: "u1", name: "Ada" });
    await second.close();
  });

  it("runs only the migrations newer than the file's version, each recorded", () => {
    const db = new Database(":memory:");
    const steps = [
      { version: 1, name: "one", sql: "CREATE TABLE a (x INTEGER)" },
      { version: 2, name: "two", sql: "CREATE TABLE b (y INTEGER)" },
    ];
    expect(migrate(db, steps.slice(0, 1))).toBe(1);
    expect(migrate(db, steps)).toBe(2);
    expect(migrate(db, steps)).toBe(2);
    expect(db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all()).toEqual([1, 2]);
    db.close();
  });

  it("a failing migration leaves the previous version intact", () => {
    const db = new Database(":memory:");
    const steps = [
      { version: 1, name: "one", sql: "CREATE TABLE a (x INTEGER)" },
      { version: 2, name: "broken", sql: "CREATE TABLE c (z INTEGER); CREATE TABLE a (x INTEGER)" },
    ];
    expect(() => migrate(db, steps)).toThrow(/already exists/);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'c'").pluck().get()).toBe(0);
    expect(migrate(db, steps.slice(0, 1))).toBe(1);
    db.close();
  });

  it("turns on WAL, foreign keys and a busy timeout", async () => {
    const file = tempDbFile("pragmas");
    files.push(file);
    const store = openSqliteStore(file, { busyTimeoutMs: 2500 });
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(store.db.pragma("busy_timeout", { simple: true })).toBe(2500);
    await store.close();
  });
});
