import { Router } from "express";
import type { CatalogHolder } from "../catalog-holder.ts";

/** GET /api/health: always 200 while the process runs; `status` says whether the catalog is ready. */
export function healthRouter(holder: CatalogHolder, startedAt: number): Router {
  const router = Router();
  router.get("/", (_req, res) => {
    const catalog = holder.prepared?.catalog;
    res.json({
      status: holder.status === "ready" ? "ok" : holder.status,
      catalog: catalog ? { ref: catalog.ref, name: catalog.name, items: catalog.size } : { ref: holder.ref },
      error: holder.error ?? undefined,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    });
  });
  return router;
}
