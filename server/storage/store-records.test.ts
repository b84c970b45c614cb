import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emptyPreferences } from "../../schemas/preferences.ts";
import { openSqliteStore, type SqliteStore } from "./sqlite-store.ts";
import { StoreError } from "./store-error.ts";
import { tempDbFile, tinySpec } from "./test-fixtures.ts";

let store: SqliteStore;
let file: string;
let clock = 1_000;

beforeAll(() => {
  file = tempDbFile("records");
  store = openSqliteStore(file, { now: () => clock++ });
});
afterAll(async () => {
  await store.close();
  rmSync(dirname(file), { recursive: true, force: true });
});

describe("users and sessions", () => {
  it("round-trip, list by user, and refuse duplicates and unknown users", async () => {
    expect(await store.createUser({ id: "ada", name: "Ada" })).toEqual({ id: "ada", name: "Ada", createdAt: expect.any(Number) });
    const anonymous = await store.createUser();
    expect(anonymous.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await store.getUser("ada")).toMatchObject({ id: "ada", name: "Ada" });
    expect(await store.getUser("nobody")).toBeNull();
    await expect(store.createUser({ id: "ada" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("user `ada` already exists") });

    const s1 = await store.createSession({ id: "s1", userId: "ada", catalogUser: "u42" });
    const s2 = await store.createSession({ userId: "ada" });
    await store.createSession({ id: "s3", userId: anonymous.id });
    expect(await store.getSession("s1")).toEqual(s1);
    expect(s1).toMatchObject({ userId: "ada", catalogUser: "u42" });
    expect((await store.listSessions("ada")).map((s) => s.id)).toEqual(["s1", s2.id]);
    await expect(store.createSession({ id: "s1", userId: "ada" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(store.createSession({ userId: "ghost" })).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("user `ghost` does not exist") });
    await expect(store.createSession({ userId: "" })).rejects.toBeInstanceOf(StoreError);
  });
});

describe("turns", () => {
  it("append in order with their memory, feed and runs, and read back oldest first", async () => {
    await store.createUser({ id: "bob" });
    await store.createSession({ id: "turns", userId: "bob" });
    const memory = { ...emptyPreferences(), positive: { hard: [{ attribute: "color", values: ["red"] }], soft: [] } };
    const first = await store.appendTurn({ sessionId: "turns", turn: 1, command: "red please", memory, feed: ["i1", "i2"], runIds: ["r1", "r2"] });
    await store.appendTurn({ sessionId: "turns", turn: 2, command: "ok", memory, feed: ["i2", "i3"], runIds: [], at: 5 });
    const turns = await store.listTurns("turns");
    expect(turns).toEqual([first, { sessionId: "turns", turn: 2, command: "ok", memory, feed: ["i2", "i3"], runIds: [], at: 5 }]);
    expect(turns[0].memory.positive.hard[0]).toEqual({ attribute: "color", values: ["red"] });
  });

  it("refuse a turn out of order, in an unknown session, or with a bad memory", async () => {
    const turn = { sessionId: "turns", turn: 2, command: "again", memory: emptyPreferences(), feed: [], runIds: [] };
    await expect(store.appendTurn(turn)).rejects.toMatchObject({ code: "CONFLICT", message: "session `turns` expects turn 3 next, got turn 2" });
    await expect(store.appendTurn({ ...turn, sessionId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const bad = { ...turn, turn: 3, memory: { positive: { hard: [{ attribute: "year", min: 5, max: 1 }] } } };
    await expect(store.appendTurn(bad)).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("memory.positive.hard.0") });
    expect(await store.listTurns("turns")).toHaveLength(2);
  });
});

describe("graph versions", () => {
  it("number versions per graph name and keep each spec as saved", async () => {
    const v1 = await store.saveGraphVersion({ name: "planner-a", spec: tinySpec("planner"), note: "first" });
    const v2 = await store.saveGraphVersion({ name: "planner-a", spec: { ...tinySpec("planner"), description: "second try" }, note: "tweak" });
    const other = await store.saveGraphVersion({ name: "parser-a", spec: tinySpec("parser") });
    expect([v1.version, v2.version, other.version]).toEqual([1, 2, 1]);
    expect(v1.spec.nodes[0].data).toEqual({}); // defaults applied before saving
    expect(await store.getGraphVersion("planner-a", 1)).toEqual(v1);
    expect(await store.getLatestGraph("planner-a")).toEqual(v2);
    expect(await store.getGraphVersion("planner-a", 3)).toBeNull();
    expect(await store.getLatestGraph("missing")).toBeNull();
    expect((await store.listGraphVersions("planner-a")).map((v) => [v.version, v.note])).toEqual([[1, "first"], [2, "tweak"]]);
    expect((await store.listGraphs()).map((g) => [g.name, g.version, g.kind])).toEqual([["parser-a", 1, "parser"], ["planner-a", 2, "planner"]]);
  });

  it("refuse an invalid spec or a spec of the other kind under a name, saving nothing", async () => {
    const bad = { ...tinySpec("planner"), nodes: [{ id: "1bad", type: "start", position: { x: 0, y: 0 } }] };
    await expect(store.saveGraphVersion({ name: "planner-a", spec: bad })).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("spec of graph `planner-a` is invalid: nodes.0.id"),
    });
    await expect(store.saveGraphVersion({ name: "planner-a", spec: tinySpec("parser") })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await store.getLatestGraph("planner-a"))?.version).toBe(2);
  });
});

describe("feed events", () => {
  it("insert in bulk in one transaction and list by session", async () => {
    await store.createUser({ id: "cy" });
    await store.createSession({ id: "feed", userId: "cy" });
    const run = await store.startRun({ id: "feed-run", kind: "planner", graph: "planner-a", sessionId: "feed" });
    const types = ["impression", "click", "like", "not_interested", "add_to_cart"] as const;
    const saved = await store.addFeedEvents(types.map((type, position) => ({ type, sessionId: "feed", itemId: `i${position}`, position, runId: run.id, at: 100 + position })));
    expect(saved.map((e) => [e.type, e.userId, e.position])).toEqual(types.map((t, i) => [t, "cy", i]));
    expect(await store.listFeedEvents("feed")).toEqual(saved);

    const many = Array.from({ length: 2000 }, (_, i) => ({ type: "impression" as const, sessionId: "feed", itemId: `m${i}`, position: i % 10 }));
    const transactions = vi.spyOn(store.db, "transaction");
    await store.addFeedEvents(many);
    expect(transactions).toHaveBeenCalledTimes(1);
    transactions.mockRestore();
    expect(await store.listFeedEvents("feed")).toHaveLength(2005);
  });

  it("list a session's not-interested items once each, up to a time", async () => {
    await store.createSession({ id: "picky", userId: "cy" });
    const at = (t: number, itemId: string, type: "not_interested" | "like" = "not_interested") => ({ type, sessionId: "picky", itemId, at: t });
    await store.addFeedEvents([at(10, "b"), at(20, "a"), at(30, "b"), at(40, "c", "like"), at(50, "d")]);
    expect(await store.listNotInterested("picky")).toEqual(["a", "b", "d"]);
    expect(await store.listNotInterested("picky", 25)).toEqual(["a", "b"]);
    expect(await store.listNotInterested("feed")).toEqual(["i3"]);
  });

  it("save none of a batch when one event is wrong, and say which", async () => {
    const ok = { type: "click" as const, sessionId: "feed", itemId: "x" };
    await expect(store.addFeedEvents([ok, { ...ok, runId: "no-such-run" }])).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "feed event 2 (click of `x`): run `no-such-run` does not exist; nothing was saved",
    });
    await expect(store.addFeedEvents([ok, { ...ok, userId: "ada" }])).rejects.toMatchObject({ code: "INVALID" });
    await expect(store.addFeedEvents([ok, { ...ok, sessionId: "ghost" }])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(store.addFeedEvents([{ ...ok, type: "share" as "click" }])).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("feed event 1") });
    expect(await store.listFeedEvents("feed")).toHaveLength(2005);
  });
});
