import { z } from "zod";
import { ReplayRequest, ReplayResult, RunsQuery } from "../../schemas/api.ts";
import { ApiRouter } from "../api-router.ts";
import { AppError } from "../app-error.ts";
import { mayActFor } from "../auth.ts";
import { takeCommandToken } from "../command-limit.ts";
import type { ServerDeps } from "../server-deps.ts";
import { RunRecord, RunWithSteps } from "../storage/records.ts";

/** Run traces: users see their own runs, analysts everyone's; a run's turn can be replayed on other graph versions. */
export function runsRouter(deps: ServerDeps): ApiRouter {
  return new ApiRouter("/api/runs", "runs", deps.checkResponses)
    .add({ method: "get", path: "/", summary: "Runs matching every given filter, newest first (users: their own only)", access: "user", query: RunsQuery, response: z.array(RunRecord) }, ({ query, principal }) => {
      if (principal.role === "user") {
        if (query.userId && query.userId !== principal.userId) throw new AppError(403, "FORBIDDEN", "users may only list their own runs; omit `userId`");
        return deps.store.listRuns({ ...query, userId: principal.userId });
      }
      return deps.store.listRuns(query);
    })
    .add({ method: "get", path: "/:id", summary: "One run with every step it recorded", access: "user", response: RunWithSteps }, async ({ params, principal }) => {
      const run = await deps.store.getRun(params.id);
      if (!run) throw new AppError(404, "NOT_FOUND", `no run \`${params.id}\``);
      if (!mayActFor(principal, run.userId ?? "")) throw new AppError(403, "FORBIDDEN", `run \`${params.id}\` belongs to another user's session`);
      return run;
    })
    .add({ method: "post", path: "/:id/replay", summary: "Replay the turn this run belongs to on other graph versions and compare the feeds; a what-if that stores nothing", access: "user", body: ReplayRequest, response: ReplayResult }, ({ params, principal, body, res }) => {
      takeCommandToken(deps.limits.commands, principal, res);
      return deps.runner.replay(principal, params.id, body);
    });
}
