import { z } from "zod";
import { ApiRouter } from "../api-router.ts";
import type { ServerDeps } from "../server-deps.ts";

const Health = z.object({
  status: z.enum(["ok", "loading", "failed"]).describe("`ok` once the catalog is ready"),
  catalog: z.object({ ref: z.string(), name: z.string().optional(), items: z.int().optional() }),
  error: z.string().optional(),
  runningCommands: z.int(),
  uptimeSeconds: z.int(),
});

/** GET /api/health: always 200 while the process runs; `status` says whether the catalog is ready. */
export function healthRouter(deps: ServerDeps): ApiRouter {
  return new ApiRouter("/api/health", "health", deps.checkResponses)
    .add({ method: "get", path: "/", summary: "Liveness and readiness", access: "public", response: Health }, () => {
      const holder = deps.catalogs.get();
      const catalog = holder.prepared?.catalog;
      return {
        status: holder.status === "ready" ? "ok" as const : holder.status,
        catalog: catalog ? { ref: catalog.ref, name: catalog.name, items: catalog.size } : { ref: holder.ref },
        error: holder.error ?? undefined,
        runningCommands: deps.runner.running,
        uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
      };
    });
}
