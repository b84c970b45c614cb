import { GraphSpec } from "../../graphs/graph-spec.ts";
import { StepEvent } from "../../graphs/step-events.ts";
import { Preferences } from "../../schemas/preferences.ts";
import {
  FeedEventRecord,
  GraphVersionInfo,
  GraphVersionRecord,
  RunError,
  RunRecord,
  RunResult,
  SessionRecord,
  StepRecord,
  TurnRecord,
  UserRecord,
} from "./records.ts";

// Rows as SQLite returns them (snake_case, JSON as text), and their mapping to the records the Store returns.
// Records are zod-parsed on the way out too, so a hand-edited or corrupted row fails loudly, not downstream.

export interface UserRow { id: string; name: string | null; created_at: number }
export interface SessionRow {
  id: string; user_id: string; catalog_user: string | null; graphs_json: string; catalog: string | null; experiment_id: string | null; variant: string | null; created_at: number;
}
export interface TurnRow { session_id: string; turn: number; command: string; memory_json: string; feed_json: string; run_ids_json: string; at: number }
export interface GraphVersionRow { name: string; version: number; kind: string; note: string; created_at: number; spec_json?: string }
export interface RunRow {
  id: string; kind: string; graph_name: string; graph_version: number | null; session_id: string | null; user_id: string | null;
  status: string; started_at: number; finished_at: number | null; has_fallback: number; result_json: string | null; error_json: string | null;
  step_count: number;
}
export interface StepRow { run_id: string; seq: number; event_json: string }
export interface FeedEventRow {
  id: number; type: string; session_id: string; user_id: string; item_id: string; position: number | null; run_id: string | null; at: number;
}

const json = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export const toUser = (r: UserRow) => UserRecord.parse({ id: r.id, name: r.name, createdAt: r.created_at });

export const toSession = (r: SessionRow) =>
  SessionRecord.parse({
    id: r.id, userId: r.user_id, catalogUser: r.catalog_user, graphs: json(r.graphs_json), catalog: r.catalog ?? null,
    experiment: r.experiment_id ? { id: r.experiment_id, variant: r.variant } : null, createdAt: r.created_at,
  });

export const toTurn = (r: TurnRow) =>
  TurnRecord.parse({
    sessionId: r.session_id,
    turn: r.turn,
    command: r.command,
    memory: Preferences.parse(json(r.memory_json)),
    feed: json(r.feed_json),
    runIds: json(r.run_ids_json),
    at: r.at,
  });

export const toGraphInfo = (r: GraphVersionRow) =>
  GraphVersionInfo.parse({ name: r.name, version: r.version, kind: r.kind, note: r.note, createdAt: r.created_at });

export const toGraphVersion = (r: GraphVersionRow) =>
  GraphVersionRecord.parse({ ...toGraphInfo(r), spec: GraphSpec.parse(json(r.spec_json ?? null)) });

export const toRun = (r: RunRow) =>
  RunRecord.parse({
    id: r.id,
    kind: r.kind,
    graph: r.graph_name,
    version: r.graph_version,
    sessionId: r.session_id,
    userId: r.user_id,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    hasFallback: r.has_fallback === 1,
    result: r.result_json === null ? null : RunResult.parse(json(r.result_json)),
    error: r.error_json === null ? null : RunError.parse(json(r.error_json)),
    stepCount: r.step_count,
  });

export const toStep = (r: StepRow) => StepRecord.parse({ runId: r.run_id, seq: r.seq, event: StepEvent.parse(json(r.event_json)) });

export const toFeedEvent = (r: FeedEventRow) =>
  FeedEventRecord.parse({
    id: r.id,
    type: r.type,
    sessionId: r.session_id,
    userId: r.user_id,
    itemId: r.item_id,
    position: r.position,
    runId: r.run_id,
    at: r.at,
  });
