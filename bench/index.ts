import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatQualityTable, runQualityCheck } from "./quality.ts";
import { measureParseLatency } from "./parse-latency.ts";
import type { TurnLatencyRow } from "./turn-latency.ts";
import { GraphEngine } from "../graphs/graph-engine.ts";

const sizes = (process.env.RECBOT_BENCH_SIZES ?? "10000,100000,1000000").split(",").map(Number);
const script = fileURLToPath(new URL("./turn-latency.ts", import.meta.url));
const rows: TurnLatencyRow[] = [];

console.log("Planner turn latency: Filter → Matcher → Attenuator → Aggregator, demo catalog, one core");
console.log("(each size in its own process; models trained from scratch; 300 turns with mixed preferences;");
console.log(" scan = one bare full scan of the 64-d semantic matrix as the tools scan it (int8), f32 scan for reference)\n");
for (const items of sizes) {
  process.stderr.write(`… ${items.toLocaleString("en")} items\n`);
  const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", script, "--items", String(items)], {
    encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20,
  });
  rows.push(JSON.parse(out.trim().split("\n").pop()!));
}

const f = (x: number, d = 1) => x.toFixed(d);
const table = rows.map((r) => ({
  items: r.items.toLocaleString("en"),
  users: r.users.toLocaleString("en"),
  "generate s": f(r.generateMs / 1000, 2),
  "models s": f(r.modelBuildMs / 1000, 1),
  "p50 ms": f(r.p50Ms, 2),
  "p99 ms": f(r.p99Ms, 2),
  "scan ms": f(r.scanMs, 2),
  "f32 scan ms": f(r.scanF32Ms, 2),
  "p50/scan": f(r.ratioP50, 2),
  "p99/scan": f(r.ratioP99, 2),
  "candidates": Math.round(r.meanCandidates).toLocaleString("en"),
  "peak RSS MB": Math.round(r.peakRssMb),
}));
console.table(table);

console.log("\nThrough the compiled graphs (same turns), per engine: Planner graph, and full turns (a command parsed, then planned)");
console.table(rows.flatMap((r) => GraphEngine.options.map((engine) => ({
  items: r.items.toLocaleString("en"),
  engine,
  "planner graph p50 ms": f(r.engines[engine].graphP50Ms, 2),
  "planner graph p99 ms": f(r.engines[engine].graphP99Ms, 2),
  "graph ÷ direct (p50)": f(r.engines[engine].graphRatio, 2),
  "overhead ms": f(r.engines[engine].graphOverheadMs, 2),
  "full turn p50 ms": f(r.engines[engine].fullP50Ms, 2),
  "full turn p99 ms": f(r.engines[engine].fullP99Ms, 2),
}))));
for (const r of rows) {
  for (const engine of GraphEngine.options) {
    const { graphRatio, graphOverheadMs } = r.engines[engine];
    const met = graphRatio <= 1.3 || graphOverheadMs <= 1;
    console.log(`${r.items.toLocaleString("en")} items, ${engine} engine: graph overhead ${f(graphRatio, 2)}× / ${f(graphOverheadMs, 2)} ms per turn (target ≤ 1.3× or ≤ 1 ms) ${met ? "met" : "MISSED"}`);
  }
}
const target = (items: number) => (items >= 1_000_000 ? 60 : items >= 100_000 ? 10 : undefined);
for (const r of rows) {
  const limit = target(r.items);
  if (limit) console.log(`${r.items.toLocaleString("en")} items: p99 ${f(r.p99Ms, 2)} ms (target ≤ ${limit}) ${r.p99Ms <= limit ? "met" : "MISSED"}; p50/scan ${f(r.ratioP50, 2)} (target ≤ 3) ${r.ratioP50 <= 3 ? "met" : "MISSED"}`);
}

const ml = fileURLToPath(new URL("../../shared/data/ml-latest-small/", import.meta.url));
const mlDir = process.env.RECBOT_ML_DIR ?? ml;
if (existsSync(mlDir)) {
  console.log(`\nTurn-0 quality on ml-latest-small (last positive of each user held out), ${mlDir}`);
  console.log(formatQualityTable(await runQualityCheck(mlDir)));
  const devSet = fileURLToPath(new URL("../../shared/eval/parser-dev.jsonl", import.meta.url));
  if (existsSync(devSet)) {
    const parse = await measureParseLatency(`movielens:${mlDir}`, devSet);
    console.log(`\nOffline parse latency on the dev set (${parse.cases} cases × 5 warm passes): p50 ${parse.p50Ms.toFixed(3)} ms, p99 ${parse.p99Ms.toFixed(3)} ms (target p99 ≤ 2 ms)`);
  }
} else {
  console.log(`\nquality check skipped: no MovieLens folder at ${mlDir} (set RECBOT_ML_DIR)`);
}
