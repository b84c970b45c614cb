import { randomUUID } from "node:crypto";
import { itemRecord, type Catalog } from "../catalog/catalog.ts";
import type { GraphKind } from "../graphs/graph-spec.ts";
import { GraphSpecError } from "../graphs/graph-spec-error.ts";
import type { StepEvent } from "../graphs/step-events.ts";
import type { TurnExecutor } from "../runtime/turn-graphs.ts";
import type { FeedItem, ReplayRequest, ReplayResult } from "../schemas/api.ts";
import { emptyPreferences } from "../schemas/preferences.ts";
import { AppError } from "./app-error.ts";
import { mayActFor, type Principal } from "./auth.ts";
import type { CatalogSet } from "./catalog-set.ts";
import type { GraphRegistry } from "./graph-registry.ts";
import type { RunWithSteps } from "./storage/records.ts";
import type { Store } from "./storage/store.ts";

export interface ReplayDeps {
  store: Store;
  catalogs: CatalogSet;
  graphs: GraphRegistry;
  turns: (catalogId: string) => TurnExecutor;
}

type ReplayInput = ReturnType<typeof ReplayRequest.parse>;

/**
 * Runs a recorded turn again — its command on the memory and feed it started from, for the same catalog user and
 * with the items marked not interested by then excluded — on other graph versions, and compares the feeds. A what-if:
 * no run, step or turn is stored and nothing is published.
 */
export async function replayTurn(deps: ReplayDeps, principal: Principal, runId: string, input: ReplayInput): Promise<ReplayResult> {
  const { store, graphs } = deps;
  const run = await store.getRun(runId);
  if (!run) throw new AppError(404, "NOT_FOUND", `no run \`${runId}\``);
  if (!mayActFor(principal, run.userId ?? "")) throw new AppError(403, "FORBIDDEN", `run \`${runId}\` belongs to another user's session`);
  const noTurn = `run \`${runId}\` (${run.status}) is not part of a completed turn, so there is no turn to replay; replay a run listed in a session's turns`;
  if (!run.sessionId) throw new AppError(409, "CONFLICT", noTurn);
  const [session, turns] = await Promise.all([store.getSession(run.sessionId), store.listTurns(run.sessionId)]);
  const index = turns.findIndex((t) => t.runIds.includes(runId));
  if (!session || index < 0) throw new AppError(409, "CONFLICT", noTurn);
  const turn = turns[index];
  const before = index > 0 ? turns[index - 1] : null;

  const [parserRun, plannerRun] = await Promise.all(turn.runIds.map((id) => (id === runId ? run : store.getRun(id))));
  if (!parserRun || !plannerRun) throw new AppError(409, "CONFLICT", `turn ${turn.turn} of session \`${session.id}\` lacks its runs; it cannot be replayed`);
  const originalRef = (r: RunWithSteps) => {
    if (r.version === null) throw new AppError(409, "CONFLICT", `run \`${r.id}\` ran an unsaved ${r.kind} spec; name a saved version to replay with`);
    return { name: r.graph, version: r.version };
  };
  const choose = (kind: GraphKind, r: RunWithSteps) => graphs.resolve(kind, input.graphs[kind] ?? originalRef(r));
  const [parser, planner, notInterested] = await Promise.all([choose("parser", parserRun), choose("planner", plannerRun), store.listNotInterested(session.id, parserRun.startedAt)]);
  const holder = deps.catalogs.get(session.catalog);
  const { catalog } = holder.require();

  const steps: StepEvent[] = [];
  let failure: AppError | null = null;
  let outcome;
  try {
    outcome = await deps.turns(deps.catalogs.idOf(holder)).run({
      parser: { key: parser.key, spec: parser.spec },
      planner: { key: planner.key, spec: planner.spec },
      parse: { command: turn.command, memory: before?.memory ?? emptyPreferences(), feed: before?.feed ?? [] },
      plan: {
        user: session.catalogUser ?? undefined,
        k: input.k ?? Math.max(1, turn.feed.length),
        // the items the turn itself excluded: marked not interested before it started
        exclude: notInterested,
      },
      runIds: { parser: randomUUID(), planner: randomUUID() },
    }, (event) => {
      steps.push(event);
      if (event.type === "error") failure ??= new AppError(422, "COMMAND_FAILED", `the replay failed: ${event.message}`, { code: event.code, nodeId: event.nodeId, kind: event.kind });
    });
  } catch (error) {
    if (error instanceof GraphSpecError) throw new AppError(409, "INVALID_GRAPH", `a saved graph no longer compiles: ${error.message}`);
    throw error;
  }
  if (failure || !outcome.parser || !outcome.planner) throw failure ?? new AppError(422, "COMMAND_FAILED", "the replayed graphs ended without a result");

  const originalScores = plannerRun.result?.kind === "planner" ? plannerRun.result.scores : [];
  const original = { memory: turn.memory, feed: feedOf(catalog, turn.feed, originalScores), parser: originalRef(parserRun), planner: originalRef(plannerRun) };
  const replay = {
    memory: outcome.parser.preferences,
    feed: feedOf(catalog, outcome.planner.items, outcome.planner.scores),
    parser: { name: parser.name, version: parser.version },
    planner: { name: planner.name, version: planner.version },
    events: steps,
  };
  return { sessionId: session.id, turn: turn.turn, command: turn.command, original, replay, comparison: compareFeeds(turn.feed, outcome.planner.items) };
}

/** Feed items with details; ids the catalog no longer has are left out. */
function feedOf(catalog: Catalog, ids: string[], scores: number[]): FeedItem[] {
  return ids.flatMap((id, position) => {
    const index = catalog.indexOf.get(id);
    return index === undefined ? [] : [{ ...itemRecord(catalog, index), position, score: scores[position] ?? 0 }];
  });
}

/**
 * How many items both feeds show, and each item's 0-based rank in either (null: not in that feed): the replayed
 * feed's items in order, then those it dropped. Unmoved items are listed too, so a view can mark every item.
 */
export function compareFeeds(original: string[], replay: string[]): ReplayResult["comparison"] {
  const originalRank = new Map(original.map((id, i) => [id, i]));
  const replayed = new Set(replay);
  const rankChanges = [
    ...replay.map((id, rank) => ({ itemId: id, originalRank: originalRank.get(id) ?? null, replayRank: rank })),
    ...original.flatMap((id, rank) => (replayed.has(id) ? [] : [{ itemId: id, originalRank: rank, replayRank: null }])),
  ];
  return { overlap: replay.filter((id) => originalRank.has(id)).length, rankChanges };
}
