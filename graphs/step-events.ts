import { z } from "zod";
import { Constraint } from "../schemas/preferences.ts";
import { GraphKind } from "./graph-spec.ts";

const Bucket = z.object({ hard: z.array(Constraint), soft: z.array(Constraint) });
/** Constraints per bucket, shaped like the memory P_t. */
export const ConstraintSet = z.object({ positive: Bucket, negative: Bucket });

const Base = z.object({
  runId: z.string().describe("Id of this run of one graph"),
  graph: z.string().describe("The spec's name"),
  kind: GraphKind,
  at: z.number().describe("Wall-clock time, ms since the epoch"),
});

export const RunStartEvent = Base.extend({
  type: z.literal("run_start"),
  input: z.string().describe("Short summary of the input"),
});

export const NodeStartEvent = Base.extend({
  type: z.literal("node_start"),
  nodeId: z.string(),
  nodeType: z.string(),
});

export const NodeEndEvent = Base.extend({
  type: z.literal("node_end"),
  nodeId: z.string(),
  nodeType: z.string(),
  ms: z.number().describe("How long the node ran"),
  input: z.string().describe("Short summary of what the node read"),
  output: z.string().describe("Short summary of what it wrote"),
  notes: z.array(z.string()).describe("What the node ignored, assumed or did"),
  candidates: z.object({ in: z.number(), out: z.number() }).optional().describe("Planner nodes: candidate items before and after"),
  preferenceDiff: z.object({ added: ConstraintSet, removed: ConstraintSet }).optional().describe("Parser nodes: how the memory changed"),
});

export const PlannerResult = z.object({
  kind: z.literal("planner"),
  items: z.array(z.string()).describe("Recommended item ids, best first"),
  scores: z.array(z.number()),
});

export const ParserResult = z.object({
  kind: z.literal("parser"),
  preferences: ConstraintSet.describe("The consolidated memory P_{t+1}"),
  source: z.enum(["offline", "llm", "llm-fallback"]).optional(),
  notes: z.array(z.string()),
});

export const RunEndEvent = Base.extend({
  type: z.literal("run_end"),
  ms: z.number(),
  result: z.discriminatedUnion("kind", [PlannerResult, ParserResult]),
});

export const ErrorEvent = Base.extend({
  type: z.literal("error"),
  code: z.enum(["node_failed", "condition_failed", "run_failed"]),
  nodeId: z.string().optional(),
  message: z.string(),
});

/** Everything a graph run reports, in order: run_start, (node_start, node_end)*, then run_end or error. */
export const StepEvent = z.discriminatedUnion("type", [RunStartEvent, NodeStartEvent, NodeEndEvent, RunEndEvent, ErrorEvent]);

export type ConstraintSet = z.infer<typeof ConstraintSet>;
export type RunStartEvent = z.infer<typeof RunStartEvent>;
export type NodeStartEvent = z.infer<typeof NodeStartEvent>;
export type NodeEndEvent = z.infer<typeof NodeEndEvent>;
export type RunEndEvent = z.infer<typeof RunEndEvent>;
export type ErrorEvent = z.infer<typeof ErrorEvent>;
export type PlannerResult = z.infer<typeof PlannerResult>;
export type ParserResult = z.infer<typeof ParserResult>;
export type StepEvent = z.infer<typeof StepEvent>;
export type StepEventType = StepEvent["type"];
