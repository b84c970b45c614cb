import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { ExperimentDefinition, ExperimentRecord, ExperimentSnapshot, type ExperimentStatus, type ExposureCount } from "../../schemas/experiment.ts";
import type { ExperimentActivityRows } from "../../experiments/live/activity-rows.ts";
import type { ExperimentStore } from "./experiment-store.ts";
import { unique } from "./queued-writes.ts";
import { parseOrThrow, StoreError } from "./store-error.ts";

interface ExperimentRow {
  id: string; name: string; status: string; catalog: string | null; definition_json: string;
  created_at: number; updated_at: number; started_at: number | null; stopped_at: number | null;
}

const toExperiment = (r: ExperimentRow): ExperimentRecord =>
  ExperimentRecord.parse({
    ...JSON.parse(r.definition_json), id: r.id, status: r.status, createdAt: r.created_at, updatedAt: r.updated_at, startedAt: r.started_at, stoppedAt: r.stopped_at,
  });

const TURN_COLUMNS = "t.session_id AS sessionId, t.turn, t.memory_json AS memoryJson, t.feed_json AS feedJson, t.run_ids_json AS runIdsJson, t.at";
const RUN_COLUMNS = "r.id, r.kind, r.started_at AS startedAt, r.finished_at AS finishedAt, r.has_fallback AS hasFallback";
const EVENT_COLUMNS = "e.type, e.session_id AS sessionId, e.item_id AS itemId, e.at";
// the experiment's users' sessions outside it, created before it started
const PRE_SESSION_FILTER = `user_id IN (SELECT user_id FROM sessions WHERE experiment_id = @id)
  AND (experiment_id IS NULL OR experiment_id != @id) AND created_at < @startedAt`;
const PRE_SESSIONS = `SELECT id FROM sessions WHERE ${PRE_SESSION_FILTER}`;

/** Experiments on the store's SQLite connection; reads of turns and runs first wait for the queued writes. */
export class SqliteExperiments implements ExperimentStore {
  private readonly sql;

  constructor(private readonly db: Database.Database, private readonly now: () => number, private readonly settled: () => Promise<void>) {
    this.sql = {
      insert: db.prepare(`INSERT INTO experiments (id, name, status, catalog, definition_json, created_at, updated_at)
        VALUES (@id, @name, 'draft', @catalog, @definition, @at, @at)`),
      get: db.prepare("SELECT * FROM experiments WHERE id = ?"),
      list: db.prepare("SELECT * FROM experiments ORDER BY created_at DESC, id"),
      running: db.prepare("SELECT * FROM experiments WHERE status = 'running' ORDER BY started_at, id"),
      update: db.prepare("UPDATE experiments SET name = @name, catalog = @catalog, definition_json = @definition, updated_at = @at WHERE id = @id AND status = 'draft'"),
      setStatus: db.prepare(`UPDATE experiments SET status = @status, updated_at = @at,
        started_at = COALESCE(started_at, CASE WHEN @status = 'running' THEN @at END),
        stopped_at = CASE WHEN @status = 'stopped' THEN @at ELSE stopped_at END WHERE id = @id`),
      counts: db.prepare(`SELECT variant, COUNT(DISTINCT user_id) AS users, COUNT(DISTINCT session_id) AS sessions, COUNT(*) AS exposures
        FROM exposures WHERE experiment_id = ? GROUP BY variant`),
      sessions: db.prepare("SELECT id, user_id AS userId, variant, created_at AS createdAt FROM sessions WHERE experiment_id = ?"),
      turns: db.prepare(`SELECT ${TURN_COLUMNS} FROM turns t JOIN sessions s ON s.id = t.session_id WHERE s.experiment_id = ?`),
      runs: db.prepare(`SELECT ${RUN_COLUMNS} FROM runs r JOIN sessions s ON s.id = r.session_id WHERE s.experiment_id = ? AND r.status = 'ok'`),
      events: db.prepare(`SELECT ${EVENT_COLUMNS} FROM feed_events e JOIN sessions s ON s.id = e.session_id WHERE s.experiment_id = ?`),
      preSessions: db.prepare(`SELECT id, user_id AS userId FROM sessions WHERE ${PRE_SESSION_FILTER}`),
      preTurns: db.prepare(`SELECT ${TURN_COLUMNS} FROM turns t WHERE t.session_id IN (${PRE_SESSIONS}) AND t.at < @startedAt`),
      preRuns: db.prepare(`SELECT ${RUN_COLUMNS} FROM runs r WHERE r.session_id IN (${PRE_SESSIONS}) AND r.status = 'ok' AND r.started_at < @startedAt`),
      preEvents: db.prepare(`SELECT ${EVENT_COLUMNS} FROM feed_events e WHERE e.session_id IN (${PRE_SESSIONS}) AND e.at < @startedAt`),
      addSnapshot: db.prepare("INSERT OR REPLACE INTO experiment_snapshots (experiment_id, at, snapshot_json) VALUES (?, ?, ?)"),
      snapshots: db.prepare("SELECT snapshot_json FROM (SELECT * FROM experiment_snapshots WHERE experiment_id = ? ORDER BY at DESC LIMIT ?) ORDER BY at").pluck(),
    };
  }

  async create(input: ExperimentDefinition, id = randomUUID()): Promise<ExperimentRecord> {
    const definition = parseOrThrow(ExperimentDefinition, input, "experiment");
    unique(() => this.sql.insert.run({ id, name: definition.name, catalog: definition.catalog, definition: JSON.stringify(definition), at: this.now() }), `experiment \`${id}\``);
    return this.mustGet(id);
  }

  async get(id: string): Promise<ExperimentRecord | null> {
    const row = this.sql.get.get(id) as ExperimentRow | undefined;
    return row ? toExperiment(row) : null;
  }

  async list(): Promise<ExperimentRecord[]> {
    return (this.sql.list.all() as ExperimentRow[]).map(toExperiment);
  }

  async update(id: string, input: ExperimentDefinition): Promise<ExperimentRecord> {
    const definition = parseOrThrow(ExperimentDefinition, input, "experiment");
    const current = this.mustGet(id);
    if (current.status !== "draft") throw new StoreError("CONFLICT", `experiment \`${id}\` is ${current.status}; only drafts can be edited (create a new experiment instead)`);
    this.sql.update.run({ id, name: definition.name, catalog: definition.catalog, definition: JSON.stringify(definition), at: this.now() });
    return this.mustGet(id);
  }

  async setStatus(id: string, status: ExperimentStatus, at: number): Promise<ExperimentRecord> {
    this.mustGet(id);
    this.sql.setStatus.run({ id, status, at });
    return this.mustGet(id);
  }

  async running(): Promise<ExperimentRecord[]> {
    return (this.sql.running.all() as ExperimentRow[]).map(toExperiment);
  }

  async exposureCounts(id: string): Promise<ExposureCount[]> {
    await this.settled();
    return this.sql.counts.all(id) as ExposureCount[];
  }

  async activity(id: string): Promise<ExperimentActivityRows> {
    await this.settled();
    const experiment = this.mustGet(id);
    const pre = { id, startedAt: experiment.startedAt ?? 0 };
    const runs = (rows: unknown[]) => (rows as (ExperimentActivityRows["runs"][number] & { hasFallback: number | boolean })[]).map((r) => ({ ...r, hasFallback: Boolean(r.hasFallback) }));
    return this.db.transaction(() => ({
      sessions: this.sql.sessions.all(id) as ExperimentActivityRows["sessions"],
      turns: this.sql.turns.all(id) as ExperimentActivityRows["turns"],
      runs: runs(this.sql.runs.all(id)),
      events: this.sql.events.all(id) as ExperimentActivityRows["events"],
      pre: {
        sessions: this.sql.preSessions.all(pre) as ExperimentActivityRows["pre"]["sessions"],
        turns: this.sql.preTurns.all(pre) as ExperimentActivityRows["turns"],
        runs: runs(this.sql.preRuns.all(pre)),
        events: this.sql.preEvents.all(pre) as ExperimentActivityRows["events"],
      },
    }))();
  }

  async addSnapshot(input: ExperimentSnapshot): Promise<void> {
    const snapshot = parseOrThrow(ExperimentSnapshot, input, "experiment snapshot");
    this.sql.addSnapshot.run(snapshot.experimentId, snapshot.at, JSON.stringify(snapshot));
  }

  async listSnapshots(id: string, limit: number): Promise<ExperimentSnapshot[]> {
    return (this.sql.snapshots.all(id, limit) as string[]).map((text) => ExperimentSnapshot.parse(JSON.parse(text)));
  }

  private mustGet(id: string): ExperimentRecord {
    const row = this.sql.get.get(id) as ExperimentRow | undefined;
    if (!row) throw new StoreError("NOT_FOUND", `experiment \`${id}\` does not exist`);
    return toExperiment(row);
  }
}
