import { z } from "zod";
import { GraphSpec } from "../graphs/graph-spec.ts";
import { GRAPH_SPEC_ERROR_CODES } from "../graphs/graph-spec-error.ts";
import { SpecDiff } from "../graphs/spec-diff.ts";
import { ParserResult, StepEvent } from "../graphs/step-events.ts";
import { FeedEventType, GraphRef, Id, RunFilter, SessionGraphs, SessionRecord, TurnRecord, UserRecord } from "../server/storage/records.ts";
import { Preferences } from "./preferences.ts";

// The HTTP API's request and response bodies: validated by the server at the boundary, turned into the
// OpenAPI document, and imported by the studio. One definition each.

/** Longest command accepted, in characters; longer ones are refused, never truncated. */
export const MAX_COMMAND_CHARS = 500;

export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string().describe("What went wrong and what to do about it"), details: z.unknown().optional() }),
});

export const AttributeValue = z.union([z.string(), z.number(), z.array(z.string())]);
/** One item as the feed shows it. */
export const FeedItem = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  attributes: z.record(z.string(), AttributeValue),
  position: z.int().nonnegative().describe("0-based rank in the feed"),
  score: z.number(),
});
export type FeedItem = z.infer<typeof FeedItem>;

export const CreateUserRequest = z.object({ name: z.string().trim().min(1).max(200).optional().describe("Display name") });
export const CreatedUser = z.object({
  user: UserRecord,
  token: z.string().describe("The user's API token; shown only now. Send it as `Authorization: Bearer <token>`"),
});

export const CreateSessionRequest = z.object({
  catalogUser: z.string().min(1).max(200).nullable().default(null).describe("A catalog user whose history personalises the feed (demo users: u0001…)"),
  graphs: SessionGraphs.default({}).describe("Saved graph versions this session runs; default: the latest `parser` and `planner`"),
  userId: Id.optional().describe("Analysts only: the user the session belongs to"),
  catalog: z.string().max(200).optional().describe("Catalog id (GET /api/catalogs); default: the server's first"),
});

export const Command = z.string().trim()
  .min(1, "the command is empty: type what the feed should change, e.g. \"no horror, something from the 90s\"")
  .max(MAX_COMMAND_CHARS, `the command is longer than ${MAX_COMMAND_CHARS} characters; shorten it`);

export const CommandRequest = z.object({
  command: Command,
  graphs: SessionGraphs.optional().describe("Run other saved versions for this command only"),
  k: z.int().min(1).max(100).default(10).describe("Feed length"),
});
export type CommandRequest = z.input<typeof CommandRequest>;
/** A command as validated at the boundary (defaults filled in). */
export type ValidCommandRequest = z.infer<typeof CommandRequest>;

export const RanGraph = z.object({ runId: Id, name: Id, version: z.int().min(1) });
/** The outcome of one command: the new memory and feed, and the runs that made them. */
export const CommandResult = z.object({
  sessionId: Id,
  turn: z.int().min(1),
  command: z.string(),
  memory: Preferences.describe("P_{t+1}"),
  source: ParserResult.shape.source,
  feed: z.array(FeedItem),
  parser: RanGraph,
  planner: RanGraph,
  ms: z.number().describe("Server time for the whole command"),
});
export type CommandResult = z.infer<typeof CommandResult>;

export const SessionView = SessionRecord.extend({
  turns: z.array(TurnRecord).describe("Every turn: its command, memory P_{t+1} and feed ids"),
  feed: z.array(FeedItem).describe("The current feed (the last turn's), with item details"),
});

export const NewFeedEventBody = z.object({
  type: FeedEventType,
  itemId: z.string().min(1).max(200),
  position: z.int().nonnegative().nullable().default(null),
  runId: Id.nullable().default(null).describe("The planner run whose feed showed the item"),
});
export const FeedEventsRequest = z.object({ events: z.array(NewFeedEventBody).min(1).max(500) });

export const SaveGraphRequest = z.object({ spec: GraphSpec, note: z.string().max(2000).default("") });
export const ImportGraphRequest = SaveGraphRequest.extend({ name: Id.regex(/^[\w.-]+$/, "letters, digits, `_`, `.` and `-` only") });

const flag = z.enum(["true", "false"]).transform((v) => v === "true");
/** RunFilter as a query string: numbers and flags arrive as text. */
export const RunsQuery = z.object({
  sessionId: Id.optional(),
  userId: Id.optional(),
  graph: z.string().optional(),
  version: z.coerce.number().int().min(1).optional(),
  kind: RunFilter.shape.kind,
  status: RunFilter.shape.status,
  hasFallback: flag.optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200).describe("Words of a title or description"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const GraphVersionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

export const ValidateGraphRequest = z.object({ spec: z.unknown().describe("A graph spec as the editor holds it; checked as is, shape included") });
/** One problem of a spec, on the node and/or edge it concerns. */
export const SpecProblem = z.object({
  code: z.enum(GRAPH_SPEC_ERROR_CODES),
  message: z.string().describe("What is wrong and how to fix it"),
  nodeId: z.string().optional().describe("The node to mark"),
  edgeId: z.string().optional().describe("The edge to mark"),
});
export const GraphValidation = z.object({
  ok: z.boolean().describe("True when the spec has no problem and would be saved"),
  problems: z.array(SpecProblem).describe("Every problem found, in check order (shape, nodes, start/end, edges, reachability)"),
});

const versionNumber = z.coerce.number().int().min(1);
export const GraphDiffQuery = z.object({ from: versionNumber.describe("The older version"), to: versionNumber.describe("The newer version") });
export const GraphDiff = SpecDiff.extend({ name: Id, from: z.int().min(1), to: z.int().min(1) });

export const ReplayRequest = z.object({
  graphs: SessionGraphs.default({}).describe("Versions to replay with; an agent left out runs the version that ran originally"),
  k: z.int().min(1).max(100).optional().describe("Feed length; default: the original feed's length"),
});
const GraphVersionRef = z.object({ name: Id, version: z.int().min(1) });
const TurnOutcome = z.object({ memory: Preferences.describe("P_{t+1}"), feed: z.array(FeedItem), parser: GraphVersionRef, planner: GraphVersionRef });
/** A recorded turn run again on other graph versions: nothing is stored, the session is not changed. */
export const ReplayResult = z.object({
  sessionId: Id,
  turn: z.int().min(1),
  command: z.string(),
  original: TurnOutcome,
  replay: TurnOutcome.extend({ events: z.array(StepEvent).describe("Both replayed runs' steps; their run ids are not stored") }),
  comparison: z.object({
    overlap: z.int().nonnegative().describe("Items in both feeds"),
    rankChanges: z.array(z.object({
      itemId: z.string(),
      originalRank: z.int().nonnegative().nullable().describe("0-based position in the original feed; null when absent"),
      replayRank: z.int().nonnegative().nullable().describe("0-based position in the replayed feed; null when absent"),
    })).describe("Every item of either feed with its rank in each: the replayed feed in order, then the items it dropped"),
  }),
});
export type ReplayResult = z.infer<typeof ReplayResult>;
export { GraphRef };
