import type { AttributeIndex } from "../catalog/attribute-index.ts";
import type { Preferences } from "../schemas/preferences.ts";
import type { Scenario, SimulatedSession, SimulatedTurn } from "../schemas/simulated-session.ts";
import type { HeldOutCase } from "./holdout.ts";
import { SimulatedUser, type UserPolicy } from "./simulated-user.ts";

/** The paper's scenarios: one compound command (SR), several turns on one target (MR), interest drift (MRID). */
export const SCENARIOS: Record<Scenario, { targets: number; policy: UserPolicy }> = {
  SR: { targets: 1, policy: { maxTurns: 1, firstIntents: [3, 4], laterIntents: [0, 0], critiqueRate: 0 } },
  MR: { targets: 1, policy: { maxTurns: 6, firstIntents: [1, 2], laterIntents: [1, 2], critiqueRate: 0.5 } },
  MRID: { targets: 2, policy: { maxTurns: 8, firstIntents: [1, 2], laterIntents: [1, 2], driftAfter: 2, critiqueRate: 0.5 } },
};

/** Ranks the catalog for a memory and returns the feed (item indices, best first); the history comes from the case. */
export type Recommend = (memory: Preferences, heldOut: HeldOutCase) => ArrayLike<number>;

export interface SessionRequest {
  id: string;
  scenario: Scenario;
  /** catalog reference recorded with the session */
  catalogRef: string;
  index: AttributeIndex;
  heldOut: HeldOutCase;
  seed: number;
  recommend: Recommend;
  k?: number;
}

/**
 * Drives one simulated user against a recommender: turn 0 is the feed from history alone, then each command's gold
 * memory is ranked and the user answers the new feed. Null when the case does not fit the scenario (too few targets)
 * or the user has nothing to say (its target already in the first feed).
 */
export function simulateSession(request: SessionRequest): SimulatedSession | null {
  const { scenario, heldOut, index, recommend } = request;
  const { targets, policy } = SCENARIOS[scenario];
  if (heldOut.targets.length < targets) return null;
  const targetItems = heldOut.targets.slice(heldOut.targets.length - targets);
  const user = new SimulatedUser({ index, targets: targetItems, policy, seed: request.seed, k: request.k });
  const { ids } = index.catalog;
  const turns: SimulatedTurn[] = [];
  let feed = recommend({ positive: { hard: [], soft: [] }, negative: { hard: [], soft: [] } }, heldOut);
  for (let turn = user.next(feed); turn; turn = user.next(feed)) {
    turns.push({ ...turn, feed: Array.from(feed, (i) => ids[i]) });
    feed = recommend(turn.gold, heldOut);
  }
  if (turns.length === 0) return null;
  return {
    id: request.id, scenario, catalog: request.catalogRef, user: heldOut.user,
    targets: targetItems.map((i) => ids[i]), turns, seed: request.seed,
  };
}
