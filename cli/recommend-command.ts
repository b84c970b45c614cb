import { RecommendLine } from "../schemas/cli-lines.ts";
import type { Preferences } from "../schemas/preferences.ts";
import { emptyPreferences } from "../schemas/preferences.ts";
import type { PreparedCatalog } from "../runtime/prepared-catalog.ts";
import { parseWithGraph, planWithGraph, type Agents } from "../runtime/agents.ts";
import { JsonlWriter, readJsonLine, readLines, roundMs } from "./jsonl.ts";

export interface RecommendOptions {
  in?: string;
  out?: string;
  k: number;
  agents: Agents;
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
    const result = await answerLine(prepared, options.agents, text, line, options.k);
    if ("error" in result) errors++;
    await writer.write(result);
  }
  await writer.close();
  return { lines, errors };
}

async function answerLine(prepared: PreparedCatalog, agents: Agents, text: string, line: number, k: number) {
  const read = readJsonLine(RecommendLine, text, line);
  if (!("value" in read)) return read;
  const request = read.value;
  const exclude = request.exclude ?? [];
  const { user } = request;
  const plan = async (preferences: Preferences | null, command: string | null): Promise<TurnOutput> => {
    const t0 = performance.now();
    const { items } = await planWithGraph(agents, prepared.context, { preferences: preferences ?? emptyPreferences(), user, exclude, k });
    const ms = roundMs(performance.now() - t0);
    return preferences ? { command, preferences, items, ms } : { command, items, ms };
  };
  try {
    const turns: TurnOutput[] = [await plan(null, null)];
    for (const preferences of request.preferences ?? []) turns.push(await plan(preferences, null));
    let memory = emptyPreferences();
    for (const command of request.commands ?? []) {
      const t0 = performance.now();
      memory = (await parseWithGraph(agents, { command, memory, feed: turns[turns.length - 1].items })).preferences;
      const turn = await plan(memory, command);
      turns.push({ ...turn, ms: roundMs(performance.now() - t0) });
    }
    return { id: request.id, turns };
  } catch (e) {
    return { id: request.id, error: `line ${line}: ${(e as Error).message}` };
  }
}
