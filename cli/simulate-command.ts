import type { Scenario } from "../schemas/simulated-session.ts";
import { prepareHeldOut } from "../simulation/held-out-context.ts";
import { generateSessions } from "../simulation/generate-sessions.ts";
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
  const context = await prepareHeldOut(ref, options);
  const writer = new JsonlWriter(options.out);
  let written = 0;
  let found = 0;
  for (const session of options.sessions > 0 ? generateSessions(context, { ref, scenario: options.scenario, seed: options.seed, k: options.k }) : []) {
    const last = recommendTurn(context.ctx, { preferences: session.turns.at(-1)!.gold, user: session.user, k: options.k }).items;
    if (last.includes(session.targets.at(-1)!)) found++;
    await writer.write(session);
    if (++written % 50 === 0) log(`${written} / ${options.sessions} sessions`);
    if (written >= options.sessions) break;
  }
  await writer.close();
  return { sessions: written, found };
}
