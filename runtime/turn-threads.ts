import { Worker } from "node:worker_threads";
import type { StepEvent } from "../graphs/step-events.ts";
import { GraphSpecError } from "../graphs/graph-spec-error.ts";
import type { TurnExecutor, TurnJob, TurnOutcome } from "./turn-graphs.ts";

export type ToTurnThread = { id: number; job: TurnJob };
export type FromTurnThread =
  | { type: "ready"; items: number }
  | { type: "failed"; message: string }
  | { type: "events"; id: number; events: StepEvent[] }
  | { type: "done"; id: number; outcome: TurnOutcome }
  | { type: "error"; id: number; code: string; message: string };

interface Job {
  onEvent: (event: StepEvent) => void;
  resolve: (outcome: TurnOutcome) => void;
  reject: (error: unknown) => void;
}

interface Thread {
  worker: Worker;
  jobs: Map<number, Job>;
  /** graph keys whose spec this thread has been sent (it compiles each once and keeps it) */
  known: Set<string>;
}

export interface TurnThreadOptions {
  ref: string;
  dataDir: string;
  skipBadLines?: boolean;
  threads: number;
}

/**
 * Runs turns on graph threads, each with its own copy of the catalog, so graph work never blocks the thread
 * that serves requests. A turn goes to the thread with the fewest turns in flight.
 */
export class ThreadTurnExecutor implements TurnExecutor {
  private nextId = 1;
  private closed = false;

  private constructor(private readonly threads: Thread[]) {}

  /** Starts the threads and resolves once every one has loaded the catalog (models come from the cache). */
  static async start(options: TurnThreadOptions): Promise<ThreadTurnExecutor> {
    const url = new URL("./turn-worker-entry.mjs", import.meta.url);
    const threads = await Promise.all(Array.from({ length: options.threads }, () => new Promise<Thread>((resolve, reject) => {
      const worker = new Worker(url, { workerData: { ref: options.ref, dataDir: options.dataDir, skipBadLines: options.skipBadLines ?? false } });
      const thread: Thread = { worker, jobs: new Map(), known: new Set() };
      worker.once("error", reject);
      worker.on("message", (message: FromTurnThread) => {
        if (message.type === "ready") resolve(thread);
        else if (message.type === "failed") reject(new Error(`a graph thread could not load the catalog: ${message.message}`));
        else ThreadTurnExecutor.deliver(thread, message);
      });
      worker.on("exit", (code) => {
        const error = new Error(`a graph thread stopped (exit code ${code})`);
        for (const job of thread.jobs.values()) job.reject(error);
        thread.jobs.clear();
        reject(error);
      });
    })));
    return new ThreadTurnExecutor(threads);
  }

  private static deliver(thread: Thread, message: Exclude<FromTurnThread, { type: "ready" | "failed" }>): void {
    const job = thread.jobs.get(message.id);
    if (!job) return;
    if (message.type === "events") {
      for (const event of message.events) job.onEvent(event);
      return;
    }
    thread.jobs.delete(message.id);
    if (message.type === "done") job.resolve(message.outcome);
    else job.reject(message.code === "INVALID_GRAPH" ? new GraphSpecError("invalid_spec", message.message) : new Error(message.message));
  }

  run(job: TurnJob, onEvent: (event: StepEvent) => void): Promise<TurnOutcome> {
    if (this.closed) return Promise.reject(new Error("the graph threads are closed"));
    const thread = this.threads.reduce((best, t) => (t.jobs.size < best.jobs.size ? t : best));
    const id = this.nextId++;
    // a spec crosses to a thread once; later turns name it by key (cloning it each time cost more than the turn)
    const slim = (graph: TurnJob["parser"]) => (thread.known.has(graph.key) ? { key: graph.key } : (thread.known.add(graph.key), graph));
    const message: ToTurnThread = { id, job: { ...job, parser: slim(job.parser), planner: slim(job.planner) } };
    return new Promise((resolve, reject) => {
      thread.jobs.set(id, { onEvent, resolve, reject });
      thread.worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map(async (t) => {
      t.worker.removeAllListeners("exit");
      await t.worker.terminate();
    }));
  }
}
