import { z } from "zod";
import { parseWithGraph, type Agents } from "../runtime/agents.ts";
import type { ParseInput } from "../parser/parser-state.ts";
import { ParseLine } from "../schemas/cli-lines.ts";
import { emptyPreferences } from "../schemas/preferences.ts";
import type { PreparedCatalog } from "../runtime/prepared-catalog.ts";
import { JsonlWriter, readLines } from "./jsonl.ts";

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
      const ms = round(performance.now() - t0);
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
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { id: null, error: `line ${line}: not valid JSON (${(e as Error).message})` };
  }
  const parsed = ParseLine.safeParse(raw);
  if (!parsed.success) return { id: (raw as { id?: unknown })?.id ?? null, error: `line ${line}: ${z.prettifyError(parsed.error).replace(/\n/g, "; ")}` };
  const { id, command, memory, feed } = parsed.data;
  return { id, input: { command, memory: memory ?? emptyPreferences(), feed: feed ?? [] } };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;
