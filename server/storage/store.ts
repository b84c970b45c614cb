import type { StepEvent } from "../../graphs/step-events.ts";
import type {
  FeedEventRecord,
  GraphVersionInfo,
  GraphVersionRecord,
  NewFeedEvent,
  NewGraphVersion,
  NewRun,
  NewSession,
  NewTurn,
  NewUser,
  RunFilter,
  RunOutcome,
  RunRecord,
  RunWithSteps,
  SessionRecord,
  TurnRecord,
  UserRecord,
} from "./records.ts";
import type { ExperimentStore } from "./experiment-store.ts";
import type { ExposureRow } from "./queued-writes.ts";

/**
 * Everything the server persists, behind one interface so another database (PostgreSQL) can replace
 * SQLite without touching routes. Methods return promises for that reason, even where SQLite answers at once.
 * Inputs are zod-checked; refusals throw `StoreError` with `NOT_FOUND`, `CONFLICT` or `INVALID`.
 * Getters of one thing return `null` when it is absent; writes that need it throw `NOT_FOUND`.
 */
export interface Store {
  createUser(user?: NewUser): Promise<UserRecord>;
  getUser(id: string): Promise<UserRecord | null>;
  /** The user whose API token hashes to this (SHA-256, hex). */
  getUserByTokenHash(tokenHash: string): Promise<UserRecord | null>;

  getSetting(key: string): Promise<string | null>;
  /** Sets a setting (with `ifAbsent`, only if unset); returns the value now stored. */
  setSetting(key: string, value: string, options?: { ifAbsent?: boolean }): Promise<string>;

  /** The session's id is also its LangGraph thread id. */
  createSession(session: NewSession): Promise<SessionRecord>;
  getSession(id: string): Promise<SessionRecord | null>;
  listSessions(userId: string): Promise<SessionRecord[]>;

  /** Appends the next turn of a session; its number must be one more than the last one's. */
  appendTurn(turn: NewTurn): Promise<TurnRecord>;
  /** The session's last turn, or null before its first. */
  getLastTurn(sessionId: string): Promise<TurnRecord | null>;
  /** The session's turns, oldest first. */
  listTurns(sessionId: string): Promise<TurnRecord[]>;

  /** Validates the spec and saves it as the next version of the named graph (1 for a new name). */
  saveGraphVersion(input: NewGraphVersion): Promise<GraphVersionRecord>;
  getLatestGraph(name: string): Promise<GraphVersionRecord | null>;
  /** The latest version's number, kind and note, without its spec (cheap: for resolving "latest"). */
  getLatestGraphInfo(name: string): Promise<GraphVersionInfo | null>;
  getGraphVersion(name: string, version: number): Promise<GraphVersionRecord | null>;
  /** The named graph's versions, oldest first. */
  listGraphVersions(name: string): Promise<GraphVersionInfo[]>;
  /** The latest version of every named graph, by name. */
  listGraphs(): Promise<GraphVersionInfo[]>;

  /** Records a run as `running`; pass its id to the graph run so step events carry it. */
  startRun(run: NewRun): Promise<RunRecord>;
  /** Writes one step event at once (a crash later keeps it); returns its 1-based sequence number. */
  appendStep(runId: string, event: StepEvent): Promise<number>;
  finishRun(runId: string, outcome: RunOutcome): Promise<RunRecord>;
  getRun(id: string): Promise<RunWithSteps | null>;
  /** Runs matching every given filter, newest first. */
  listRuns(filter?: RunFilter): Promise<RunRecord[]>;
  /** Marks runs left `running` by a process that died as `interrupted`; returns how many. Call once at start. */
  markInterruptedRuns(): Promise<number>;

  /** Inserts the events all or none; returns them with their ids. */
  addFeedEvents(events: NewFeedEvent[]): Promise<FeedEventRecord[]>;
  /** Records that a feed was served to a session enrolled in an experiment (queued with the turn's writes). */
  recordExposure(exposure: ExposureRow): Promise<void>;
  /** Experiment definitions, enrolment counts, analysis inputs and snapshots. */
  readonly experiments: ExperimentStore;
  /** The session's feed events, oldest first. */
  listFeedEvents(sessionId: string): Promise<FeedEventRecord[]>;
  /** The items the session marked not interested (at or before `until`, ms since the epoch), which its feeds leave out. */
  listNotInterested(sessionId: string, until?: number): Promise<string[]>;

  close(): Promise<void>;
}
