import { parseWithGraph, type Agents } from "../runtime/agents.ts";
import type { ParseInput } from "../parser/parser-state.ts";
import { ParseLine } from "../schemas/cli-lines.ts";
import { emptyPreferences } from "../schemas/preferences.ts";
import type { PreparedCatalog } from "../runtime/prepared-catalog.ts";
import { JsonlWriter, readJsonLine, readLines, roundMs } from "./jsonl.ts";

export interface ParseOptions {
  in?: string;
  out?: string;
  llm: boolean;
  agents: Agents;
}

/** `recbot parse`: one output line per input line, in order; a bad line yields an error line and the run goes on. */
export async function runParse(prepared: PreparedCatalog, options: ParseOptions): Promise<{ lines: number; errors: number; fallbacks: number }> {
  const writer = new JsonlWriter(options.out);
  let lines = 0;
  let errors = 0;
  let fallbacks = 0;
  for await (const { line, text } of readLines(options.in)) {
    lines++;
    const request = readRequest(text, line);
    if ("error" in request) {
      errors++;
      await writer.write(request);
      continue;
    }
    const { id, input } = request;
    const t0 = performance.now();
    try {
      const { preferences, source, notes } = await parseWithGraph(options.agents, input);
      const ms = roundMs(performance.now() - t0);
      if (source === "llm-fallback") fallbacks++;
      await writer.write(options.llm ? { id, preferences, ms, source, notes } : { id, preferences, ms });
    } catch (e) {
      errors++;
      await writer.write({ id, error: `line ${line}: ${(e as Error).message}` });
    }
  }
  await writer.close();
  return { lines, errors, fallbacks };
}

function readRequest(text: string, line: number): { id: string | number; input: ParseInput } | { id: unknown; error: string } {
  const read = readJsonLine(ParseLine, text, line);
  if (!("value" in read)) return read;
  const { id, command, memory, feed } = read.value;
  return { id, input: { command, memory: memory ?? emptyPreferences(), feed: feed ?? [] } };
}
