import type { Response } from "express";
import { AppError } from "./app-error.ts";
import type { Principal } from "./auth.ts";
import type { RateLimiter } from "./rate-limiter.ts";

/**
 * Takes one token of the caller's command bucket (commands and replays run graphs), or refuses with 429 (and, over
 * HTTP, Retry-After). Users have a bucket each; analysts share one.
 */
export function takeCommandToken(limiter: RateLimiter, principal: Principal, res?: Response): void {
  const limit = limiter.take(principal.role === "user" ? `user:${principal.userId}` : "analyst");
  if (limit.ok) return;
  res?.setHeader("Retry-After", Math.ceil(limit.retryAfterMs / 1000));
  throw new AppError(429, "RATE_LIMITED", `too many commands; retry in ${limit.retryAfterMs} ms`);
}
