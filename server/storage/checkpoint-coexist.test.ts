import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { Annotation, END, START, StateGraph } from "@langchain/langgraph";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteStore, SqliteStore } from "./sqlite-store.ts";
import { tempDbFile } from "./test-fixtures.ts";

const files: string[] = [];
afterAll(() => files.forEach((f) => rmSync(dirname(f), { recursive: true, force: true })));

const Counter = Annotation.Root({ count: Annotation<number>({ reducer: (a, b) => a + b, default: () => 0 }) });
const counterGraph = (saver: SqliteSaver) =>
  new StateGraph(Counter).addNode("add", () => ({ count: 1 })).addEdge(START, "add").addEdge("add", END).compile({ checkpointer: saver });
const thread = { configurable: { thread_id: "s1" } };

describe("sharing the file with LangGraph's SqliteSaver", () => {
  it("checkpoints written first survive the store's migrations, and both keep working", async () => {
    const file = tempDbFile("coexist");
    files.push(file);
    const saverDb = new Database(file);
    const graph = counterGraph(new SqliteSaver(saverDb));
    await graph.invoke({ count: 1 }, thread);

    const store = openSqliteStore(file);
    await store.createUser({ id: "u" });
    await store.createSession({ id: "s1", userId: "u" });
    await store.startRun({ id: "r", kind: "planner", graph: "g", sessionId: "s1" });

    expect((await graph.invoke({ count: 1 }, thread)).count).toBe(4);
    expect((await graph.getState(thread)).values.count).toBe(4);
    expect((await store.getRun("r"))?.status).toBe("running");
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(["checkpoints", "writes", "runs", "steps", "sessions", "schema_migrations"]));
    await store.close();
    saverDb.close();

    const reopened = openSqliteStore(file);
    expect(await reopened.getSession("s1")).toMatchObject({ userId: "u" });
    await reopened.close();
    const againDb = new Database(file);
    expect((await counterGraph(new SqliteSaver(againDb)).getState(thread)).values.count).toBe(4);
    againDb.close();
  });

  it("the store can share the saver's connection", async () => {
    const file = tempDbFile("shared");
    files.push(file);
    const db = new Database(file);
    const store = new SqliteStore(db);
    const graph = counterGraph(new SqliteSaver(db));
    await graph.invoke({ count: 2 }, thread);
    await store.createUser({ id: "u" });
    expect((await graph.getState(thread)).values.count).toBe(3);
    expect(await store.getUser("u")).not.toBeNull();
    await store.close(); // not its connection: stays open for the saver
    expect(db.open).toBe(true);
    db.close();
  });
});
