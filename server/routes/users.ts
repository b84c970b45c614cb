import { z } from "zod";
import { CreatedUser, CreateUserRequest } from "../../schemas/api.ts";
import { ApiRouter } from "../api-router.ts";
import { AppError } from "../app-error.ts";
import { hashToken, newToken } from "../auth.ts";
import type { ServerDeps } from "../server-deps.ts";
import { SessionRecord, UserRecord } from "../storage/records.ts";

/** Feed users: sign up (the one open write: it issues the token every other write needs), who am I, my sessions. */
export function usersRouter(deps: ServerDeps): ApiRouter {
  return new ApiRouter("/api/users", "users", deps.checkResponses)
    .add({ method: "post", path: "/", summary: "Create a feed user and issue its API token (shown once)", access: "open", body: CreateUserRequest, response: CreatedUser, status: 201 }, async ({ body, req }) => {
      const limit = deps.limits.signups.take(`ip:${req.ip}`);
      if (!limit.ok) throw new AppError(429, "RATE_LIMITED", `too many new users from this address; retry in ${Math.ceil(limit.retryAfterMs / 1000)} s`);
      const token = newToken("user");
      const user = await deps.store.createUser({ name: body.name ?? null, tokenHash: hashToken(token) });
      return { user, token };
    })
    .add({ method: "get", path: "/me", summary: "The user the token belongs to (or the analyst role)", access: "user", response: z.object({ role: z.enum(["user", "analyst"]), user: UserRecord.nullable() }) }, async ({ principal }) => {
      if (principal.role !== "user") return { role: "analyst" as const, user: null };
      return { role: "user" as const, user: await deps.store.getUser(principal.userId) };
    })
    .add({ method: "get", path: "/me/sessions", summary: "The caller's sessions, oldest first", access: "user", response: z.array(SessionRecord) }, async ({ principal }) => {
      if (principal.role !== "user") return [];
      return deps.store.listSessions(principal.userId);
    });
}
