import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { emptyPreferences } from "../../schemas/preferences.ts";
import { prepareCatalog } from "../../runtime/prepared-catalog.ts";
import type { ToolContext } from "../../tools/tool-context.ts";
import { parseOffline } from "../parse-offline.ts";
import { BOOKS } from "./books.ts";
import { ELECTRONICS } from "./electronics.ts";
import { pick, rng, type OtherCatalog } from "./kit.ts";
import { RESTAURANTS } from "./restaurants.ts";

export const OTHER_CATALOGS: OtherCatalog[] = [BOOKS, RESTAURANTS, ELECTRONICS];

/** Writes a catalog as a generic folder (items.jsonl, schema.json, interactions.csv) under a fresh temp dir. */
export function writeCatalogFolder(c: OtherCatalog, root = mkdtempSync(join(tmpdir(), "recbot-other-"))): string {
  const dir = join(root, c.name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "items.jsonl"), c.items.map((i) => JSON.stringify(i)).join("\n") + "\n");
  writeFileSync(join(dir, "schema.json"), JSON.stringify(c.schema, null, 2));
  const r = rng(c.items.length);
  const lines = ["user_id,item_id,rating,timestamp"];
  for (let u = 0; u < 40; u++) for (let k = 0; k < 6; k++) lines.push(`u${u},${pick(r, c.items).id},${1 + Math.floor(r() * 5)},${u * 10 + k}`);
  writeFileSync(join(dir, "interactions.csv"), lines.join("\n") + "\n");
  return dir;
}

/** Writes a catalog folder and prepares it (models trained into a temp data dir). */
export async function prepareOther(c: OtherCatalog): Promise<ToolContext> {
  const root = mkdtempSync(join(tmpdir(), "recbot-other-"));
  const dir = writeCatalogFolder(c, root);
  return (await prepareCatalog(dir, { dataDir: join(root, "data"), progress: false })).context;
}

const SCORER = fileURLToPath(new URL("../../../shared/eval/score-parser.mjs", import.meta.url));

export interface OtherScore {
  f1: number;
  exact: number;
  details: string;
  json: { strict: { f1: number; precision: number; recall: number }; exact_match: number; cases: number };
}

/** Parses every case of a catalog and scores it with the shared scorer (strict F1, exact match, details). */
export function scoreOther(ctx: ToolContext, c: OtherCatalog): OtherScore {
  const dir = mkdtempSync(join(tmpdir(), "recbot-other-score-"));
  const gold = c.cases.map((k) => JSON.stringify({ id: k.id, command: k.command, gold: k.gold, tags: k.tags ?? [] }));
  const pred = c.cases.map((k) => {
    const out = parseOffline({ command: k.command, memory: structuredClone(k.memory ?? emptyPreferences()), feed: k.feed ?? [] }, ctx);
    return JSON.stringify({ id: k.id, preferences: out.preferences });
  });
  writeFileSync(join(dir, "gold.jsonl"), gold.join("\n") + "\n");
  writeFileSync(join(dir, "pred.jsonl"), pred.join("\n") + "\n");
  const run = spawnSync(process.execPath, [SCORER, "--gold", join(dir, "gold.jsonl"), "--pred", join(dir, "pred.jsonl"), "--json", "--details"], { encoding: "utf8" });
  const lines = run.stdout.trim().split("\n");
  const json = JSON.parse(lines[lines.length - 1]) as OtherScore["json"];
  return { f1: json.strict.f1, exact: json.exact_match, details: lines.slice(0, -1).join("\n"), json };
}
