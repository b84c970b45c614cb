import { z } from "zod";
import { historyOf, itemRecord } from "../../catalog/catalog.ts";
import { catalogStats } from "../../catalog/catalog-stats.ts";
import { FeedItem, SearchQuery } from "../../schemas/api.ts";
import { ApiRouter } from "../api-router.ts";
import { AppError } from "../app-error.ts";
import { searchItems } from "../catalog-search.ts";
import type { ServerDeps } from "../server-deps.ts";

const StatsQuery = z.object({ top: z.coerce.number().int().min(1).max(1000).default(20).describe("Most frequent values listed per attribute") });
const UsersQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });
const Item = FeedItem.omit({ position: true, score: true });
const CatalogUser = z.object({ id: z.string(), historyLength: z.int(), recent: z.array(z.string()).describe("Titles of the last items they liked") });

/** The loaded catalog: stats and vocabularies, items, search, and users with history (for the playground). */
export function catalogRouter(deps: ServerDeps): ApiRouter {
  const holder = deps.catalog;
  return new ApiRouter("/api/catalog", "catalog", deps.checkResponses)
    .add({ method: "get", path: "/", summary: "Size, users and every attribute's vocabulary (top values) and range", access: "public", query: StatsQuery }, ({ query }) =>
      catalogStats(holder.require().catalog, query.top))
    .add({ method: "get", path: "/search", summary: "Items by title words, then by meaning", access: "public", query: SearchQuery, response: z.array(FeedItem) }, ({ query }) =>
      searchItems(holder.require().context, query.q, query.limit))
    .add({ method: "get", path: "/users", summary: "Catalog users with the longest histories (to personalise a session)", access: "public", query: UsersQuery, response: z.array(CatalogUser) }, ({ query }) => {
      const { catalog } = holder.require();
      const users = catalog.interactions.users.map((id, index) => ({ id, index, length: historyOf(catalog, index).length }));
      users.sort((a, b) => b.length - a.length || a.id.localeCompare(b.id));
      return users.slice(0, query.limit).map(({ id, index, length }) => ({
        id, historyLength: length, recent: Array.from(historyOf(catalog, index).slice(-3), (item) => catalog.titles[item]),
      }));
    })
    .add({ method: "get", path: "/items/:id", summary: "One item with its attributes", access: "public", response: Item }, ({ params }) => {
      const { catalog } = holder.require();
      const index = catalog.indexOf.get(params.id);
      if (index === undefined) throw new AppError(404, "ITEM_NOT_FOUND", `no item with id "${params.id}" in ${catalog.ref}`);
      return itemRecord(catalog, index);
    });
}
