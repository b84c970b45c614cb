import type Database from "better-sqlite3";

/** One numbered schema change; never edit a shipped one, append the next number instead. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Table names stay clear of LangGraph's SqliteSaver (`checkpoints`, `writes`), which shares the file.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "users, sessions, turns, graphs, runs, steps, feed events",
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        catalog_user TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_by_user ON sessions(user_id, created_at);
      CREATE TABLE turns (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        turn INTEGER NOT NULL CHECK (turn >= 1),
        command TEXT NOT NULL,
        memory_json TEXT NOT NULL,
        feed_json TEXT NOT NULL,
        run_ids_json TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (session_id, turn)
      );
      CREATE TABLE graph_versions (
        name TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        kind TEXT NOT NULL CHECK (kind IN ('parser', 'planner')),
        spec_json TEXT NOT NULL,
        note TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (name, version)
      );
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('parser', 'planner')),
        graph_name TEXT NOT NULL,
        graph_version INTEGER,
        session_id TEXT REFERENCES sessions(id),
        user_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'error', 'interrupted')),
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        has_fallback INTEGER NOT NULL DEFAULT 0,
        result_json TEXT,
        error_json TEXT
      );
      CREATE INDEX runs_by_time ON runs(started_at);
      CREATE INDEX runs_by_session ON runs(session_id, started_at);
      CREATE INDEX runs_by_user ON runs(user_id, started_at);
      CREATE INDEX runs_by_graph ON runs(graph_name, graph_version, started_at);
      CREATE INDEX runs_running ON runs(status) WHERE status = 'running';
      CREATE TABLE steps (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        node_id TEXT,
        at INTEGER NOT NULL,
        event_json TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      );
      CREATE TABLE feed_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        type TEXT NOT NULL CHECK (type IN ('impression', 'click', 'like', 'not_interested', 'add_to_cart')),
        session_id TEXT NOT NULL REFERENCES sessions(id),
        user_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        position INTEGER,
        run_id TEXT REFERENCES runs(id),
        at INTEGER NOT NULL
      );
      CREATE INDEX feed_events_by_session ON feed_events(session_id, at);
      CREATE INDEX feed_events_by_run ON feed_events(run_id);
    `,
  },
  {
    version: 2,
    name: "user credentials, graphs chosen per session, settings",
    sql: `
      ALTER TABLE users ADD COLUMN token_hash TEXT;
      CREATE UNIQUE INDEX users_by_token ON users(token_hash) WHERE token_hash IS NOT NULL;
      ALTER TABLE sessions ADD COLUMN graphs_json TEXT NOT NULL DEFAULT '{}';
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: "the catalog a session runs on",
    sql: `
      ALTER TABLE sessions ADD COLUMN catalog TEXT;
    `,
  },
  {
    version: 4,
    name: "A/B experiments: definitions, enrolled sessions, exposures, analysis snapshots",
    sql: `
      CREATE TABLE experiments (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'running', 'paused', 'stopped')),
        catalog TEXT,
        definition_json TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        started_at INTEGER,
        stopped_at INTEGER
      );
      ALTER TABLE sessions ADD COLUMN experiment_id TEXT REFERENCES experiments(id);
      ALTER TABLE sessions ADD COLUMN variant TEXT;
      CREATE INDEX sessions_by_experiment ON sessions(experiment_id) WHERE experiment_id IS NOT NULL;
      CREATE TABLE exposures (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        experiment_id TEXT NOT NULL REFERENCES experiments(id),
        variant TEXT NOT NULL,
        user_id TEXT NOT NULL,
        session_id TEXT NOT NULL REFERENCES sessions(id),
        turn INTEGER NOT NULL,
        run_id TEXT,
        at INTEGER NOT NULL
      );
      CREATE INDEX exposures_by_experiment ON exposures(experiment_id, at);
      CREATE TABLE experiment_snapshots (
        experiment_id TEXT NOT NULL REFERENCES experiments(id),
        at INTEGER NOT NULL,
        snapshot_json TEXT NOT NULL,
        PRIMARY KEY (experiment_id, at)
      );
    `,
  },
];

/**
 * Brings the file's schema up to the last migration, each in its own transaction with its row in
 * `schema_migrations`; already-applied ones are skipped, so running it again changes nothing.
 * Returns the schema version afterwards.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const current = db.prepare("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations").pluck();
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  for (const migration of migrations) {
    // IMMEDIATE takes the write lock before reading the version, so two processes opening at once apply it once
    db.transaction(() => {
      if ((current.get() as number) >= migration.version) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
    }).immediate();
  }
  return current.get() as number;
}
