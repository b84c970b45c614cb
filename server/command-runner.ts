import { randomUUID } from "node:crypto";
import { itemRecord } from "../catalog/catalog.ts";
import { runGraph, type ParserOutcome, type PlannerOutcome } from "../graphs/run-graph.ts";
import type { StepEvent } from "../graphs/step-events.ts";
import { CommandRequest, type CommandResult, type FeedItem } from "../schemas/api.ts";
import type { LiveFailure, LiveFeed, LiveStep } from "../schemas/live-protocol.ts";
import { emptyPreferences } from "../schemas/preferences.ts";
import { turnState } from "../tools/run-chain.ts";
import { AppError } from "./app-error.ts";
import { mayActFor, type Principal } from "./auth.ts";
import type { CatalogHolder } from "./catalog-holder.ts";
import type { GraphRegistry } from "./graph-registry.ts";
import type { SessionRecord, TurnRecord } from "./storage/records.ts";
import type { Store } from "./storage/store.ts";

/** Where a command's live events go (Socket.io rooms in the server; a list in tests). */
export interface Publisher {
  step(message: LiveStep): void;
  feed(message: LiveFeed): void;
  failed(message: LiveFailure): void;
}

export interface CommandRunnerDeps {
  store: Store;
  catalog: CatalogHolder;
  graphs: GraphRegistry;
  publish: Publisher;
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
  /** each session's last committed turn, newest-used last: this runner orders a session's commands, so it knows */
  private readonly lastTurns = new Map<string, TurnRecord | null>();
  private draining = false;

  constructor(private readonly deps: CommandRunnerDeps) {}

  get running(): number {
    return this.inflight.size;
  }

  async run(principal: Principal, sessionId: string, input: CommandRequest, requestId: string | null = null): Promise<CommandResult> {
    if (this.draining) throw new AppError(503, "SHUTTING_DOWN", "the server is shutting down; retry in a moment");
    const request = CommandRequest.parse(input);
    const session = await sessionFor(this.deps.store, principal, sessionId);
    const previous = this.queues.get(sessionId) ?? Promise.resolve();
    const job = previous.catch(() => undefined).then(() => this.execute(session, request, requestId));
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

  /** Refuses new commands and waits (up to `timeoutMs`) for running ones; returns how many were still running. */
  async drain(timeoutMs: number): Promise<number> {
    this.draining = true;
    const timeout = new Promise<"timeout">((resolve) => setTimeout(resolve, timeoutMs, "timeout").unref());
    const all = Promise.allSettled([...this.inflight]);
    return (await Promise.race([all, timeout])) === "timeout" ? this.inflight.size : 0;
  }

  private async execute(session: SessionRecord, request: ReturnType<typeof CommandRequest.parse>, requestId: string | null): Promise<CommandResult> {
    const started = performance.now();
    const { store, graphs, publish } = this.deps;
    const { catalog, context } = this.deps.catalog.require();
    const choice = { ...session.graphs, ...request.graphs };
    const [parser, planner, last, events] = await Promise.all([
      graphs.resolve("parser", choice.parser),
      graphs.resolve("planner", choice.planner),
      this.lastTurn(session.id),
      store.listFeedEvents(session.id),
    ]);
    const turn = (last?.turn ?? 0) + 1;
    let seq = 0;
    const emit = (event: StepEvent) => publish.step({ sessionId: session.id, requestId, turn, seq: ++seq, event });
    // writes are not awaited one by one: the store commits them in order at the end of the event-loop turn,
    // and the command awaits them all before it answers
    const writes: Promise<unknown>[] = [];
    const parserRun = { id: randomUUID() };
    const plannerRun = { id: randomUUID() };

    let parsed: ParserOutcome;
    let planned: PlannerOutcome;
    try {
      writes.push(store.startRun({ id: parserRun.id, kind: "parser", graph: parser.name, version: parser.version, sessionId: session.id }));
      parsed = await this.drive(parserRun.id, runGraph(parser.agent, {
        command: request.command, memory: last?.memory ?? emptyPreferences(), feed: last?.feed ?? [],
      }, { runId: parserRun.id }), emit, writes);

      const notInterested = events.filter((e) => e.type === "not_interested").map((e) => e.itemId);
      writes.push(store.startRun({ id: plannerRun.id, kind: "planner", graph: planner.name, version: planner.version, sessionId: session.id }));
      planned = await this.drive(plannerRun.id, runGraph(planner.agent, turnState(context, {
        preferences: parsed.result.preferences, user: session.catalogUser ?? undefined, k: request.k, exclude: notInterested,
      }), { runId: plannerRun.id }), emit, writes);
    } finally {
      await Promise.all(writes);
    }

    const memory = parsed.result.preferences;
    const { items, scores } = planned.result;
    try {
      this.remember(session.id, await store.appendTurn({ sessionId: session.id, turn, command: request.command, memory, feed: items, runIds: [parserRun.id, plannerRun.id] }));
    } catch (error) {
      this.lastTurns.delete(session.id); // another process wrote a turn: read it back next time
      throw error;
    }
    const feed: FeedItem[] = items.map((id, position) => ({ ...itemRecord(catalog, catalog.indexOf.get(id)!), position, score: scores[position] }));
    const result: CommandResult = {
      sessionId: session.id, turn, command: request.command, memory, source: parsed.result.source, feed,
      parser: { runId: parserRun.id, name: parser.name, version: parser.version },
      planner: { runId: plannerRun.id, name: planner.name, version: planner.version },
      ms: performance.now() - started,
    };
    publish.feed({ ...result, requestId });
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

  /** Writes and publishes each event as it comes, then records how the run ended; a failed run is an error. */
  private async drive<R extends { result: unknown }>(runId: string, run: AsyncGenerator<StepEvent, R | null>, emit: (event: StepEvent) => void, writes: Promise<unknown>[]): Promise<R> {
    for (;;) {
      const next = await run.next();
      if (next.done) {
        if (next.value) return next.value;
        throw new AppError(422, "COMMAND_FAILED", `run ${runId} failed; GET /api/runs/${runId} has its steps`);
      }
      const event = next.value;
      writes.push(this.deps.store.appendStep(runId, event));
      if (event.type === "run_end") writes.push(this.deps.store.finishRun(runId, { status: "ok", result: event.result }));
      if (event.type === "error") {
        writes.push(this.deps.store.finishRun(runId, { status: "error", error: { code: event.code, message: event.message, nodeId: event.nodeId } }));
        emit(event);
        throw new AppError(422, "COMMAND_FAILED", event.message, { runId, code: event.code, nodeId: event.nodeId });
      }
      emit(event);
    }
  }
}

function errorBody(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  return { code: "INTERNAL", message: "internal error; the server log has the details" };
}
