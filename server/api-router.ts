import { Router, type Request, type Response } from "express";
import type { z } from "zod";
import { AppError } from "./app-error.ts";
import type { Principal } from "./auth.ts";

/**
 * Who may call a route: `public` reads need no token; `open` is a write anyone may make (it issues
 * credentials, and is rate-limited); `user` needs a user or analyst token; `analyst` the analyst token.
 */
export type Access = "public" | "open" | "user" | "analyst";
export type Method = "get" | "post" | "put" | "delete";

/** What a route declares about itself: used to validate requests and to write the OpenAPI document. */
export interface RouteDoc {
  method: Method;
  /** Express path, with `:param` segments, under the router's prefix */
  path: string;
  summary: string;
  access: Access;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  status?: number;
}

export interface RouteCall<B, Q> {
  body: B;
  query: Q;
  params: Record<string, string>;
  principal: Principal;
  req: Request;
  res: Response;
}

type Handler<B, Q> = (call: RouteCall<B, Q>) => unknown;

export const principalOf = (res: Response): Principal => (res.locals.principal as Principal | undefined) ?? { role: "anonymous" };

/** Refuses a caller the route's access level excludes, with a message saying what credential is needed. */
export function checkAccess(access: Access, principal: Principal): void {
  if (access === "public" || access === "open") return;
  if (principal.role === "anonymous") {
    throw new AppError(401, "UNAUTHORIZED", access === "analyst"
      ? "this needs the analyst token: send `Authorization: Bearer <token>` (printed at the server's first start, or RECBOT_ANALYST_TOKEN)"
      : "this needs a user token: create a user with POST /api/users and send `Authorization: Bearer <token>`");
  }
  if (access === "analyst" && principal.role !== "analyst") throw new AppError(403, "FORBIDDEN", "only analysts may do this; a user token is not enough");
}

/**
 * An Express router whose routes declare their schemas and access: bodies and queries are zod-parsed
 * before the handler runs, and every declaration is kept for the OpenAPI document.
 */
export class ApiRouter {
  readonly router = Router();
  readonly routes: RouteDoc[] = [];

  constructor(readonly prefix: string, readonly tag: string, private readonly checkResponses = false) {}

  add<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
    doc: Omit<RouteDoc, "tag" | "body" | "query"> & { body?: B; query?: Q },
    handler: Handler<B extends z.ZodType ? z.infer<B> : undefined, Q extends z.ZodType ? z.infer<Q> : undefined>,
  ): this {
    this.routes.push({ ...doc, tag: this.tag, path: `${this.prefix}${doc.path === "/" ? "" : doc.path}` });
    this.router[doc.method](doc.path, async (req, res) => {
      const principal = principalOf(res);
      checkAccess(doc.access, principal);
      const body = doc.body ? doc.body.parse(req.body ?? {}) : undefined;
      const query = doc.query ? doc.query.parse(req.query) : undefined;
      const value = await handler({ body, query, params: req.params as Record<string, string>, principal, req, res } as never);
      if (res.headersSent) return;
      if (this.checkResponses && doc.response) {
        const checked = doc.response.safeParse(value);
        if (!checked.success) throw new Error(`response of ${doc.method.toUpperCase()} ${this.prefix}${doc.path} breaks its schema: ${checked.error.message}`);
      }
      res.status(doc.status ?? 200).json(value);
    });
    return this;
  }
}
