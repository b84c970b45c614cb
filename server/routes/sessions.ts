import { itemRecord } from "../../catalog/catalog.ts";
import { CommandRequest, CommandResult, CreateSessionRequest, FeedEventsRequest, SessionView, type FeedItem } from "../../schemas/api.ts";
import { z } from "zod";
import { ApiRouter } from "../api-router.ts";
import { AppError } from "../app-error.ts";
import { takeCommandToken } from "../command-limit.ts";
import { sessionFor } from "../command-runner.ts";
import type { ServerDeps } from "../server-deps.ts";
import { FeedEventRecord, SessionRecord, TurnRecord } from "../storage/records.ts";

/** Sessions, their turns (memory per turn), commands, and the feed events that A/B metrics are computed from. */
export function sessionsRouter(deps: ServerDeps): ApiRouter {
  const { store } = deps;
  return new ApiRouter("/api/sessions", "sessions", deps.checkResponses)
    .add({ method: "post", path: "/", summary: "Start a session for the caller (analysts: for any user)", access: "user", body: CreateSessionRequest, response: SessionRecord, status: 201 }, async ({ body, principal }) => {
      let userId: string;
      if (principal.role === "analyst") {
        if (!body.userId) throw new AppError(400, "VALIDATION_FAILED", "analysts must name the session's user: `userId`");
        userId = body.userId;
      } else {
        if (principal.role !== "user") throw new AppError(401, "UNAUTHORIZED", "a user token is needed");
        if (body.userId && body.userId !== principal.userId) throw new AppError(403, "FORBIDDEN", "users may only start their own sessions; omit `userId`");
        userId = principal.userId;
      }
      const { catalog } = deps.catalogs.require(body.catalog);
      if (body.catalogUser !== null && !catalog.interactions.userIndex.has(body.catalogUser)) {
        throw new AppError(400, "VALIDATION_FAILED", `catalog ${catalog.name} has no user \`${body.catalogUser}\`; GET /api/catalog lists a sample, or omit \`catalogUser\``);
      }
      for (const kind of ["parser", "planner"] as const) if (body.graphs[kind]) await deps.graphs.resolve(kind, body.graphs[kind]);
      if (!(await store.getUser(userId))) throw new AppError(404, "NOT_FOUND", `no user \`${userId}\``);
      // sessions that pin no graphs take part in the catalog's running experiment, if any
      const pinned = Boolean(body.graphs.parser || body.graphs.planner);
      const enrolment = pinned ? null : deps.experiments.enrol(userId, body.catalog ?? null);
      return store.createSession({ userId, catalogUser: body.catalogUser, graphs: enrolment?.graphs ?? body.graphs, catalog: body.catalog ?? null, experiment: enrolment?.experiment ?? null });
    })
    .add({ method: "get", path: "/:id", summary: "A session with every turn's memory and the current feed", access: "user", response: SessionView }, async ({ params, principal }) => {
      const session = await sessionFor(store, principal, params.id);
      const turns = await store.listTurns(session.id);
      const { catalog } = deps.catalogs.require(session.catalog);
      const feed: FeedItem[] = (turns.at(-1)?.feed ?? []).flatMap((id, position) => {
        const index = catalog.indexOf.get(id);
        return index === undefined ? [] : [{ ...itemRecord(catalog, index), position, score: 0 }];
      });
      return { ...session, turns, feed };
    })
    .add({ method: "get", path: "/:id/turns", summary: "The session's turns, oldest first: command, memory P_{t+1}, feed ids, runs", access: "user", response: z.array(TurnRecord) }, async ({ params, principal }) => {
      await sessionFor(store, principal, params.id);
      return store.listTurns(params.id);
    })
    .add({ method: "post", path: "/:id/commands", summary: "Run a command: Parser then Planner graphs; returns the new memory and feed", access: "user", body: CommandRequest, response: CommandResult }, async ({ params, principal, body, res }) => {
      takeCommandToken(deps.limits.commands, principal, res);
      return deps.runner.run(principal, params.id, body);
    })
    .add({ method: "post", path: "/:id/events", summary: "Record feed events (impression, click, like, not_interested, add_to_cart), all or none", access: "user", body: FeedEventsRequest, response: z.array(FeedEventRecord), status: 201 }, async ({ params, principal, body }) => {
      const session = await sessionFor(store, principal, params.id);
      const { catalog } = deps.catalogs.require(session.catalog);
      body.events.forEach((e, i) => {
        if (!catalog.indexOf.has(e.itemId)) throw new AppError(400, "VALIDATION_FAILED", `events[${i}].itemId: no item \`${e.itemId}\` in ${catalog.name}; nothing was recorded`);
      });
      const added = await store.addFeedEvents(body.events.map((e) => ({ ...e, sessionId: session.id, userId: session.userId })));
      deps.experiments.touched(session.experiment?.id);
      return added;
    })
    .add({ method: "get", path: "/:id/events", summary: "The session's feed events, oldest first", access: "user", response: z.array(FeedEventRecord) }, async ({ params, principal }) => {
      await sessionFor(store, principal, params.id);
      return store.listFeedEvents(params.id);
    });
}
