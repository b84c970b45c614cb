import { z } from "zod";
import { historyOf, itemRecord } from "../../catalog/catalog.ts";
import { catalogStats } from "../../catalog/catalog-stats.ts";
import { FeedItem, SearchQuery } from "../../schemas/api.ts";
import { ApiRouter } from "../api-router.ts";
import { AppError } from "../app-error.ts";
import { searchItems } from "../catalog-search.ts";
import type { ServerDeps } from "../server-deps.ts";

const Which = z.object({ catalog: z.string().max(200).optional().describe("Catalog id (GET /api/catalogs); default: the server's first") });
const StatsQuery = Which.extend({ top: z.coerce.number().int().min(1).max(1000).default(20).describe("Most frequent values listed per attribute") });
const UsersQuery = Which.extend({ limit: z.coerce.number().int().min(1).max(500).default(50) });
const Item = FeedItem.omit({ position: true, score: true });
const CatalogUser = z.object({ id: z.string(), historyLength: z.int(), recent: z.array(z.string()).describe("Titles of the last items they liked") });
const CatalogInfo = z.object({
  id: z.string(), ref: z.string(), default: z.boolean(), status: z.enum(["loading", "ready", "failed"]),
  name: z.string().optional(), items: z.int().optional(), users: z.int().optional(), error: z.string().optional(),
});

/** The catalogs this server answers from (GET /api/catalogs), and per catalog (`?catalog=`): stats, items, search, users. */
export function catalogRouter(deps: ServerDeps): ApiRouter {
  const { catalogs } = deps;
  return new ApiRouter("/api/catalog", "catalog", deps.checkResponses)
    .add({ method: "get", path: "/", summary: "Size, users and every attribute's vocabulary (top values) and range", access: "public", query: StatsQuery }, ({ query }) =>
      catalogStats(catalogs.require(query.catalog).catalog, query.top))
    .add({ method: "get", path: "/search", summary: "Items by title words, then by meaning", access: "public", query: SearchQuery.extend(Which.shape), response: z.array(FeedItem) }, ({ query }) =>
      searchItems(catalogs.require(query.catalog).context, query.q, query.limit))
    .add({ method: "get", path: "/users", summary: "Catalog users with the longest histories (to personalise a session)", access: "public", query: UsersQuery, response: z.array(CatalogUser) }, ({ query }) => {
      const { catalog } = catalogs.require(query.catalog);
      const users = catalog.interactions.users.map((id: string, index: number) => ({ id, index, length: historyOf(catalog, index).length }));
      users.sort((a, b) => b.length - a.length || a.id.localeCompare(b.id));
      return users.slice(0, query.limit).map(({ id, index, length }) => ({
        id, historyLength: length, recent: Array.from(historyOf(catalog, index).slice(-3), (item) => catalog.titles[item]),
      }));
    })
    .add({ method: "get", path: "/items/:id", summary: "One item with its attributes", access: "public", query: Which, response: Item }, ({ params, query }) => {
      const { catalog } = catalogs.require(query.catalog);
      const index = catalog.indexOf.get(params.id);
      if (index === undefined) throw new AppError(404, "ITEM_NOT_FOUND", `no item with id "${params.id}" in ${catalog.ref}`);
      return itemRecord(catalog, index);
    });
}

/** GET /api/catalogs: every catalog of this server, loaded or loading. */
export function catalogsRouter(deps: ServerDeps): ApiRouter {
  return new ApiRouter("/api/catalogs", "catalog", deps.checkResponses)
    .add({ method: "get", path: "/", summary: "The catalogs this server answers from; the first is the default", access: "public", response: z.array(CatalogInfo) }, () =>
      [...deps.catalogs.holders].map(([id, holder]) => {
        const catalog = holder.prepared?.catalog;
        return {
          id, ref: holder.ref, default: id === deps.catalogs.defaultId, status: holder.status,
          ...(catalog ? { name: catalog.name, items: catalog.size, users: catalog.interactions.users.length } : {}),
          ...(holder.error ? { error: holder.error } : {}),
        };
      }));
}
