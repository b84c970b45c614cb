import { z } from "zod";

// An A/B experiment's statistical analysis, in and out: validated by the server, rendered by the studio, one definition
// each. Numbers are finite everywhere (zod 4 rejects NaN and ±Infinity); what cannot be computed is `unavailable`.

export const MetricKind = z.enum(["mean", "ratio"]).describe("mean: one value per user (denominator 1); ratio: Σ numerator / Σ denominator over users");
export type MetricKind = z.infer<typeof MetricKind>;

export const UserRecord = z.object({
  numerator: z.number().describe("The user's metric value, or the numerator total of a ratio metric (e.g. clicks)"),
  denominator: z.number().nonnegative().describe("1 for a mean metric; the denominator total of a ratio metric (e.g. impressions)"),
  pre: z.number().optional().describe("Pre-experiment covariate for CUPED, e.g. the same metric before exposure"),
});
export type UserRecord = z.infer<typeof UserRecord>;

export const MetricDefinition = z.object({
  id: z.string().min(1).describe("Key of the metric in each variant's `records`"),
  label: z.string().min(1).describe("Name shown in decisions, e.g. \"click-through\""),
  kind: MetricKind,
  direction: z.enum(["higher-is-better", "lower-is-better"]).describe("Which way an improvement moves the metric"),
  role: z.enum(["primary", "guardrail", "secondary"]).describe("primary: decides shipping; guardrail: must not get worse; secondary: informative"),
  format: z.enum(["number", "percent"]).default("number").describe("percent: show values ×100 and differences in percentage points"),
  tau2: z.number().positive().optional().describe("mSPRT mixing variance in squared metric units; default (0.1·per-user SD)²"),
});
export type MetricDefinition = z.infer<typeof MetricDefinition>;

export const VariantInput = z.object({
  name: z.string().min(1),
  weight: z.number().positive().describe("Configured traffic share, any positive scale"),
  users: z.int().nonnegative().optional().describe("Users assigned, for the sample-ratio check; default: the most records of any metric"),
  records: z.record(z.string(), z.array(UserRecord)).describe("Per-user records by metric id"),
});
export type VariantInput = z.input<typeof VariantInput>;

export const ExperimentInput = z.object({
  control: z.string().min(1).describe("Name of the control variant"),
  variants: z.array(VariantInput).min(2),
  metrics: z.array(MetricDefinition).min(1),
});
export type ExperimentInput = z.input<typeof ExperimentInput>;

/** p-values below this flag a sample-ratio mismatch: strict, because the check runs on every experiment at every look. */
export const DEFAULT_SRM_THRESHOLD = 0.001;

/** Default mSPRT τ in per-user standard deviations of the metric (why 0.1: see `defaultTau2` in sequential.ts). */
export const DEFAULT_EFFECT_SCALE = 0.1;

export const AnalysisOptions = z.object({
  level: z.number().gt(0).lt(1).default(0.95).describe("Confidence level of fixed-horizon intervals"),
  alpha: z.number().gt(0).lt(1).optional().describe("Error rate of the always-valid test and its confidence sequence; default 1 − level"),
  effectScale: z.number().positive().default(DEFAULT_EFFECT_SCALE).describe("Default mSPRT τ, in per-user standard deviations of the metric"),
  srmThreshold: z.number().gt(0).lt(1).default(DEFAULT_SRM_THRESHOLD).describe("Sample-ratio p-values below this flag a mismatch"),
});
export type AnalysisOptions = z.input<typeof AnalysisOptions>;

export const IntervalEstimate = z.object({
  estimate: z.number(),
  standardError: z.number().nonnegative(),
  low: z.number(),
  high: z.number(),
  pValue: z.number().min(0).max(1).describe("Two-sided p-value of \"the true value is 0\""),
});
export type IntervalEstimate = z.infer<typeof IntervalEstimate>;

const unavailable = { status: z.literal("unavailable"), reason: z.string().describe("Why, e.g. \"B has 1 user; a variance needs at least 2\"") };

export const ArmMetricEstimate = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("ok"),
    variant: z.string(),
    metricId: z.string(),
    users: z.int().nonnegative(),
    numeratorTotal: z.number(),
    denominatorTotal: z.number(),
    value: z.number(),
    standardError: z.number().nonnegative(),
    low: z.number().describe("Fixed-horizon confidence interval of the arm's value"),
    high: z.number(),
    cuped: z.object({ value: z.number(), standardError: z.number().nonnegative(), varianceReduction: z.number() }).nullable(),
  }),
  z.object({ variant: z.string(), metricId: z.string(), users: z.int().nonnegative(), ...unavailable }),
]);
export type ArmMetricEstimate = z.infer<typeof ArmMetricEstimate>;

export const SequentialResult = z.object({
  looks: z.int().positive().describe("Analyses so far, this one included"),
  tau2: z.number().nonnegative().describe("mSPRT mixing variance, fixed at the first look"),
  alpha: z.number().gt(0).lt(1),
  pValue: z.number().min(0).max(1).describe("Always-valid p-value: safe to read at every look"),
  low: z.number().describe("Always-valid confidence sequence for treatment − control"),
  high: z.number(),
});
export type SequentialResult = z.infer<typeof SequentialResult>;

export const Verdict = z
  .enum(["better", "worse", "no-difference-yet", "inconclusive", "unavailable"])
  .describe(
    "better / worse: the always-valid test found a difference, judged by the metric's direction; " +
      "inconclusive: only the fixed-horizon interval excludes 0 (not reliable if the data was peeked at); " +
      "no-difference-yet: neither; unavailable: the metric could not be computed",
  );
export type Verdict = z.infer<typeof Verdict>;

export const MetricDecision = z.object({ verdict: Verdict, guardrailBreached: z.boolean(), text: z.string() });
export type MetricDecision = z.infer<typeof MetricDecision>;

export const CupedSummary = z.object({
  theta: z.number(),
  covariateMean: z.number(),
  usersWithCovariate: z.int().nonnegative(),
  varianceReduction: z.number().describe("1 − Var(adjusted difference) / Var(unadjusted difference)"),
  unadjusted: IntervalEstimate.describe("The difference without CUPED"),
});
export type CupedSummary = z.infer<typeof CupedSummary>;

const comparisonKey = { treatment: z.string(), control: z.string(), metricId: z.string() };

export const ComparisonResult = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("ok"),
    ...comparisonKey,
    difference: IntervalEstimate.describe("Treatment − control, fixed horizon (CUPED-adjusted when `cuped` is set)"),
    relativeLift: IntervalEstimate.nullable().describe("Treatment / control − 1; null unless both values are positive"),
    sequential: SequentialResult,
    cuped: CupedSummary.nullable(),
    decision: MetricDecision,
  }),
  z.object({ ...comparisonKey, ...unavailable, decision: MetricDecision }),
]);
export type ComparisonResult = z.infer<typeof ComparisonResult>;

export const SampleRatioResult = z.object({
  variants: z.array(z.string()),
  observed: z.array(z.int().nonnegative()),
  expected: z.array(z.number()),
  chiSquare: z.number().nonnegative(),
  degreesOfFreedom: z.int().positive(),
  pValue: z.number().min(0).max(1),
  threshold: z.number(),
  mismatch: z.boolean(),
});
export type SampleRatioResult = z.infer<typeof SampleRatioResult>;

export const Recommendation = z.object({
  treatment: z.string(),
  recommendation: z.enum(["ship", "do-not-ship", "keep-running", "investigate"]),
  text: z.string(),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const ExperimentSummary = z.object({
  trustworthy: z.boolean().describe("False when the sample ratio is off: then no comparison can be trusted"),
  recommendations: z.array(Recommendation),
  text: z.string(),
});
export type ExperimentSummary = z.infer<typeof ExperimentSummary>;

export const ExperimentAnalysis = z.object({
  control: z.string(),
  level: z.number(),
  alpha: z.number(),
  metrics: z.array(MetricDefinition),
  estimates: z.array(ArmMetricEstimate),
  comparisons: z.array(ComparisonResult),
  srm: SampleRatioResult,
  summary: ExperimentSummary,
});
export type ExperimentAnalysis = z.infer<typeof ExperimentAnalysis>;
