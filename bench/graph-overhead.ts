import { prepareCatalog } from "../runtime/prepared-catalog.ts";
import { compilePlanner } from "../graphs/compile-graph.ts";
import { defaultPlannerSpec } from "../graphs/default-specs.ts";
import { turnState } from "../tools/run-chain.ts";
import { collectRun, runGraph } from "../graphs/run-graph.ts";
import { createRandom } from "../models/seeded-random.ts";
import { recommendTurn } from "../tools/run-chain.ts";
import { samplePreferences } from "./preference-sampler.ts";
import { median } from "./stats.ts";

export interface GraphOverheadRow {
  catalog: string;
  items: number;
  turns: number;
  /** median ms per turn calling the four tools directly (recommendTurn) */
  directMs: number;
  /** median ms per turn through the compiled default Planner graph, events consumed */
  graphMs: number;
  ratio: number;
  overheadMs: number;
  /** the targets: ratio ≤ 1.3 or overhead ≤ 1 ms */
  withinTarget: boolean;
}

/**
 * Times the same sampled turns both ways in one process, alternating direct and graph runs so
 * drift hits both equally; the first `warmup` turns are not counted.
 */
export async function measureGraphOverhead(options: { catalog?: string; turns?: number; warmup?: number; dataDir?: string } = {}): Promise<GraphOverheadRow> {
  const ref = options.catalog ?? "demo";
  const turns = options.turns ?? 300;
  const warmup = options.warmup ?? 50;
  const { catalog, context } = await prepareCatalog(ref, { dataDir: options.dataDir });
  const planner = compilePlanner(defaultPlannerSpec(), context);
  const random = createRandom(11);
  const users = catalog.interactions.users;
  const direct: number[] = [];
  const graph: number[] = [];
  for (let i = 0; i < warmup + turns; i++) {
    const request = { preferences: samplePreferences(catalog, random), user: users[Math.floor(random() * users.length)], k: 10 };
    let t = performance.now();
    recommendTurn(context, request);
    const directMs = performance.now() - t;
    t = performance.now();
    await collectRun(runGraph(planner, turnState(context, request)));
    const graphMs = performance.now() - t;
    if (i >= warmup) (direct.push(directMs), graph.push(graphMs));
  }
  const directMs = median(direct);
  const graphMs = median(graph);
  const ratio = graphMs / directMs;
  const overheadMs = graphMs - directMs;
  return { catalog: ref, items: catalog.size, turns, directMs, graphMs, ratio, overheadMs, withinTarget: ratio <= 1.3 || overheadMs <= 1 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const row = await measureGraphOverhead({ catalog: process.argv[2] });
  const f = (x: number) => x.toFixed(3);
  console.log(`${row.catalog} (${row.items} items), ${row.turns} turns: direct ${f(row.directMs)} ms, graph ${f(row.graphMs)} ms per turn (median)`);
  console.log(`ratio ${row.ratio.toFixed(2)}×, overhead ${f(row.overheadMs)} ms per turn — target ≤ 1.3× or ≤ 1 ms: ${row.withinTarget ? "met" : "NOT met"}`);
}
