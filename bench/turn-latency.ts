import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateDemoCatalog } from "../catalog/demo/demo-catalog.ts";
import { EmbeddingMatrix } from "../models/embedding-matrix.ts";
import { emptyPreferences } from "../schemas/preferences.ts";
import { loadCatalogModels } from "../models/build-models.ts";
import { createToolContext } from "../tools/tool-context.ts";
import { recommendTurn } from "../tools/run-chain.ts";
import { createRandom } from "../models/seeded-random.ts";
import { commandFor, samplePreferences } from "./preference-sampler.ts";
import { median, quantile } from "./stats.ts";
import { GraphEngine } from "../graphs/graph-engine.ts";

export interface TurnLatencyRow {
  items: number;
  users: number;
  generateMs: number;
  modelBuildMs: number;
  contextMs: number;
  turns: number;
  p50Ms: number;
  p99Ms: number;
  /** one bare full scan of the semantic matrix as the tools scan it (int8) */
  scanMs: number;
  /** the same scan over exact f32 rows, for reference */
  scanF32Ms: number;
  ratioP50: number;
  ratioP99: number;
  meanCandidates: number;
  /** the same turns through the compiled default Planner graph, per graph engine */
  engines: Record<GraphEngine, EngineTimes>;
  peakRssMb: number;
}

/** One catalog size: build everything from scratch (fresh model cache), then time Planner turns against a bare scan. */
export interface EngineTimes {
  graphP50Ms: number;
  graphP99Ms: number;
  /** the engine's cost: graph p50 ÷ direct p50, and the difference in ms */
  graphRatio: number;
  graphOverheadMs: number;
  /** full turns through both graphs: a command parsed, then planned */
  fullP50Ms: number;
  fullP99Ms: number;
}

export async function measureTurnLatency(items: number, turns = 300): Promise<TurnLatencyRow> {
  const dataDir = mkdtempSync(join(tmpdir(), "recbot-bench-"));
  try {
    let t = performance.now();
    const catalog = generateDemoCatalog({ items });
    const generateMs = performance.now() - t;
    t = performance.now();
    const models = await loadCatalogModels(catalog, { dataDir, progress: process.stderr.isTTY });
    const modelBuildMs = performance.now() - t;
    t = performance.now();
    const context = createToolContext(catalog, models);
    const contextMs = performance.now() - t;

    const random = createRandom(7);
    const users = catalog.interactions.users;
    const sessions = Array.from({ length: turns + 30 }, () => ({
      user: users[Math.floor(random() * users.length)],
      preferences: samplePreferences(catalog, random),
    }));
    collectGarbage();
    const latencies: number[] = [];
    let candidates = 0;
    sessions.forEach((session, i) => {
      const start = performance.now();
      const result = recommendTurn(context, { ...session, k: 10 });
      const ms = performance.now() - start;
      if (i >= 30) {
        latencies.push(ms);
        candidates += result.steps.find((s) => s.tool === "filter")?.candidatesOut ?? catalog.size;
      }
    });

    // loaded only now, so that loading LangGraph leaves no garbage for the direct turns' timings
    const { loadAgents, parseWithGraph, planWithGraph } = await import("../runtime/agents.ts");
    const agents = loadAgents(context);
    const p50Ms = median(latencies);
    const engines = {} as Record<GraphEngine, EngineTimes>;
    for (const engine of GraphEngine.options) {
      collectGarbage();
      const graphTimes: number[] = [];
      const fullTimes: number[] = [];
      for (const [i, session] of sessions.entries()) {
        let start = performance.now();
        await planWithGraph(agents, context, { ...session, k: 10 }, engine);
        if (i >= 30) graphTimes.push(performance.now() - start);
        start = performance.now();
        const { preferences } = await parseWithGraph(agents, { command: commandFor(session.preferences, catalog), memory: emptyPreferences(), feed: [] }, engine);
        await planWithGraph(agents, context, { preferences, user: session.user, k: 10 }, engine);
        if (i >= 30) fullTimes.push(performance.now() - start);
      }
      engines[engine] = {
        graphP50Ms: median(graphTimes), graphP99Ms: quantile(graphTimes, 0.99),
        graphRatio: median(graphTimes) / p50Ms, graphOverheadMs: median(graphTimes) - p50Ms,
        fullP50Ms: median(fullTimes), fullP99Ms: quantile(fullTimes, 0.99),
      };
    }

    const query = new Float32Array(context.semantic.dim).fill(1 / Math.sqrt(context.semantic.dim));
    const scanMs = medianScan(context.semantic, query);
    const scanF32Ms = medianScan(new EmbeddingMatrix(catalog.size, context.semantic.dim, models.semantic.items, "f32"), query);
    const p99Ms = quantile(latencies, 0.99);
    return {
      items: catalog.size, users: users.length, generateMs, modelBuildMs, contextMs, turns: latencies.length,
      p50Ms, p99Ms, scanMs, scanF32Ms, ratioP50: p50Ms / scanMs, ratioP99: p99Ms / scanMs,
      meanCandidates: candidates / latencies.length,
      engines, peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A full collection before a timed loop, so that earlier allocations are not paid inside it (needs --expose-gc). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function medianScan(matrix: EmbeddingMatrix, query: Float32Array): number {
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const start = performance.now();
    matrix.scoreAll(query);
    if (i >= 10) times.push(performance.now() - start);
  }
  return median(times);
}

// Run as a child of bench/index.ts: `--items N` → one JSON line on stdout.
if (process.argv[1]?.endsWith("turn-latency.ts")) {
  const items = Number(process.argv[process.argv.indexOf("--items") + 1]);
  const row = await measureTurnLatency(items);
  process.stdout.write(JSON.stringify(row) + "\n");
}
