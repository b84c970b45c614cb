import { createRandom, shuffledIndices } from "../models/seeded-random.ts";
import type { Scenario, SimulatedSession } from "../schemas/simulated-session.ts";
import { recommendTurn } from "../tools/run-chain.ts";
import type { HeldOutContext } from "./held-out-context.ts";
import { simulateSession } from "./scenarios.ts";

export interface GenerateSessions {
  /** catalog reference recorded in each session */
  ref: string;
  scenario: Scenario;
  seed: number;
  /** feed length the simulated user looks at */
  k: number;
}

/**
 * Simulated sessions of held-out users, one user each, in a seeded order, driven by the default recommender ranking
 * the gold memory. Lazy: callers take as many as they need, and sessions taken later never share a user with
 * sessions taken earlier.
 */
export function* generateSessions(context: HeldOutContext, request: GenerateSessions): Generator<SimulatedSession> {
  const { training, cases, ctx } = context;
  const order = shuffledIndices(cases.length, createRandom(request.seed));
  for (const n of order) {
    const heldOut = cases[n];
    const session = simulateSession({
      id: `${request.scenario.toLowerCase()}-${request.seed}-${heldOut.user}`, scenario: request.scenario, catalogRef: request.ref,
      index: ctx.index, heldOut, seed: request.seed * 100_003 + n, k: request.k,
      recommend: (preferences, h) => recommendTurn(ctx, { preferences, user: h.user, k: request.k }).items.map((id) => training.indexOf.get(id)!),
    });
    if (session) yield session;
  }
}
