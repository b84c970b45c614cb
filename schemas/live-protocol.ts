import { z } from "zod";
import { StepEvent } from "../graphs/step-events.ts";
import { Id } from "../server/storage/records.ts";
import { CommandRequest, CommandResult } from "./api.ts";
import type { ExperimentSnapshot } from "./experiment.ts";

// The Socket.io protocol: what clients send, what the server pushes. Server, studio, tests and the
// load benchmark all import these, so an event's shape is defined once.

export const LiveCommand = CommandRequest.extend({
  sessionId: Id,
  requestId: z.string().min(1).max(100).optional().describe("Echoed on every event of this command"),
});

/** What to watch: one session's runs (its owner or an analyst), every run (analysts), or one experiment's looks (analysts). */
export const Subscription = z.union([z.object({ sessionId: Id }), z.object({ all: z.literal(true) }), z.object({ experimentId: Id })]);

/** One step of a command as it happens; `seq` counts from 1 across the command's Parser and Planner runs. */
export const LiveStep = z.object({
  sessionId: Id,
  requestId: z.string().nullable(),
  turn: z.int().min(1),
  seq: z.int().min(1),
  event: StepEvent,
});

export const LiveFeed = CommandResult.extend({ requestId: z.string().nullable() });

export const LiveFailure = z.object({
  sessionId: Id,
  requestId: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }),
});

export const AckError = z.object({ code: z.string(), message: z.string() });
export type AckError = z.infer<typeof AckError>;
export type Ack<T> = { ok: true; value: T } | { ok: false; error: AckError };

export type LiveCommand = z.input<typeof LiveCommand>;
export type Subscription = z.infer<typeof Subscription>;
export type LiveStep = z.infer<typeof LiveStep>;
export type LiveFeed = z.infer<typeof LiveFeed>;
export type LiveFailure = z.infer<typeof LiveFailure>;

/**
 * A command's sender gets every step (as a watcher of its session) and the result in its ack; everyone else
 * watching the session, or every run, gets the steps and then the `feed`.
 */
export interface ServerToClientEvents {
  /** steps in order as they happen; those produced in the same moment arrive together, in one message */
  steps: (messages: LiveStep[]) => void;
  feed: (message: LiveFeed) => void;
  command_failed: (message: LiveFailure) => void;
  /** a new look at a watched experiment, sent when its exposures or feed events change (at most about once a second) */
  experiment: (snapshot: ExperimentSnapshot) => void;
}

export interface ClientToServerEvents {
  command: (request: LiveCommand, ack: (result: Ack<CommandResult>) => void) => void;
  subscribe: (subscription: Subscription, ack: (result: Ack<{ watching: string[] }>) => void) => void;
  unsubscribe: (subscription: Subscription, ack: (result: Ack<{ watching: string[] }>) => void) => void;
}

/** Room names: one per session, one for every run, one per experiment. */
export const roomOf = (subscription: Subscription) =>
  "all" in subscription ? "runs:all" : "experimentId" in subscription ? `experiment:${subscription.experimentId}` : `session:${subscription.sessionId}`;
