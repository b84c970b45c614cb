import type Database from "better-sqlite3";
import { Worker } from "node:worker_threads";
import { applyBatch, failureError, type QueuedWrite, type WriteFailure } from "./queued-writes.ts";
import type { Statements } from "./sqlite-statements.ts";

type Outcome = { ok: true; value: unknown } | { ok: false; failure: WriteFailure };
interface Entry {
  write: QueuedWrite;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit of the hot writes: those queued during one turn of the event loop are applied together, in one
 * transaction (one WAL commit instead of one per write), in the order they were queued.
 */
export interface WriteQueue {
  enqueue(write: QueuedWrite): Promise<unknown>;
  /** Resolves once every write queued so far is committed or refused: call it before reading what they write. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const settle = (batch: Entry[], outcomes: Outcome[]) =>
  batch.forEach((entry, i) => {
    const outcome = outcomes[i];
    if (outcome.ok) entry.resolve(outcome.value);
    else entry.reject(failureError(outcome.failure));
  });

/** Applies the batch on the store's own connection at the end of the event-loop turn. */
export class InlineWriteQueue implements WriteQueue {
  private pending: Entry[] = [];
  private scheduled = false;

  constructor(private readonly db: Database.Database, private readonly sql: Statements) {}

  enqueue(write: QueuedWrite): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async settled(): Promise<void> {
    this.flush();
  }

  async close(): Promise<void> {
    this.flush();
  }

  private flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0 || !this.db.open) return;
    const batch = this.pending;
    this.pending = [];
    settle(batch, applyBatch(this.db, this.sql, batch.map((e) => e.write)));
  }
}

/**
 * Applies batches on a writer thread with its own connection to the same file, so statements, commits and WAL
 * checkpoints never block the event loop. Batches are applied in the order sent.
 */
export class WorkerWriteQueue implements WriteQueue {
  private readonly worker: Worker;
  private pending: Entry[] = [];
  private readonly sent = new Map<number, Entry[]>();
  private nextId = 1;
  private scheduled = false;
  private failed: Error | null = null;
  private waiters: { until: number; resolve: () => void }[] = [];
  private acked = 0;

  constructor(file: string, busyTimeoutMs: number) {
    this.worker = new Worker(new URL("./write-worker-entry.mjs", import.meta.url), { workerData: { file, busyTimeoutMs } });
    this.worker.on("message", ({ id, outcomes }: { id: number; outcomes: Outcome[] }) => {
      const batch = this.sent.get(id);
      this.sent.delete(id);
      this.acked = id;
      if (batch) settle(batch, outcomes);
      this.waiters = this.waiters.filter((w) => (w.until <= id ? (w.resolve(), false) : true));
    });
    const fail = (error: Error) => {
      this.failed = error;
      for (const batch of this.sent.values()) for (const entry of batch) entry.reject(error);
      this.sent.clear();
      for (const entry of this.pending) entry.reject(error);
      this.pending = [];
      for (const w of this.waiters) w.resolve();
      this.waiters = [];
    };
    this.worker.on("error", (error) => fail(new Error(`the store's writer thread failed: ${error.message}`)));
    this.worker.on("exit", () => fail(new Error("the store's writer thread has stopped")));
    this.worker.unref();
  }

  enqueue(write: QueuedWrite): Promise<unknown> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.send());
      }
    });
  }

  settled(): Promise<void> {
    this.send();
    const until = this.nextId - 1;
    if (this.failed || until <= this.acked) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ until, resolve }));
  }

  async close(): Promise<void> {
    await this.settled();
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
  }

  private send(): void {
    this.scheduled = false;
    if (this.pending.length === 0 || this.failed) return;
    const batch = this.pending;
    this.pending = [];
    const id = this.nextId++;
    this.sent.set(id, batch);
    this.worker.postMessage({ id, writes: batch.map((e) => e.write) });
  }
}
