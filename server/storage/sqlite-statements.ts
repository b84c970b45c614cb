import type Database from "better-sqlite3";

const RUN_COLUMNS = `id, kind, graph_name, graph_version, session_id, user_id, status, started_at, finished_at,
  has_fallback, result_json, error_json, (SELECT COUNT(*) FROM steps WHERE steps.run_id = runs.id) AS step_count`;

const SESSION_COLUMNS = "id, user_id, catalog_user, graphs_json, catalog, experiment_id, variant, created_at";

/** The run columns a listing selects; `listRuns` appends its WHERE clause to this. */
export const SELECT_RUNS = `SELECT ${RUN_COLUMNS} FROM runs`;

/** Every fixed statement of the store, prepared once when it opens. Values are always bound, never spliced. */
export function prepareStatements(db: Database.Database) {
  return {
    insertUser: db.prepare("INSERT INTO users (id, name, token_hash, created_at) VALUES (@id, @name, @tokenHash, @createdAt)"),
    getUser: db.prepare("SELECT id, name, created_at FROM users WHERE id = ?"),
    getUserByToken: db.prepare("SELECT id, name, created_at FROM users WHERE token_hash = ?"),

    insertSession: db.prepare(`INSERT INTO sessions (id, user_id, catalog_user, graphs_json, catalog, experiment_id, variant, created_at)
      VALUES (@id, @userId, @catalogUser, @graphs, @catalog, @experimentId, @variant, @createdAt)`),
    getSession: db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ?`),
    listSessions: db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE user_id = ? ORDER BY created_at, id`),

    getSetting: db.prepare("SELECT value FROM settings WHERE key = ?").pluck(),
    // the first writer wins, so two processes starting at once agree on one value
    addSetting: db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING"),
    setSetting: db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"),

    insertExposure: db.prepare(`INSERT INTO exposures (experiment_id, variant, user_id, session_id, turn, run_id, at)
      VALUES (@experimentId, @variant, @userId, @sessionId, @turn, @runId, @at)`),

    lastTurn: db.prepare("SELECT COALESCE(MAX(turn), 0) FROM turns WHERE session_id = ?").pluck(),
    insertTurn: db.prepare(`INSERT INTO turns (session_id, turn, command, memory_json, feed_json, run_ids_json, at)
      VALUES (@sessionId, @turn, @command, @memory, @feed, @runIds, @at)`),
    listTurns: db.prepare("SELECT * FROM turns WHERE session_id = ? ORDER BY turn"),
    getLastTurn: db.prepare("SELECT * FROM turns WHERE session_id = ? ORDER BY turn DESC LIMIT 1"),

    latestGraphInfo: db.prepare("SELECT name, version, kind, note, created_at FROM graph_versions WHERE name = ? ORDER BY version DESC LIMIT 1"),
    latestGraph: db.prepare("SELECT * FROM graph_versions WHERE name = ? ORDER BY version DESC LIMIT 1"),
    getGraphVersion: db.prepare("SELECT * FROM graph_versions WHERE name = ? AND version = ?"),
    insertGraphVersion: db.prepare(`INSERT INTO graph_versions (name, version, kind, spec_json, note, created_at)
      VALUES (@name, @version, @kind, @spec, @note, @createdAt)`),
    listGraphVersions: db.prepare("SELECT name, version, kind, note, created_at FROM graph_versions WHERE name = ? ORDER BY version"),
    listGraphs: db.prepare(`SELECT name, version, kind, note, created_at FROM graph_versions g
      WHERE version = (SELECT MAX(version) FROM graph_versions WHERE name = g.name) ORDER BY name`),

    insertRun: db.prepare(`INSERT INTO runs (id, kind, graph_name, graph_version, session_id, user_id, status, started_at)
      VALUES (@id, @kind, @graph, @version, @sessionId, @userId, 'running', @startedAt)`),
    getRun: db.prepare(`${SELECT_RUNS} WHERE id = ?`),
    runStatus: db.prepare("SELECT status FROM runs WHERE id = ?").pluck(),
    // one statement: numbers the step and refuses it unless the run is still running, atomically
    appendStep: db.prepare(`INSERT INTO steps (run_id, seq, type, node_id, at, event_json)
      SELECT @runId, COALESCE((SELECT MAX(seq) FROM steps WHERE run_id = @runId), 0) + 1, @type, @nodeId, @at, @event
      WHERE EXISTS (SELECT 1 FROM runs WHERE id = @runId AND status = 'running')
      RETURNING seq`).pluck(),
    finishRun: db.prepare(`UPDATE runs SET status = @status, finished_at = @finishedAt, has_fallback = @hasFallback,
      result_json = @result, error_json = @error WHERE id = @id AND status = 'running'`),
    // the fast path for runs this process started and is still writing: it knows the next number and that the run runs
    insertStep: db.prepare("INSERT INTO steps (run_id, seq, type, node_id, at, event_json) VALUES (@runId, @seq, @type, @nodeId, @at, @event)"),
    listSteps: db.prepare("SELECT run_id, seq, event_json FROM steps WHERE run_id = ? ORDER BY seq"),
    markInterrupted: db.prepare("UPDATE runs SET status = 'interrupted', finished_at = @now, error_json = @error WHERE status = 'running'"),

    insertFeedEvent: db.prepare(`INSERT INTO feed_events (type, session_id, user_id, item_id, position, run_id, at)
      VALUES (@type, @sessionId, @userId, @itemId, @position, @runId, @at) RETURNING id`).pluck(),
    listFeedEvents: db.prepare("SELECT * FROM feed_events WHERE session_id = ? ORDER BY at, id"),
    listNotInterested: db.prepare(`SELECT DISTINCT item_id FROM feed_events
      WHERE session_id = ? AND type = 'not_interested' AND at <= ? ORDER BY item_id`).pluck(),
    runExists: db.prepare("SELECT 1 FROM runs WHERE id = ?").pluck(),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
