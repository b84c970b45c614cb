import { readFileSync } from "node:fs";
import { parseOffline } from "../parser/parse-offline.ts";
import type { ParseInput } from "../parser/parser-state.ts";
import { prepareCatalog } from "../runtime/prepared-catalog.ts";
import { ParseLine } from "../schemas/cli-lines.ts";
import { emptyPreferences } from "../schemas/preferences.ts";
import { median, quantile } from "./stats.ts";

export interface ParseLatencyRow {
  cases: number;
  runs: number;
  p50Ms: number;
  p99Ms: number;
}

/** Offline parse latency over a JSON Lines file of parse cases (the dev set), warm, several passes. */
export async function measureParseLatency(ref: string, casesFile: string, passes = 5): Promise<ParseLatencyRow> {
  const { context } = await prepareCatalog(ref, {});
  const inputs: ParseInput[] = readFileSync(casesFile, "utf8").split("\n").filter((l) => l.trim()).map((l) => {
    const c = ParseLine.parse(JSON.parse(l));
    return { command: c.command, memory: c.memory ?? emptyPreferences(), feed: c.feed ?? [] };
  });
  for (const input of inputs) parseOffline(input, context);
  const times: number[] = [];
  for (let p = 0; p < passes; p++) {
    for (const input of inputs) {
      const t0 = performance.now();
      parseOffline(input, context);
      times.push(performance.now() - t0);
    }
  }
  return { cases: inputs.length, runs: times.length, p50Ms: median(times), p99Ms: quantile(times, 0.99) };
}
