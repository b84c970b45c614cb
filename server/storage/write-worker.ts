import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { applyBatch, type QueuedWrite } from "./queued-writes.ts";
import { prepareStatements } from "./sqlite-statements.ts";

// The store's writer thread: its own connection to the (already migrated) file; applies each batch it is sent
// in one transaction and answers with every write's outcome.

const { file, busyTimeoutMs } = workerData as { file: string; busyTimeoutMs: number };
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.pragma("foreign_keys = ON");
db.pragma(`busy_timeout = ${busyTimeoutMs}`);
db.pragma("synchronous = NORMAL");
const sql = prepareStatements(db);

parentPort!.on("message", ({ id, writes }: { id: number; writes: QueuedWrite[] }) => {
  parentPort!.postMessage({ id, outcomes: applyBatch(db, sql, writes) });
});
