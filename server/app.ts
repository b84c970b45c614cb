import express, { type ErrorRequestHandler } from "express";
import { ZodError, z } from "zod";
import type { ApiRouter } from "./api-router.ts";
import { AppError } from "./app-error.ts";
import { bearerToken } from "./auth.ts";
import { cors } from "./cors.ts";
import { openApiDocument } from "./openapi.ts";
import { catalogRouter, catalogsRouter } from "./routes/catalog.ts";
import { experimentsRouter } from "./routes/experiments.ts";
import { graphsRouter } from "./routes/graphs.ts";
import { healthRouter } from "./routes/health.ts";
import { recommendationsRouter } from "./routes/recommendations.ts";
import { runsRouter } from "./routes/runs.ts";
import { sessionsRouter } from "./routes/sessions.ts";
import { usersRouter } from "./routes/users.ts";
import type { ServerDeps } from "./server-deps.ts";
import { StoreError } from "./storage/store-error.ts";

export interface AppOptions {
  corsOrigins?: string[];
  /** request bodies over this are refused with 413 */
  bodyLimit?: string;
  /** served at `/` when given (the built studio) */
  staticDir?: string;
}

/** The API's routers, in mount order; the OpenAPI document is written from their declarations. */
export function apiRouters(deps: ServerDeps): ApiRouter[] {
  return [healthRouter(deps), catalogsRouter(deps), catalogRouter(deps), usersRouter(deps), sessionsRouter(deps), graphsRouter(deps), runsRouter(deps), recommendationsRouter(deps), experimentsRouter(deps)];
}

/** Builds the HTTP app; it never listens (start-server.ts does), so tests can mount it on port 0. */
export function createApp(deps: ServerDeps, options: AppOptions = {}): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(cors(options.corsOrigins ?? []));
  app.use(express.json({ limit: options.bodyLimit ?? "1mb" }));
  app.use(async (req, res, next) => {
    res.locals.principal = await deps.auth.principalOf(bearerToken(req.headers.authorization));
    next();
  });
  const routers = apiRouters(deps);
  for (const router of routers) app.use(router.prefix, router.router);
  const document = openApiDocument(routers.flatMap((r) => r.routes), "0.1.0");
  app.get("/api/openapi.json", (_req, res) => {
    res.json(document);
  });
  if (options.staticDir) app.use(express.static(options.staticDir, { index: "index.html" }));
  app.use((req, _res, next) => next(new AppError(404, "NOT_FOUND", `no route for ${req.method} ${req.path}; GET /api/openapi.json lists them`)));
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
  if (error instanceof StoreError) {
    const status = error.code === "NOT_FOUND" ? 404 : error.code === "CONFLICT" ? 409 : 400;
    return body(status, error.code === "INVALID" ? "VALIDATION_FAILED" : error.code, error.message);
  }
  if (error?.type === "entity.parse.failed") return body(400, "BAD_JSON", `request body is not valid JSON: ${error.message}`);
  if (error?.type === "entity.too.large") return body(413, "PAYLOAD_TOO_LARGE", `request body over the ${error.limit}-byte limit`);
  console.error(error);
  return body(500, "INTERNAL", "internal error; the server log has the details");
};
