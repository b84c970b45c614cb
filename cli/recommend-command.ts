import { z } from "zod";
import { RecommendLine } from "../schemas/cli-lines.ts";
import type { Preferences } from "../schemas/preferences.ts";
import { emptyPreferences } from "../schemas/preferences.ts";
import type { PreparedCatalog } from "../runtime/prepared-catalog.ts";
import { parseOffline } from "../parser/parse-offline.ts";
import { recommendTurn } from "../tools/run-chain.ts";
import { JsonlWriter, readLines } from "./jsonl.ts";

export interface RecommendOptions {
  in?: string;
  out?: string;
  k: number;
}

interface TurnOutput {
  command: string | null;
  preferences?: Preferences;
  items: string[];
  ms: number;
}

/** `recbot recommend`: one output line per input line, in order; a bad line yields an error line and the run goes on. */
export async function runRecommend(prepared: PreparedCatalog, options: RecommendOptions): Promise<{ lines: number; errors: number }> {
  const writer = new JsonlWriter(options.out);
  let lines = 0;
  let errors = 0;
  for await (const { line, text } of readLines(options.in)) {
    lines++;
    const result = answerLine(prepared, text, line, options.k);
    if ("error" in result) errors++;
    await writer.write(result);
  }
  await writer.close();
  return { lines, errors };
}

function answerLine(prepared: PreparedCatalog, text: string, line: number, k: number) {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { id: null, error: `line ${line}: not valid JSON (${(e as Error).message})` };
  }
  const id = (raw as { id?: unknown })?.id ?? null;
  const parsed = RecommendLine.safeParse(raw);
  if (!parsed.success) return { id, error: `line ${line}: ${z.prettifyError(parsed.error).replace(/\n/g, "; ")}` };
  const request = parsed.data;
  const exclude = request.exclude ?? [];
  const turns: TurnOutput[] = [runTurn(prepared, null, request.user, exclude, k)];
  for (const preferences of request.preferences ?? []) turns.push(runTurn(prepared, preferences, request.user, exclude, k));
  let memory = emptyPreferences();
  for (const command of request.commands ?? []) {
    const t0 = performance.now();
    memory = parseOffline({ command, memory, feed: turns[turns.length - 1].items }, prepared.context).preferences;
    const turn = runTurn(prepared, memory, request.user, exclude, k);
    turns.push({ ...turn, command, ms: round(performance.now() - t0) });
  }
  return { id: request.id, turns };
}

/** Turn 0 (preferences null) ranks from history alone; a later turn runs the Planner on the given memory. */
function runTurn(prepared: PreparedCatalog, preferences: Preferences | null, user: string | undefined, exclude: string[], k: number): TurnOutput {
  const t0 = performance.now();
  const { items } = recommendTurn(prepared.context, { preferences: preferences ?? emptyPreferences(), user, exclude, k });
  const ms = round(performance.now() - t0);
  return preferences ? { command: null, preferences, items, ms } : { command: null, items, ms };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;
