import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import Database from "better-sqlite3";
import { resolveDataDir } from "../models/model-cache.ts";

/** One SQLite file of session checkpoints, opened once per process. */
export interface SessionStore {
  file: string;
  db: Database.Database;
  saver: SqliteSaver;
}

const stores = new Map<string, SessionStore>();

/** `<RECBOT_DATA_DIR or ./recbot-data>/recbot.sqlite` */
export function defaultSessionFile(): string {
  return join(resolveDataDir(), "recbot.sqlite");
}

/** The store of this file, opened (WAL on, LangGraph's checkpoint tables created by the saver) on first use. */
export function openSessionStore(file = defaultSessionFile()): SessionStore {
  const path = resolve(file);
  let store = stores.get(path);
  if (!store) {
    mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma("journal_mode = WAL");
    store = { file: path, db, saver: new SqliteSaver(db) };
    stores.set(path, store);
  }
  return store;
}

/** Closes the store of this file (or every open store); sessions on it can no longer run. */
export function closeSessionStore(file?: string): void {
  for (const [path, store] of stores) {
    if (file !== undefined && path !== resolve(file)) continue;
    store.db.close();
    stores.delete(path);
  }
}
