import type { RequestHandler } from "express";

/**
 * CORS for the listed origins (`*` for any); with none listed, browsers may only call the API from the
 * studio's own origin. Preflights are answered here.
 */
export function cors(origins: string[]): RequestHandler {
  const any = origins.includes("*");
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && (any || allowed.has(origin))) {
      res.setHeader("Access-Control-Allow-Origin", any ? "*" : origin);
      res.setHeader("Vary", "Origin");
      res.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
      res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
      res.setHeader("Access-Control-Max-Age", "600");
    }
    if (req.method === "OPTIONS") {
      res.status(204).end();
      return;
    }
    next();
  };
}

/** `RECBOT_CORS_ORIGINS`: comma-separated origins, or `*`. */
export const corsOrigins = (value: string | undefined) => (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
