import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { GraphSpecError } from "../graphs/graph-spec-error.ts";
import { resolveDataDir } from "../models/model-cache.ts";

/** `name@version`: a graph version saved on a server (in its data folder), rather than a JSON file. */
export const SAVED_GRAPH_REF = /^([\w.-]{1,200})@(\d+)$/;

/** The spec of a saved graph version, read (read-only) from the server database in `dataDir`. */
export function readSavedGraph(ref: string, dataDir?: string): unknown {
  const [, name, version] = SAVED_GRAPH_REF.exec(ref)!;
  const file = join(resolveDataDir(dataDir), "recbot.sqlite");
  if (!existsSync(file)) throw new GraphSpecError("invalid_spec", `${ref}: no server database at ${file}; pass the server's --data-dir (or RECBOT_DATA_DIR), or a JSON file`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT spec_json FROM graph_versions WHERE name = ? AND version = ?").get(name, Number(version)) as { spec_json: string } | undefined;
    if (row) return JSON.parse(row.spec_json);
    const versions = db.prepare("SELECT version FROM graph_versions WHERE name = ? ORDER BY version").pluck().all(name) as number[];
    throw new GraphSpecError("invalid_spec", versions.length ? `${ref}: graph \`${name}\` has versions ${versions.join(", ")}` : `${ref}: no saved graph \`${name}\` in ${file}`);
  } finally {
    db.close();
  }
}
