import { Router } from "express";
import { z } from "zod";
import { itemRecord } from "../../catalog/catalog.ts";
import { Preferences, emptyPreferences } from "../../schemas/preferences.ts";
import { recommendTurn } from "../../tools/run-chain.ts";
import type { CatalogHolder } from "../catalog-holder.ts";

export const RecommendationRequest = z.object({
  user: z.string().min(1).max(200).optional().describe("User id; omitted or unknown → popularity-based feed"),
  preferences: Preferences.optional().describe("Preference memory to honour (oracle mode); empty when omitted"),
  exclude: z.array(z.string()).max(10_000).default([]).describe("Item ids never to return"),
  k: z.number().int().min(1).max(200).default(10).describe("Feed length"),
});

/** POST /api/recommendations: one Planner turn (Filter → Matcher → Attenuator → Aggregator) on given preferences. */
export function recommendationsRouter(holder: CatalogHolder): Router {
  const router = Router();
  router.post("/", (req, res) => {
    const request = RecommendationRequest.parse(req.body ?? {});
    const { catalog, context } = holder.require();
    const t0 = performance.now();
    const turn = recommendTurn(context, {
      preferences: request.preferences ?? emptyPreferences(), user: request.user, exclude: request.exclude, k: request.k,
    });
    const ms = performance.now() - t0;
    res.json({
      items: turn.items.map((id, rank) => ({ ...itemRecord(catalog, catalog.indexOf.get(id)!), score: turn.scores[rank] })),
      steps: turn.steps,
      ms,
    });
  });
  return router;
}
