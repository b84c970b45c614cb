import { Router } from "express";
import { z } from "zod";
import { catalogStats } from "../../catalog/catalog-stats.ts";
import { itemRecord } from "../../catalog/catalog.ts";
import { AppError } from "../app-error.ts";
import type { CatalogHolder } from "../catalog-holder.ts";

const StatsQuery = z.object({ top: z.coerce.number().int().min(1).max(1000).default(20) });

/** GET /api/catalog (stats and vocabularies) and GET /api/catalog/items/:id. */
export function catalogRouter(holder: CatalogHolder): Router {
  const router = Router();
  router.get("/", (req, res) => {
    const { top } = StatsQuery.parse(req.query);
    res.json(catalogStats(holder.require().catalog, top));
  });
  router.get("/items/:id", (req, res) => {
    const { catalog } = holder.require();
    const index = catalog.indexOf.get(req.params.id);
    if (index === undefined) throw new AppError(404, "ITEM_NOT_FOUND", `no item with id "${req.params.id}" in ${catalog.ref}`);
    res.json(itemRecord(catalog, index));
  });
  return router;
}
