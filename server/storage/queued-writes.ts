import Database from "better-sqlite3";
import type { Statements } from "./sqlite-statements.ts";
import { StoreError } from "./store-error.ts";

// The hot writes of a command (runs, steps, turns) as plain data, so that they can be queued and applied in
// batches, on the store's own connection or on a writer thread's. Each changes the database in at most one
// statement, after its checks, so one refused write leaves nothing behind and the rest of its batch commits.

export type QueuedWrite =
  | { op: "startRun"; row: { id: string; kind: string; graph: string; version: number | null; sessionId: string | null; startedAt: number } }
  /** `seq` when the writer knows the next number (runs it started and is still writing), else looked up */
  | { op: "appendStep"; row: { runId: string; type: string; nodeId: string | null; at: number; event: string }; seq: number | null }
  | { op: "finishRun"; row: { id: string; status: string; finishedAt: number; hasFallback: number; result: string | null; error: string | null } }
  | { op: "appendTurn"; row: { sessionId: string; turn: number; command: string; memory: string; feed: string; runIds: string; at: number } }
  | { op: "recordExposure"; row: ExposureRow };

/** One feed served to a session enrolled in an experiment. */
export interface ExposureRow {
  experimentId: string;
  variant: string;
  userId: string;
  sessionId: string;
  turn: number;
  runId: string | null;
  at: number;
}

/** A refusal as it crosses a thread: StoreErrors keep their code. */
export interface WriteFailure {
  code: string;
  message: string;
}

export function describeFailure(error: unknown): WriteFailure {
  if (error instanceof StoreError) return { code: error.code, message: error.message };
  return { code: "INTERNAL", message: error instanceof Error ? error.message : String(error) };
}

export function failureError(failure: WriteFailure): Error {
  return failure.code === "INTERNAL" ? new Error(failure.message) : new StoreError(failure.code as StoreError["code"], failure.message);
}

const constraint = (error: unknown, code: string) => error instanceof Database.SqliteError && error.code === code;

/** Runs `write`, turning a primary-key clash into a CONFLICT that says what already exists. */
export function unique<T>(write: () => T, what: string): T {
  try {
    return write();
  } catch (error) {
    if (constraint(error, "SQLITE_CONSTRAINT_PRIMARYKEY")) throw new StoreError("CONFLICT", `${what} already exists; choose another id or omit it`);
    throw error;
  }
}

function refuseFinishedRun(sql: Statements, runId: string, action: string): never {
  const status = sql.runStatus.get(runId) as string | undefined;
  if (status === undefined) throw new StoreError("NOT_FOUND", `cannot ${action} run \`${runId}\`: it does not exist; start it first`);
  throw new StoreError("CONFLICT", `cannot ${action} run \`${runId}\`: it already ended as ${status}`);
}

/** Applies one write; returns what the caller cannot know beforehand (a run's user, a step's number). */
export function applyWrite(sql: Statements, write: QueuedWrite): string | number | null {
  switch (write.op) {
    case "startRun": {
      const { row } = write;
      let userId: string | null = null;
      if (row.sessionId !== null) {
        const session = sql.getSession.get(row.sessionId) as { user_id: string } | undefined;
        if (!session) throw new StoreError("NOT_FOUND", `session \`${row.sessionId}\` does not exist; create it before running in it`);
        userId = session.user_id;
      }
      unique(() => sql.insertRun.run({ ...row, userId }), `run \`${row.id}\``);
      return userId;
    }
    case "appendStep": {
      const { row, seq } = write;
      if (seq !== null) {
        try {
          sql.insertStep.run({ ...row, seq });
        } catch (error) {
          if (constraint(error, "SQLITE_CONSTRAINT_FOREIGNKEY") || constraint(error, "SQLITE_CONSTRAINT_PRIMARYKEY")) refuseFinishedRun(sql, row.runId, "append a step to");
          throw error;
        }
        return seq;
      }
      const appended = sql.appendStep.get(row) as number | undefined;
      if (appended === undefined) refuseFinishedRun(sql, row.runId, "append a step to");
      return appended!;
    }
    case "finishRun":
      if (sql.finishRun.run(write.row).changes === 0) refuseFinishedRun(sql, write.row.id, "finish");
      return null;
    case "appendTurn": {
      const { row } = write;
      if (!sql.getSession.get(row.sessionId)) throw new StoreError("NOT_FOUND", `session \`${row.sessionId}\` does not exist`);
      const next = (sql.lastTurn.get(row.sessionId) as number) + 1;
      if (row.turn !== next) throw new StoreError("CONFLICT", `session \`${row.sessionId}\` expects turn ${next} next, got turn ${row.turn}`);
      sql.insertTurn.run(row);
      return null;
    }
    case "recordExposure":
      // only a feed that was stored was served: the turn must have committed (it is queued just before)
      if ((sql.lastTurn.get(write.row.sessionId) as number) < write.row.turn) throw new StoreError("NOT_FOUND", `session \`${write.row.sessionId}\` has no turn ${write.row.turn}; no exposure recorded`);
      sql.insertExposure.run(write.row);
      return null;
  }
}

/** Applies a batch in one transaction; each write's outcome, in order. */
export function applyBatch(db: Database.Database, sql: Statements, writes: QueuedWrite[]): ({ ok: true; value: unknown } | { ok: false; failure: WriteFailure })[] {
  const outcomes: ({ ok: true; value: unknown } | { ok: false; failure: WriteFailure })[] = [];
  try {
    // IMMEDIATE: these writes read first (a session, the last turn); see SqliteStore.createSession
    db.transaction(() => {
      for (const write of writes) {
        try {
          outcomes.push({ ok: true, value: applyWrite(sql, write) });
        } catch (error) {
          outcomes.push({ ok: false, failure: describeFailure(error) });
        }
      }
    }).immediate();
  } catch (error) {
    const failure = describeFailure(error);
    return writes.map(() => ({ ok: false, failure }));
  }
  return outcomes;
}
