import { createRandom, shuffledIndices } from "../models/seeded-random.ts";
import type { Scenario } from "../schemas/simulated-session.ts";
import { prepareHeldOut } from "../simulation/held-out-context.ts";
import { simulateSession } from "../simulation/scenarios.ts";
import { recommendTurn } from "../tools/run-chain.ts";
import { JsonlWriter } from "./jsonl.ts";

export interface SimulateOptions {
  scenario: Scenario;
  sessions: number;
  seed: number;
  out?: string;
  k: number;
  dataDir?: string;
  skipBadLines?: boolean;
  progress?: boolean;
  log?: (message: string) => void;
}

/**
 * `recbot simulate`: held-out users (in a seeded order) each drive one simulated session against the default
 * recommender, which ranks the gold memory on a catalog trained without the targets; one JSON line per session.
 */
export async function runSimulate(ref: string, options: SimulateOptions): Promise<{ sessions: number; found: number }> {
  const log = options.log ?? (() => {});
  const { training, cases, ctx } = await prepareHeldOut(ref, options);
  const order = shuffledIndices(cases.length, createRandom(options.seed));
  const writer = new JsonlWriter(options.out);
  let written = 0;
  let found = 0;
  for (const n of order) {
    if (written >= options.sessions) break;
    const heldOut = cases[n];
    const session = simulateSession({
      id: `${options.scenario.toLowerCase()}-${options.seed}-${heldOut.user}`, scenario: options.scenario, catalogRef: ref,
      index: ctx.index, heldOut, seed: options.seed * 100_003 + n, k: options.k,
      recommend: (preferences, h) => recommendTurn(ctx, { preferences, user: h.user, k: options.k }).items.map((id) => training.indexOf.get(id)!),
    });
    if (!session) continue;
    const last = recommendTurn(ctx, { preferences: session.turns.at(-1)!.gold, user: session.user, k: options.k }).items;
    if (last.includes(session.targets.at(-1)!)) found++;
    await writer.write(session);
    if (++written % 50 === 0) log(`${written} / ${options.sessions} sessions`);
  }
  await writer.close();
  return { sessions: written, found };
}
