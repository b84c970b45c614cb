import { randomUUID } from "node:crypto";
import { itemRecord } from "../catalog/catalog.ts";
import { GraphSpecError } from "../graphs/graph-spec-error.ts";
import type { StepEvent } from "../graphs/step-events.ts";
import { type CommandResult, type ValidCommandRequest, type FeedItem, type ReplayRequest, type ReplayResult } from "../schemas/api.ts";
import type { LiveFailure, LiveFeed, LiveStep } from "../schemas/live-protocol.ts";
import { emptyPreferences } from "../schemas/preferences.ts";
import type { TurnExecutor } from "../runtime/turn-graphs.ts";
import type { ExperimentService } from "./experiments/experiment-service.ts";
import { AppError } from "./app-error.ts";
import { mayActFor, type Principal } from "./auth.ts";
import type { CatalogSet } from "./catalog-set.ts";
import type { GraphRegistry } from "./graph-registry.ts";
import type { SessionRecord, TurnRecord } from "./storage/records.ts";
import type { Store } from "./storage/store.ts";
import { replayTurn } from "./turn-replay.ts";

/** Where a command's live events go (Socket.io rooms in the server; a list in tests). */
export interface Publisher {
  step(message: LiveStep): void;
  /** to everyone watching the session except `origin` (the socket that sent the command gets the result in its ack) */
  feed(message: LiveFeed, origin?: string): void;
  failed(message: LiveFailure): void;
}

export interface CommandRunnerDeps {
  store: Store;
  catalogs: CatalogSet;
  graphs: GraphRegistry;
  /** where a catalog's graphs run: this thread or graph threads */
  turns: (catalogId: string) => TurnExecutor;
  publish: Publisher;
  /** records exposures of sessions enrolled in a running experiment */
  experiments?: ExperimentService;
}

/** A session's owner or an analyst gets the session; anyone else a 404 or 403 that says which. */
export async function sessionFor(store: Store, principal: Principal, sessionId: string): Promise<SessionRecord> {
  const session = await store.getSession(sessionId);
  if (!session) throw new AppError(404, "NOT_FOUND", `no session \`${sessionId}\`; create one with POST /api/sessions`);
  if (!mayActFor(principal, session.userId)) throw new AppError(403, "FORBIDDEN", `session \`${sessionId}\` belongs to another user`);
  return session;
}

/**
 * Runs commands: the Parser graph on (command, last feed, last memory), then the Planner graph on the new
 * memory, every step written to the store as it happens and published live, then the turn committed.
 * Commands of one session run one at a time in arrival order; different sessions run concurrently.
 */
export class CommandRunner {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly replays = new Set<Promise<unknown>>();
  /** each session's last committed turn, newest-used last: this runner orders a session's commands, so it knows */
  private readonly lastTurns = new Map<string, TurnRecord | null>();
  private draining = false;

  constructor(private readonly deps: CommandRunnerDeps) {}

  get running(): number {
    return this.inflight.size;
  }

  /**
   * `checked`: the session, when the caller has just checked the principal may act on it; `origin`: the socket
   * that sent the command, which gets the result in its ack rather than as a `feed` message
   */
  /** `request` is validated at the boundary (the HTTP route or the live channel), so it is not parsed again here. */
  async run(principal: Principal, sessionId: string, request: ValidCommandRequest, options: { requestId?: string | null; checked?: SessionRecord; origin?: string } = {}): Promise<CommandResult> {
    const { requestId = null, checked, origin } = options;
    if (this.draining) throw new AppError(503, "SHUTTING_DOWN", "the server is shutting down; retry in a moment");
    const session = checked?.id === sessionId ? checked : await sessionFor(this.deps.store, principal, sessionId);
    const previous = this.queues.get(sessionId) ?? Promise.resolve();
    const job = previous.catch(() => undefined).then(() => this.execute(session, request, requestId, origin));
    this.queues.set(sessionId, job);
    this.inflight.add(job);
    try {
      return await job;
    } catch (error) {
      this.deps.publish.failed({ sessionId, requestId, error: errorBody(error) });
      throw error;
    } finally {
      this.inflight.delete(job);
      if (this.queues.get(sessionId) === job) this.queues.delete(sessionId);
    }
  }

  /**
   * Runs a recorded turn again on other graph versions and compares the feeds (turn-replay.ts); nothing is stored.
   * Replays run beside the session's commands, not in its queue: they change nothing a command reads.
   */
  async replay(principal: Principal, runId: string, input: ReturnType<typeof ReplayRequest.parse>): Promise<ReplayResult> {
    if (this.draining) throw new AppError(503, "SHUTTING_DOWN", "the server is shutting down; retry in a moment");
    const job = replayTurn(this.deps, principal, runId, input);
    this.replays.add(job);
    try {
      return await job;
    } finally {
      this.replays.delete(job);
    }
  }

  /** Refuses new commands and replays and waits (up to `timeoutMs`) for running ones; returns how many commands were still running. */
  async drain(timeoutMs: number): Promise<number> {
    this.draining = true;
    const timeout = new Promise<"timeout">((resolve) => setTimeout(resolve, timeoutMs, "timeout").unref());
    const all = Promise.allSettled([...this.inflight, ...this.replays]);
    return (await Promise.race([all, timeout])) === "timeout" ? this.inflight.size : 0;
  }

  private async execute(session: SessionRecord, request: ValidCommandRequest, requestId: string | null, origin?: string): Promise<CommandResult> {
    const started = performance.now();
    const { store, graphs, publish } = this.deps;
    const holder = this.deps.catalogs.get(session.catalog);
    const { catalog } = holder.require();
    const choice = { ...session.graphs, ...request.graphs };
    const [parser, planner, last, notInterested] = await Promise.all([
      graphs.resolve("parser", choice.parser),
      graphs.resolve("planner", choice.planner),
      this.lastTurn(session.id),
      store.listNotInterested(session.id),
    ]);
    const turn = (last?.turn ?? 0) + 1;
    let seq = 0;
    const runs = {
      parser: { id: randomUUID(), kind: "parser" as const, graph: parser },
      planner: { id: randomUUID(), kind: "planner" as const, graph: planner },
    };
    // writes are not awaited one by one: the store commits them in order, batched, and the command awaits them
    // all before it answers; each event is written, then published
    const writes: Promise<unknown>[] = [];
    let failure: AppError | null = null;
    const onEvent = (event: StepEvent) => {
      const run = event.runId === runs.parser.id ? runs.parser : runs.planner;
      if (event.type === "run_start") writes.push(store.startRun({ id: run.id, kind: run.kind, graph: run.graph.name, version: run.graph.version, sessionId: session.id }));
      writes.push(store.appendStep(run.id, event));
      if (event.type === "run_end") writes.push(store.finishRun(run.id, { status: "ok", result: event.result }));
      if (event.type === "error") {
        writes.push(store.finishRun(run.id, { status: "error", error: { code: event.code, message: event.message, nodeId: event.nodeId } }));
        failure ??= new AppError(422, "COMMAND_FAILED", event.message, { runId: run.id, code: event.code, nodeId: event.nodeId });
      }
      publish.step({ sessionId: session.id, requestId, turn, seq: ++seq, event });
    };
    let outcome;
    try {
      outcome = await this.deps.turns(this.deps.catalogs.idOf(holder)).run({
        parser: { key: parser.key, spec: parser.spec },
        planner: { key: planner.key, spec: planner.spec },
        parse: { command: request.command, memory: last?.memory ?? emptyPreferences(), feed: last?.feed ?? [] },
        plan: { user: session.catalogUser ?? undefined, k: request.k, exclude: notInterested },
        runIds: { parser: runs.parser.id, planner: runs.planner.id },
      }, onEvent);
    } catch (error) {
      await Promise.allSettled(writes);
      if (error instanceof GraphSpecError) throw new AppError(409, "INVALID_GRAPH", `a saved graph no longer compiles: ${error.message}`);
      throw error;
    }
    if (failure || !outcome.parser || !outcome.planner) {
      await Promise.all(writes);
      throw failure ?? new AppError(422, "COMMAND_FAILED", "the graphs ended without a result");
    }
    const memory = outcome.parser.preferences;
    const { items, scores } = outcome.planner;
    // queued behind the runs' writes, so it commits with them (or after them) in one round trip to the writer
    const committed = store.appendTurn({ sessionId: session.id, turn, command: request.command, memory, feed: items, runIds: [runs.parser.id, runs.planner.id] });
    const exposure = this.deps.experiments?.exposed(session, turn, runs.planner.id);
    try {
      const [, record] = await Promise.all([Promise.all(writes), committed, exposure]);
      this.remember(session.id, record);
    } catch (error) {
      this.lastTurns.delete(session.id); // another process wrote a turn, or a write failed: read it back next time
      throw error;
    }
    const feed: FeedItem[] = items.map((id, position) => ({ ...itemRecord(catalog, catalog.indexOf.get(id)!), position, score: scores[position] }));
    const result: CommandResult = {
      sessionId: session.id, turn, command: request.command, memory, source: outcome.parser.source, feed,
      parser: { runId: runs.parser.id, name: parser.name, version: parser.version },
      planner: { runId: runs.planner.id, name: planner.name, version: planner.version },
      ms: performance.now() - started,
    };
    publish.feed({ ...result, requestId }, origin);
    return result;
  }

  private async lastTurn(sessionId: string): Promise<TurnRecord | null> {
    if (this.lastTurns.has(sessionId)) return this.lastTurns.get(sessionId)!;
    const turn = await this.deps.store.getLastTurn(sessionId);
    this.remember(sessionId, turn);
    return turn;
  }

  private remember(sessionId: string, turn: TurnRecord | null): void {
    this.lastTurns.delete(sessionId);
    this.lastTurns.set(sessionId, turn);
    if (this.lastTurns.size > 10_000) this.lastTurns.delete(this.lastTurns.keys().next().value!);
  }
}

function errorBody(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  return { code: "INTERNAL", message: "internal error; the server log has the details" };
}
