import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { GraphSpec } from "../../graphs/graph-spec.ts";
import type { StepEvent } from "../../graphs/step-events.ts";
import { SqliteExperiments } from "./sqlite-experiments.ts";
import { unique, type ExposureRow, type QueuedWrite } from "./queued-writes.ts";
import { InlineWriteQueue, WorkerWriteQueue, type WriteQueue } from "./write-queue.ts";
import { migrate } from "./migrations.ts";
import {
  NewFeedEvent, NewGraphVersion, NewRun, NewSession, NewTurn, NewUser, RunFilter, RunOutcome,
  type FeedEventRecord, type GraphVersionInfo, type GraphVersionRecord, type RunRecord, type RunWithSteps,
  type SessionRecord, type TurnRecord, type UserRecord,
} from "./records.ts";
import {
  toFeedEvent, toGraphInfo, toGraphVersion, toRun, toSession, toStep, toTurn, toUser,
  type FeedEventRow, type GraphVersionRow, type RunRow, type SessionRow, type StepRow, type TurnRow, type UserRow,
} from "./sqlite-rows.ts";
import { prepareStatements, SELECT_RUNS, type Statements } from "./sqlite-statements.ts";
import type { Store } from "./store.ts";
import { parseOrThrow, StoreError } from "./store-error.ts";

export interface SqliteStoreOptions {
  /** the clock, ms since the epoch; tests pin it */
  now?: () => number;
  /** how long a write waits for another connection's lock before failing */
  busyTimeoutMs?: number;
  /**
   * where run, step and turn writes are applied: `inline` on this connection at the end of the event-loop turn
   * (default), or `thread`: on a writer thread with its own connection, keeping disk work off the event loop
   */
  writer?: "inline" | "thread";
}


/**
 * The Store on one SQLite file (better-sqlite3, WAL, foreign keys on). The file may be shared with
 * LangGraph's SqliteSaver, whose tables it leaves alone. Runs, steps and turns are group-committed at the end
 * of the event-loop turn they were written in (one WAL commit for all of them); other writes happen at once.
 * Reads of runs, steps and turns first apply the queued writes, so they see everything written before.
 */
export class SqliteStore implements Store {
  readonly schemaVersion: number;
  private readonly sql: Statements;
  private readonly runQueries = new Map<string, Database.Statement>();
  private readonly now: () => number;
  private readonly writes: WriteQueue;
  /** runs this store started and has not finished: their record so far, so steps are numbered without a lookup */
  private readonly open = new Map<string, RunRecord>();
  readonly experiments: SqliteExperiments;

  /** Takes an open connection (e.g. the SessionStore's) and migrates it; `ownsDb` closes it on `close()`. */
  constructor(readonly db: Database.Database, options: SqliteStoreOptions = {}, private readonly ownsDb = false) {
    this.now = options.now ?? Date.now;
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    // WAL + NORMAL survives a killed process (not a power cut) and spares an fsync per step
    db.pragma("synchronous = NORMAL");
    this.schemaVersion = migrate(db);
    this.sql = prepareStatements(db);
    const busyTimeoutMs = Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000));
    if (options.writer === "thread" && (db.memory || db.name === "")) throw new Error("a writer thread needs a database file, not an in-memory database");
    this.writes = options.writer === "thread" ? new WorkerWriteQueue(db.name, busyTimeoutMs) : new InlineWriteQueue(db, this.sql);
    this.experiments = new SqliteExperiments(db, this.now, () => this.writes.settled());
  }

  async createUser(input: NewUser = {}): Promise<UserRecord> {
    const user = parseOrThrow(NewUser, input, "user");
    const row = { id: user.id ?? randomUUID(), name: user.name, tokenHash: user.tokenHash ?? null, createdAt: this.now() };
    unique(() => this.sql.insertUser.run(row), `user \`${row.id}\``);
    return toUser({ id: row.id, name: row.name, created_at: row.createdAt });
  }

  async getUserByTokenHash(tokenHash: string): Promise<UserRecord | null> {
    const row = this.sql.getUserByToken.get(tokenHash) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  async getSetting(key: string): Promise<string | null> {
    return (this.sql.getSetting.get(key) as string | undefined) ?? null;
  }

  async setSetting(key: string, value: string, options: { ifAbsent?: boolean } = {}): Promise<string> {
    (options.ifAbsent ? this.sql.addSetting : this.sql.setSetting).run(key, value);
    return this.sql.getSetting.get(key) as string;
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const row = this.sql.getUser.get(id) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  async createSession(input: NewSession): Promise<SessionRecord> {
    const session = parseOrThrow(NewSession, input, "session");
    const row = {
      id: session.id ?? randomUUID(), userId: session.userId, catalogUser: session.catalogUser, graphs: JSON.stringify(session.graphs), catalog: session.catalog,
      experimentId: session.experiment?.id ?? null, variant: session.experiment?.variant ?? null, createdAt: this.now(),
    };
    // IMMEDIATE: a transaction that reads before it writes must hold the write lock from the start, or a commit by
    // the writer thread in between fails it with SQLITE_BUSY at once (busy_timeout does not apply to that case)
    this.db.transaction(() => {
      if (!this.sql.getUser.get(row.userId)) throw new StoreError("NOT_FOUND", `user \`${row.userId}\` does not exist; create the user before its sessions`);
      unique(() => this.sql.insertSession.run(row), `session \`${row.id}\``);
    }).immediate();
    return toSession({
      id: row.id, user_id: row.userId, catalog_user: row.catalogUser, graphs_json: row.graphs, catalog: row.catalog, experiment_id: row.experimentId, variant: row.variant, created_at: row.createdAt,
    });
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const row = this.sql.getSession.get(id) as SessionRow | undefined;
    return row ? toSession(row) : null;
  }

  async listSessions(userId: string): Promise<SessionRecord[]> {
    return (this.sql.listSessions.all(userId) as SessionRow[]).map(toSession);
  }

  async appendTurn(input: NewTurn): Promise<TurnRecord> {
    const turn = parseOrThrow(NewTurn, input, "turn");
    const row = {
      sessionId: turn.sessionId, turn: turn.turn, command: turn.command, at: turn.at ?? this.now(),
      memory: JSON.stringify(turn.memory), feed: JSON.stringify(turn.feed), runIds: JSON.stringify(turn.runIds),
    };
    await this.write({ op: "appendTurn", row });
    return { ...turn, at: row.at };
  }

  async getLastTurn(sessionId: string): Promise<TurnRecord | null> {
    await this.writes.settled();
    const row = this.sql.getLastTurn.get(sessionId) as TurnRow | undefined;
    return row ? toTurn(row) : null;
  }

  async listTurns(sessionId: string): Promise<TurnRecord[]> {
    await this.writes.settled();
    return (this.sql.listTurns.all(sessionId) as TurnRow[]).map(toTurn);
  }

  async saveGraphVersion(input: NewGraphVersion): Promise<GraphVersionRecord> {
    const { name, note, spec: raw } = parseOrThrow(NewGraphVersion, input, "graph version");
    const spec = parseOrThrow(GraphSpec, raw, `spec of graph \`${name}\``);
    const createdAt = this.now();
    const version = this.db.transaction(() => {
      const latest = this.sql.latestGraph.get(name) as GraphVersionRow | undefined;
      if (latest && latest.kind !== spec.kind) {
        throw new StoreError("CONFLICT", `graph \`${name}\` is a ${latest.kind} graph; save this ${spec.kind} spec under another name`);
      }
      const version = (latest?.version ?? 0) + 1;
      this.sql.insertGraphVersion.run({ name, version, kind: spec.kind, spec: JSON.stringify(spec), note, createdAt });
      return version;
    }).immediate();
    return { name, version, kind: spec.kind, note, createdAt, spec };
  }

  async getLatestGraphInfo(name: string): Promise<GraphVersionInfo | null> {
    const row = this.sql.latestGraphInfo.get(name) as GraphVersionRow | undefined;
    return row ? toGraphInfo(row) : null;
  }

  async getLatestGraph(name: string): Promise<GraphVersionRecord | null> {
    const row = this.sql.latestGraph.get(name) as GraphVersionRow | undefined;
    return row ? toGraphVersion(row) : null;
  }

  async getGraphVersion(name: string, version: number): Promise<GraphVersionRecord | null> {
    const row = this.sql.getGraphVersion.get(name, version) as GraphVersionRow | undefined;
    return row ? toGraphVersion(row) : null;
  }

  async listGraphVersions(name: string): Promise<GraphVersionInfo[]> {
    return (this.sql.listGraphVersions.all(name) as GraphVersionRow[]).map(toGraphInfo);
  }

  async listGraphs(): Promise<GraphVersionInfo[]> {
    return (this.sql.listGraphs.all() as GraphVersionRow[]).map(toGraphInfo);
  }

  async startRun(input: NewRun): Promise<RunRecord> {
    const run = parseOrThrow(NewRun, input, "run");
    const row = { id: run.id ?? randomUUID(), kind: run.kind, graph: run.graph, version: run.version, sessionId: run.sessionId, startedAt: run.startedAt ?? this.now() };
    const record: RunRecord = {
      ...row, userId: null, status: "running", finishedAt: null, hasFallback: false, result: null, error: null, stepCount: 0,
    };
    // numbered from here on, so the steps queued right behind the run need no lookup
    if (!this.open.has(row.id)) this.open.set(row.id, record);
    try {
      record.userId = (await this.write({ op: "startRun", row })) as string | null;
    } catch (error) {
      if (this.open.get(row.id) === record) this.open.delete(row.id);
      throw error;
    }
    return { ...record };
  }

  async appendStep(runId: string, input: StepEvent): Promise<number> {
    // events come from runGraph, typed; a shape check here cost more than the write itself, so only the basics
    const event = input;
    if (typeof event?.type !== "string" || typeof event.at !== "number") throw new StoreError("INVALID", `step of run \`${runId}\`: not a step event (needs \`type\` and \`at\`)`);
    if (event.runId !== runId) throw new StoreError("INVALID", `a step event of run \`${event.runId}\` cannot be appended to run \`${runId}\``);
    const nodeId = "nodeId" in event ? (event.nodeId ?? null) : null;
    const row = { runId, type: event.type, nodeId, at: event.at, event: JSON.stringify(event) };
    const open = this.open.get(runId);
    return (await this.write({ op: "appendStep", row, seq: open ? ++open.stepCount : null })) as number;
  }

  async finishRun(runId: string, input: RunOutcome): Promise<RunRecord> {
    const outcome = parseOrThrow(RunOutcome, input, `outcome of run \`${runId}\``);
    const hasFallback = outcome.result?.kind === "parser" && outcome.result.source === "llm-fallback";
    const row = {
      id: runId,
      status: outcome.status,
      finishedAt: outcome.finishedAt ?? this.now(),
      hasFallback: hasFallback ? 1 : 0,
      result: outcome.result === null ? null : JSON.stringify(outcome.result),
      error: outcome.error === null ? null : JSON.stringify(outcome.error),
    };
    const open = this.open.get(runId);
    this.open.delete(runId);
    await this.write({ op: "finishRun", row });
    if (!open) return this.mustGetRun(runId);
    return { ...open, status: outcome.status, finishedAt: row.finishedAt, hasFallback, result: outcome.result, error: outcome.error };
  }

  async getRun(id: string): Promise<RunWithSteps | null> {
    await this.writes.settled();
    const row = this.sql.getRun.get(id) as RunRow | undefined;
    if (!row) return null;
    return { ...toRun(row), steps: (this.sql.listSteps.all(id) as StepRow[]).map(toStep) };
  }

  async listRuns(input: RunFilter = {}): Promise<RunRecord[]> {
    await this.writes.settled();
    const filter = parseOrThrow(RunFilter, input, "run filter");
    // only fixed clause texts are joined; every value is a bound parameter
    const clauses: string[] = [];
    const params: Record<string, string | number> = { limit: filter.limit };
    const where = (clause: string, key: string, value: string | number | undefined) => {
      if (value === undefined) return;
      clauses.push(clause);
      params[key] = value;
    };
    where("session_id = @sessionId", "sessionId", filter.sessionId);
    where("user_id = @userId", "userId", filter.userId);
    where("graph_name = @graph", "graph", filter.graph);
    where("graph_version = @version", "version", filter.version);
    where("kind = @kind", "kind", filter.kind);
    where("status = @status", "status", filter.status);
    where("has_fallback = @hasFallback", "hasFallback", filter.hasFallback === undefined ? undefined : Number(filter.hasFallback));
    where("started_at >= @from", "from", filter.from);
    where("started_at < @to", "to", filter.to);
    const text = `${SELECT_RUNS}${clauses.length ? ` WHERE ${clauses.join(" AND ")}` : ""} ORDER BY started_at DESC, rowid DESC LIMIT @limit`;
    let statement = this.runQueries.get(text);
    if (!statement) this.runQueries.set(text, (statement = this.db.prepare(text)));
    return (statement.all(params) as RunRow[]).map(toRun);
  }

  async markInterruptedRuns(): Promise<number> {
    await this.writes.settled();
    this.open.clear();
    const error = JSON.stringify({ code: "interrupted", message: "the process running it stopped before the run finished" });
    return this.sql.markInterrupted.run({ now: this.now(), error }).changes;
  }

  async recordExposure(exposure: ExposureRow): Promise<void> {
    await this.write({ op: "recordExposure", row: exposure });
  }

  async addFeedEvents(inputs: NewFeedEvent[]): Promise<FeedEventRecord[]> {
    await this.writes.settled();
    const events = inputs.map((input, i) => parseOrThrow(NewFeedEvent, input, `feed event ${i + 1}`));
    const at = this.now();
    return this.db.transaction(() => {
      const users = new Map<string, string>();
      return events.map((event, i) => {
        const where = `feed event ${i + 1} (${event.type} of \`${event.itemId}\`)`;
        let userId = users.get(event.sessionId);
        if (userId === undefined) {
          const session = this.sql.getSession.get(event.sessionId) as SessionRow | undefined;
          if (!session) throw new StoreError("NOT_FOUND", `${where}: session \`${event.sessionId}\` does not exist; nothing was saved`);
          users.set(event.sessionId, (userId = session.user_id));
        }
        if (event.userId !== undefined && event.userId !== userId) {
          throw new StoreError("INVALID", `${where}: session \`${event.sessionId}\` belongs to user \`${userId}\`, not \`${event.userId}\`; nothing was saved`);
        }
        if (event.runId !== null && !this.sql.runExists.get(event.runId)) {
          throw new StoreError("NOT_FOUND", `${where}: run \`${event.runId}\` does not exist; nothing was saved`);
        }
        const row = { type: event.type, sessionId: event.sessionId, userId, itemId: event.itemId, position: event.position, runId: event.runId, at: event.at ?? at };
        const id = this.sql.insertFeedEvent.get(row) as number;
        return toFeedEvent({ id, type: row.type, session_id: row.sessionId, user_id: userId, item_id: row.itemId, position: row.position, run_id: row.runId, at: row.at });
      });
    }).immediate();
  }

  async listNotInterested(sessionId: string, until = Number.MAX_SAFE_INTEGER): Promise<string[]> {
    return this.sql.listNotInterested.all(sessionId, until) as string[];
  }

  async listFeedEvents(sessionId: string): Promise<FeedEventRecord[]> {
    return (this.sql.listFeedEvents.all(sessionId) as FeedEventRow[]).map(toFeedEvent);
  }

  async close(): Promise<void> {
    await this.writes.close();
    if (this.ownsDb && this.db.open) this.db.close();
  }

  private write(write: QueuedWrite): Promise<unknown> {
    return this.writes.enqueue(write);
  }

  private mustGetRun(id: string): RunRecord {
    const row = this.sql.getRun.get(id) as RunRow | undefined;
    if (!row) throw new StoreError("NOT_FOUND", `run \`${id}\` does not exist`);
    return toRun(row);
  }

}

/** Opens (creating folders and file as needed) and migrates the store at `file`. */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteStore {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    return new SqliteStore(db, options, true);
  } catch (error) {
    db.close();
    throw error;
  }
}
