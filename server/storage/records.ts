import { z } from "zod";
import { GraphKind, GraphSpec } from "../../graphs/graph-spec.ts";
import { ParserResult, PlannerResult, StepEvent } from "../../graphs/step-events.ts";
import { Preferences } from "../../schemas/preferences.ts";

/** Ids are chosen by callers (or generated): short printable strings, never SQL. */
export const Id = z.string().min(1).max(200);
/** Wall-clock time, ms since the epoch. */
export const Millis = z.number().int().nonnegative();

/** A feed user: anonymous or configured; sessions belong to one. */
export const UserRecord = z.object({
  id: Id,
  name: z.string().nullable().describe("Display name, if any"),
  createdAt: Millis,
});

export const NewUser = z.object({
  id: Id.optional(),
  name: z.string().max(200).nullable().default(null),
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/).optional().describe("SHA-256 of the user's API token, hex"),
});

/** A saved graph version; without `version`, the latest one when the turn runs. */
export const GraphRef = z.object({ name: Id, version: z.int().min(1).optional() });
/** The graphs a session's turns run; an absent agent runs the server's default. */
export const SessionGraphs = z.object({ parser: GraphRef.optional(), planner: GraphRef.optional() });

/** Enrolment in an experiment: its id and the variant the user was assigned. */
export const SessionExperiment = z.object({ id: Id, variant: z.string() });

/** A session: one LangGraph thread (same id) of turns by one user. */
export const SessionRecord = z.object({
  id: Id,
  userId: Id,
  catalogUser: z.string().nullable().describe("The catalog user whose history personalises the feed"),
  graphs: SessionGraphs,
  catalog: z.string().nullable().describe("The catalog the session's feed comes from; null: the server's default"),
  experiment: SessionExperiment.nullable().describe("The A/B experiment and variant the session is enrolled in, if any"),
  createdAt: Millis,
});

export const NewSession = z.object({
  id: Id.optional(), userId: Id, catalogUser: z.string().nullable().default(null), graphs: SessionGraphs.default({}), catalog: z.string().max(200).nullable().default(null),
  experiment: SessionExperiment.nullable().default(null),
});

/** One completed turn: the command, the memory P_{t+1} it produced, the feed shown, the runs that made it. */
export const TurnRecord = z.object({
  sessionId: Id,
  turn: z.int().min(1),
  command: z.string(),
  memory: Preferences,
  feed: z.array(z.string()).describe("Item ids, best first"),
  runIds: z.array(Id),
  at: Millis,
});
export const NewTurn = TurnRecord.omit({ at: true }).extend({ at: Millis.optional() });

/** One saved version of a named graph, without its spec (for listings). */
export const GraphVersionInfo = z.object({
  name: Id,
  version: z.int().min(1),
  kind: GraphKind,
  note: z.string(),
  createdAt: Millis,
});
/** One saved version of a named graph with its validated spec. */
export const GraphVersionRecord = GraphVersionInfo.extend({ spec: GraphSpec });
export const NewGraphVersion = z.object({ name: Id, spec: z.unknown(), note: z.string().max(2000).default("") });

export const RunStatus = z.enum(["running", "ok", "error", "interrupted"]);
export const FinalRunStatus = RunStatus.exclude(["running"]);
export const RunResult = z.discriminatedUnion("kind", [PlannerResult, ParserResult]);
export const RunError = z.object({ code: z.string(), message: z.string(), nodeId: z.string().optional() });

/** One run of one graph, as listed. */
export const RunRecord = z.object({
  id: Id,
  kind: GraphKind,
  graph: z.string().describe("The graph's name"),
  version: z.int().min(1).nullable().describe("The saved version that ran; null for an unsaved spec"),
  sessionId: Id.nullable(),
  userId: Id.nullable().describe("The session's user, copied at start for filtering"),
  status: RunStatus,
  startedAt: Millis,
  finishedAt: Millis.nullable(),
  hasFallback: z.boolean().describe("The Parser fell back from the LLM to the offline parser"),
  result: RunResult.nullable(),
  error: RunError.nullable(),
  stepCount: z.int().nonnegative(),
});
export const NewRun = z.object({
  id: Id.optional(),
  kind: GraphKind,
  graph: z.string().min(1),
  version: z.int().min(1).nullable().default(null),
  sessionId: Id.nullable().default(null),
  startedAt: Millis.optional(),
});
export const RunOutcome = z.object({
  status: FinalRunStatus,
  result: RunResult.nullable().default(null),
  error: RunError.nullable().default(null),
  finishedAt: Millis.optional(),
});

/** One step event of a run, numbered from 1 in the order it was appended. */
export const StepRecord = z.object({ runId: Id, seq: z.int().min(1), event: StepEvent });
export const RunWithSteps = RunRecord.extend({ steps: z.array(StepRecord) });

/** Filters for listing runs; every field optional, combined with AND, newest first. */
export const RunFilter = z.object({
  sessionId: Id.optional(),
  userId: Id.optional(),
  graph: z.string().optional(),
  version: z.int().min(1).optional(),
  kind: GraphKind.optional(),
  status: RunStatus.optional(),
  hasFallback: z.boolean().optional(),
  from: Millis.optional().describe("Started at or after"),
  to: Millis.optional().describe("Started before"),
  limit: z.int().min(1).max(1000).default(100),
});

export const FeedEventType = z.enum(["impression", "click", "like", "not_interested", "add_to_cart"]);
/** A signal from the feed, the raw material of A/B metrics. */
export const FeedEventRecord = z.object({
  id: z.int().min(1),
  type: FeedEventType,
  sessionId: Id,
  userId: Id,
  itemId: z.string().min(1),
  position: z.int().nonnegative().nullable().describe("0-based rank in the feed shown"),
  runId: Id.nullable().describe("The planner run that produced the feed"),
  at: Millis,
});
export const NewFeedEvent = FeedEventRecord.omit({ id: true, userId: true, position: true, runId: true, at: true }).extend({
  userId: Id.optional().describe("Checked against the session's user when given"),
  position: z.int().nonnegative().nullable().default(null),
  runId: Id.nullable().default(null),
  at: Millis.optional(),
});

export type UserRecord = z.infer<typeof UserRecord>;
export type GraphRef = z.infer<typeof GraphRef>;
export type SessionGraphs = z.infer<typeof SessionGraphs>;
export type NewUser = z.input<typeof NewUser>;
export type SessionRecord = z.infer<typeof SessionRecord>;
export type NewSession = z.input<typeof NewSession>;
export type TurnRecord = z.infer<typeof TurnRecord>;
export type NewTurn = z.input<typeof NewTurn>;
export type GraphVersionInfo = z.infer<typeof GraphVersionInfo>;
export type GraphVersionRecord = z.infer<typeof GraphVersionRecord>;
export type NewGraphVersion = z.input<typeof NewGraphVersion>;
export type RunStatus = z.infer<typeof RunStatus>;
export type RunResult = z.infer<typeof RunResult>;
export type RunError = z.infer<typeof RunError>;
export type RunRecord = z.infer<typeof RunRecord>;
export type NewRun = z.input<typeof NewRun>;
export type RunOutcome = z.input<typeof RunOutcome>;
export type StepRecord = z.infer<typeof StepRecord>;
export type RunWithSteps = z.infer<typeof RunWithSteps>;
export type RunFilter = z.input<typeof RunFilter>;
export type FeedEventType = z.infer<typeof FeedEventType>;
export type FeedEventRecord = z.infer<typeof FeedEventRecord>;
export type NewFeedEvent = z.input<typeof NewFeedEvent>;
