import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyPreferences } from "../../schemas/preferences.ts";
import type { RunFilter } from "./records.ts";
import { openSqliteStore, type SqliteStore } from "./sqlite-store.ts";
import { plannerSteps, tempDbFile } from "./test-fixtures.ts";

// every behaviour holds whether runs and steps are written on the store's connection or on its writer thread
describe.each(["inline", "thread"] as const)("with the %s writer", (writer) => {
  let store: SqliteStore;
  let file: string;

  beforeAll(async () => {
    file = tempDbFile("runs");
    store = openSqliteStore(file, { now: () => 9_999, writer });
    await store.createUser({ id: "ann" });
    await store.createUser({ id: "ben" });
    await store.createSession({ id: "s-ann", userId: "ann" });
    await store.createSession({ id: "s-ben", userId: "ben" });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dirname(file), { recursive: true, force: true });
  });

  const parserResult = (source: "offline" | "llm-fallback") => ({ kind: "parser" as const, preferences: emptyPreferences(), source, notes: [] });

  describe("runs and steps", () => {
    it("start, append steps one by one, finish, and read back with every step", async () => {
      const run = await store.startRun({ id: "r1", kind: "planner", graph: "planner-tiny", version: 2, sessionId: "s-ann", startedAt: 100 });
      expect(run).toMatchObject({ id: "r1", status: "running", userId: "ann", version: 2, finishedAt: null, stepCount: 0, hasFallback: false });
      const events = plannerSteps("r1", 3);
      const seqs = [];
      for (const event of events) {
        seqs.push(await store.appendStep("r1", event));
        expect((await store.getRun("r1"))?.stepCount).toBe(seqs.length); // visible as soon as it is appended
      }
      expect(seqs).toEqual([1, 2, 3]);
      const result = { kind: "planner" as const, items: ["i1", "i2"], scores: [0.9, 0.5] };
      const finished = await store.finishRun("r1", { status: "ok", result, finishedAt: 150 });
      expect(finished).toMatchObject({ status: "ok", finishedAt: 150, result, error: null, stepCount: 3 });
      const full = await store.getRun("r1");
      expect(full?.steps).toEqual(events.map((event, i) => ({ runId: "r1", seq: i + 1, event })));
      expect(await store.getRun("nope")).toBeNull();
    });

    it("refuse steps of another run, steps after the end, a second finish and unknown runs", async () => {
      await store.startRun({ id: "r2", kind: "planner", graph: "planner-tiny" });
      await expect(store.appendStep("r2", plannerSteps("r1", 1)[0])).rejects.toMatchObject({ code: "INVALID" });
      await expect(store.appendStep("r1", plannerSteps("r1", 1)[0])).rejects.toMatchObject({ code: "CONFLICT", message: "cannot append a step to run `r1`: it already ended as ok" });
      await expect(store.finishRun("r1", { status: "error" })).rejects.toMatchObject({ code: "CONFLICT" });
      await expect(store.appendStep("ghost", plannerSteps("ghost", 1)[0])).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(store.finishRun("ghost", { status: "ok" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(store.startRun({ id: "r2", kind: "planner", graph: "x" })).rejects.toMatchObject({ code: "CONFLICT" });
      await expect(store.startRun({ kind: "planner", graph: "x", sessionId: "ghost" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(store.appendStep("r2", { type: "node_start", runId: "r2" } as never)).rejects.toMatchObject({ code: "INVALID" });
      await store.finishRun("r2", { status: "error", error: { code: "node_failed", message: "boom", nodeId: "n0" } });
      expect(await store.getRun("r2")).toMatchObject({ status: "error", error: { code: "node_failed", nodeId: "n0" }, steps: [] });
    });
  });

  describe("listing runs", () => {
    beforeAll(async () => {
      const runs = [
        { id: "a1", kind: "parser", graph: "parser-llm", version: 1, sessionId: "s-ann", startedAt: 1_000, source: "llm-fallback" },
        { id: "a2", kind: "parser", graph: "parser-llm", version: 2, sessionId: "s-ann", startedAt: 2_000, source: "offline" },
        { id: "b1", kind: "parser", graph: "parser-llm", version: 2, sessionId: "s-ben", startedAt: 3_000, source: "llm-fallback" },
      ] as const;
      for (const { source, ...run } of runs) {
        await store.startRun(run);
        await store.finishRun(run.id, { status: "ok", result: parserResult(source) });
      }
      await store.startRun({ id: "b2", kind: "planner", graph: "planner-pop", sessionId: "s-ben", startedAt: 4_000 });
    });

    // runs of the other describe started at 100 and 9_999: outside this window
    const ids = async (filter: RunFilter) => (await store.listRuns({ from: 1_000, to: 5_000, ...filter })).map((r) => r.id);

    it("combine filters with AND, newest first", async () => {
      expect(await ids({})).toEqual(["b2", "b1", "a2", "a1"]);
      expect(await ids({ sessionId: "s-ann" })).toEqual(["a2", "a1"]);
      expect(await ids({ userId: "ben" })).toEqual(["b2", "b1"]);
      expect(await ids({ graph: "parser-llm", version: 2 })).toEqual(["b1", "a2"]);
      expect(await ids({ kind: "planner" })).toEqual(["b2"]);
      expect(await ids({ status: "running" })).toEqual(["b2"]);
      expect(await ids({ hasFallback: true })).toEqual(["b1", "a1"]);
      expect(await ids({ hasFallback: false, kind: "parser" })).toEqual(["a2"]);
      expect(await ids({ from: 2_000, to: 4_000 })).toEqual(["b1", "a2"]);
      expect(await ids({ limit: 1 })).toEqual(["b2"]);
      expect(await ids({ userId: "ann", hasFallback: true, status: "ok" })).toEqual(["a1"]);
    });

    it("treat a SQL injection attempt as a plain value: nothing matches, nothing breaks", async () => {
      const before = await ids({});
      for (const evil of ["x' OR 1=1 --", "s-ann' OR '1'='1", "'; DROP TABLE runs; --", "s-ann\" OR 1=1 --"]) {
        expect(await ids({ sessionId: evil })).toEqual([]);
        expect(await ids({ graph: evil, userId: evil })).toEqual([]);
        expect(await store.listSessions(evil)).toEqual([]);
        expect(await store.getRun(evil)).toBeNull();
        expect(await store.listFeedEvents(evil)).toEqual([]);
      }
      await store.createUser({ id: "x' OR 1=1 --" });
      expect(await store.getUser("x' OR 1=1 --")).toMatchObject({ id: "x' OR 1=1 --" });
      expect(await ids({})).toEqual(before);
    });

    it("refuse a malformed filter with INVALID", async () => {
      await expect(store.listRuns({ limit: 0 })).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("limit") });
      await expect(store.listRuns({ status: "done" as "ok" })).rejects.toMatchObject({ code: "INVALID" });
    });
  });
});
