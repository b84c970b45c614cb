import type { AttributeIndex } from "../catalog/attribute-index.ts";
import type { ParseSource } from "../parser/parser-state.ts";
import type { Preferences } from "../schemas/preferences.ts";
import type { Scenario } from "../schemas/simulated-session.ts";
import type { HeldOutCase } from "../simulation/holdout.ts";
import { SCENARIOS } from "../simulation/scenarios.ts";
import { SimulatedUser } from "../simulation/simulated-user.ts";
import type { EvalSystem, FunnelStep } from "./eval-systems.ts";

/** One feed a system showed: turn 0 answers the history alone, turn t ≥ 1 the t-th command. */
export interface EvalTurn {
  /** item indices, best first */
  items: number[];
  /** the item the user was after when this feed was shown */
  target: number;
  command?: string;
  gold: Preferences;
  parsed?: Preferences;
  source?: ParseSource;
  funnel?: FunnelStep[];
  latencyMs: number;
}

/** A session as one system lived it; every system gets the same case and user seed, so sessions pair up. */
export interface EvalSession {
  id: string;
  user: string;
  seed: number;
  /** item indices; the last is the one the session is judged on */
  targets: number[];
  turns: EvalTurn[];
}

export interface InteractiveRequest {
  id: string;
  scenario: Scenario;
  index: AttributeIndex;
  heldOut: HeldOutCase;
  seed: number;
  system: EvalSystem;
  k: number;
  /** the clock latencies are read from (ms); default `performance.now`, a fake one makes latencies reproducible */
  now?: () => number;
}

/**
 * Drives a simulated user against a system's OWN feeds (unlike `simulateSession`, which ranks the gold memory):
 * the system answers turn 0, the user reacts to each feed with a command, until it finds its target or stops.
 * Null when the case does not fit the scenario.
 */
export async function runInteractiveSession(request: InteractiveRequest): Promise<EvalSession | null> {
  const { scenario, heldOut, index, system, k } = request;
  const now = request.now ?? (() => performance.now());
  const { targets: count, policy } = SCENARIOS[scenario];
  if (heldOut.targets.length < count) return null;
  const targets = heldOut.targets.slice(heldOut.targets.length - count);
  const user = new SimulatedUser({ index, targets, policy, seed: request.seed, k });
  const answer = system.session();
  const commands: string[] = [];
  const turns: EvalTurn[] = [];
  let gold: Preferences = { positive: { hard: [], soft: [] }, negative: { hard: [], soft: [] } };
  let target = targets[0];
  let feed: number[] = [];
  for (let step: ReturnType<SimulatedUser["next"]> | undefined; ; ) {
    const started = now();
    const { items, parsed, source, funnel } = await answer({ heldOut, commands, gold, feed, k });
    const latencyMs = now() - started;
    turns.push({ items, target, command: commands.at(-1), gold, parsed, source, funnel, latencyMs });
    feed = items;
    step = user.next(feed);
    if (!step) break;
    commands.push(step.command);
    gold = step.gold;
    target = targets[step.target];
  }
  return { id: request.id, user: heldOut.user, seed: request.seed, targets, turns };
}
