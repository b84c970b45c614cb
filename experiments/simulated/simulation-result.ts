import { z } from "zod";
import { Scenario } from "../../schemas/simulated-session.ts";
import { ExperimentMetricId } from "../metrics/metric-catalog.ts";
import { UserActivity } from "../metrics/user-activity.ts";
import { ExperimentAnalysis, IntervalEstimate } from "../statistics/analysis-schema.ts";

// A simulated A/B experiment's outcome: written by `recbot ab`, served by the server, drawn by the studio.

const pairKey = { treatment: z.string(), control: z.string(), metricId: ExperimentMetricId };

/** Treatment − control on the same simulated users: the sharper interval a paired design allows. */
export const PairedComparison = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("ok"),
    ...pairKey,
    users: z.int().positive(),
    difference: IntervalEstimate.describe(
      "Treatment − control from per-user differences of the delta-method linearized metric (for a mean metric: the mean " +
        "of per-user differences); fixed horizon, not corrected for multiple metrics",
    ),
  }),
  z.object({ status: z.literal("unavailable"), ...pairKey, users: z.int().nonnegative(), reason: z.string() }),
]);
export type PairedComparison = z.infer<typeof PairedComparison>;

export const SimulatedVariantSummary = z.object({
  name: z.string(),
  weight: z.number().positive(),
  parser: z.string().describe("Name of the Parser graph the variant ran"),
  planner: z.string().describe("Name of the Planner graph the variant ran"),
  users: z.int().nonnegative(),
  turns: z.int().nonnegative().describe("Commands the simulated users typed under this variant"),
  p95LatencyMs: z.number().nonnegative().describe("95th percentile of the time from command to feed; 0 without commands"),
});
export type SimulatedVariantSummary = z.infer<typeof SimulatedVariantSummary>;

export const SimulationResult = z.object({
  catalog: z.string().describe("Reference of the catalog the users were simulated on"),
  seed: z.int(),
  sessions: z.int().positive().describe("Simulated users; every one ran under every variant"),
  scenario: Scenario,
  k: z.int().positive(),
  control: z.string(),
  primary: ExperimentMetricId,
  guardrails: z.array(ExperimentMetricId),
  variants: z.array(SimulatedVariantSummary),
  analysis: ExperimentAnalysis.describe("The arms analysed as independent samples: conservative for this paired design"),
  paired: z.array(PairedComparison),
  activities: z.array(UserActivity).describe("Per user and variant, users in the same order under every variant"),
});
export type SimulationResult = z.infer<typeof SimulationResult>;
