import { z } from "zod";
import { itemRecord } from "../../catalog/catalog.ts";
import { Preferences, emptyPreferences } from "../../schemas/preferences.ts";
import { recommendTurn } from "../../tools/run-chain.ts";
import { ApiRouter } from "../api-router.ts";
import type { ServerDeps } from "../server-deps.ts";

export const RecommendationRequest = z.object({
  user: z.string().min(1).max(200).optional().describe("User id; omitted or unknown → popularity-based feed"),
  preferences: Preferences.optional().describe("Preference memory to honour (oracle mode); empty when omitted"),
  exclude: z.array(z.string()).max(10_000).default([]).describe("Item ids never to return"),
  k: z.number().int().min(1).max(200).default(10).describe("Feed length"),
  catalog: z.string().max(200).optional().describe("Catalog id (GET /api/catalogs); default: the server's first"),
});

/** POST /api/recommendations: one stateless Planner turn (the tool chain called directly) on given preferences. */
export function recommendationsRouter(deps: ServerDeps): ApiRouter {
  return new ApiRouter("/api/recommendations", "recommendations", deps.checkResponses)
    .add({ method: "post", path: "/", summary: "A feed for given preferences, without a session (nothing is stored)", access: "public", body: RecommendationRequest }, ({ body }) => {
      const { catalog, context } = deps.catalogs.require(body.catalog);
      const t0 = performance.now();
      const turn = recommendTurn(context, { preferences: body.preferences ?? emptyPreferences(), user: body.user, exclude: body.exclude, k: body.k });
      const ms = performance.now() - t0;
      return {
        items: turn.items.map((id, rank) => ({ ...itemRecord(catalog, catalog.indexOf.get(id)!), score: turn.scores[rank] })),
        steps: turn.steps,
        ms,
      };
    });
}
