import express, { type ErrorRequestHandler } from "express";
import { ZodError, z } from "zod";
import { AppError } from "./app-error.ts";
import type { CatalogHolder } from "./catalog-holder.ts";
import { catalogRouter } from "./routes/catalog.ts";
import { healthRouter } from "./routes/health.ts";
import { recommendationsRouter } from "./routes/recommendations.ts";

export interface AppDeps {
  catalog: CatalogHolder;
  startedAt?: number;
}

/** Builds the HTTP app; it never listens (server/index.ts does), so tests can mount it on port 0. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(express.json({ limit: "256kb" }));
  app.use("/api/health", healthRouter(deps.catalog, deps.startedAt ?? Date.now()));
  app.use("/api/catalog", catalogRouter(deps.catalog));
  app.use("/api/recommendations", recommendationsRouter(deps.catalog));
  app.use((req, _res, next) => next(new AppError(404, "NOT_FOUND", `no route for ${req.method} ${req.path}`)));
  app.use(errorHandler);
  return app;
}

const errorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  const body = (status: number, code: string, message: string, details?: unknown) =>
    res.status(status).json({ error: { code, message, details } });
  if (error instanceof AppError) return body(error.status, error.code, error.message, error.details);
  if (error instanceof ZodError) {
    const details = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return body(400, "VALIDATION_FAILED", z.prettifyError(error).replace(/\n/g, "; "), details);
  }
  if (error?.type === "entity.parse.failed") return body(400, "BAD_JSON", `request body is not valid JSON: ${error.message}`);
  if (error?.type === "entity.too.large") return body(413, "PAYLOAD_TOO_LARGE", `request body over the ${error.limit}-byte limit`);
  console.error(error);
  return body(500, "INTERNAL", "internal error; the server log has the details");
};
