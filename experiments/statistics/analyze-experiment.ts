/**
 * One call from raw per-user records to everything an experiment page shows: per-arm estimates, each treatment
 * against control on each metric (fixed-horizon interval, relative lift, CUPED when covariates are present, the
 * always-valid test and a decision), the sample-ratio check and the overall summary.
 *
 * Pass the previous analysis of the same experiment as `previous` to continue its sequential tests: the always-valid
 * p-value is then the minimum over all looks and the confidence sequence their intersection. Without it each call is
 * a first look, which is still valid, only less sharp. Comparisons are not corrected for multiple metrics or arms.
 */
import { z } from "zod";
import {
  AnalysisOptions,
  MetricDefinition,
  VariantInput,
  type ArmMetricEstimate,
  type ComparisonResult,
  type ExperimentAnalysis,
  type ExperimentInput,
  type SequentialResult,
  type UserRecord,
} from "./analysis-schema.ts";
import { absoluteDifference, normalInterval, relativeLift } from "./arm-comparison.ts";
import { cupedAdjust, differenceVarianceReduction, type CupedArm, type CupedResult } from "./cuped.ts";
import { decideMetric, unavailableDecision } from "./decision.ts";
import { summarizeExperiment } from "./experiment-summary.ts";
import { estimateRatio, type ArmEstimate } from "./ratio-delta.ts";
import { defaultTau2, sequentialLook } from "./sequential.ts";
import { checkSampleRatio } from "./srm.ts";
import { DATA_CONDITION_CODES, StatisticsError } from "./statistics-error.ts";

type Options = z.infer<typeof AnalysisOptions> & { alpha: number };
type Arm = { estimate: ArmEstimate; cuped: CupedArm | null } | { reason: string };

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new StatisticsError("invalid_input", `${what}: ${z.prettifyError(result.error)}`);
  return result.data;
}

function estimateArm(records: readonly UserRecord[], where: string, kind: MetricDefinition["kind"]): ArmEstimate | { reason: string } {
  try {
    return estimateRatio(records, where, kind);
  } catch (error) {
    if (error instanceof StatisticsError && DATA_CONDITION_CODES.includes(error.code)) return { reason: error.message };
    throw error;
  }
}

/** Every arm's estimate of the metric, CUPED-adjusted with one pooled θ over the arms that could be estimated. */
function estimateArms(input: ExperimentInput, metric: MetricDefinition): { arms: Arm[]; cuped: CupedResult | null } {
  const records = input.variants.map((variant) => variant.records[metric.id] ?? []);
  const estimates = input.variants.map((variant, i) => estimateArm(records[i], `${variant.name} (${metric.label})`, metric.kind));
  const present = estimates.flatMap((estimate, i) => ("reason" in estimate ? [] : [{ records: records[i], estimate }]));
  const cuped = cupedAdjust(present);
  let next = 0;
  const arms = estimates.map((estimate): Arm => ("reason" in estimate ? estimate : { estimate, cuped: cuped?.arms[next++] ?? null }));
  return { arms, cuped };
}

function armResult(variant: string, metric: MetricDefinition, arm: Arm, users: number, level: number): ArmMetricEstimate {
  if ("reason" in arm) return { status: "unavailable", variant, metricId: metric.id, users, reason: arm.reason };
  const { estimate, cuped } = arm;
  const { low, high } = normalInterval(estimate.value, estimate.standardError, level);
  return {
    status: "ok",
    variant,
    metricId: metric.id,
    users: estimate.users,
    numeratorTotal: estimate.numeratorTotal,
    denominatorTotal: estimate.denominatorTotal,
    value: estimate.value,
    standardError: estimate.standardError,
    low,
    high,
    cuped: cuped && { value: cuped.value, standardError: cuped.standardError, varianceReduction: cuped.varianceReduction },
  };
}

function compare(
  names: { treatment: string; control: string },
  metric: MetricDefinition,
  arms: { treatment: Arm; control: Arm; cuped: CupedResult | null },
  options: Options,
  previous: SequentialResult | undefined,
): ComparisonResult {
  const key = { ...names, metricId: metric.id };
  const { treatment, control } = arms;
  if ("reason" in treatment || "reason" in control) {
    const reason = [control, treatment].flatMap((arm) => ("reason" in arm ? [arm.reason] : [])).join("; ");
    return { status: "unavailable", ...key, reason, decision: unavailableDecision(names.treatment, metric, reason) };
  }
  const used = (arm: typeof treatment) => arm.cuped ?? arm.estimate;
  const difference = absoluteDifference(used(control), used(treatment), options.level);
  // τ² set on the metric, else kept from earlier looks, else scaled to the unadjusted per-user variance of this look
  const tau2 = metric.tau2 ?? (previous && previous.tau2 > 0 ? previous.tau2 : defaultTau2(control.estimate, treatment.estimate, options.effectScale));
  const sequential = sequentialLook(previous ?? null, { difference: difference.estimate, variance: difference.standardError ** 2 }, { alpha: options.alpha, tau2 });
  const cuped =
    arms.cuped && control.cuped && treatment.cuped
      ? {
          theta: arms.cuped.theta,
          covariateMean: arms.cuped.covariateMean,
          usersWithCovariate: arms.cuped.usersWithCovariate,
          varianceReduction: differenceVarianceReduction(
            { before: control.estimate.variance, after: control.cuped.variance },
            { before: treatment.estimate.variance, after: treatment.cuped.variance },
          ),
          unadjusted: absoluteDifference(control.estimate, treatment.estimate, options.level),
        }
      : null;
  return {
    status: "ok",
    ...key,
    difference,
    relativeLift: relativeLift(used(control), used(treatment), options.level),
    sequential,
    cuped,
    decision: decideMetric({ treatment: names.treatment, metric, difference, sequential }),
  };
}

function checkVariants(input: ExperimentInput, metrics: MetricDefinition[]) {
  input.variants.forEach((variant, i) => parse(VariantInput.omit({ records: true }), variant, `variant ${i + 1}`));
  const names = input.variants.map((v) => v.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate) throw new StatisticsError("invalid_input", `variant names must be unique; "${duplicate}" appears twice`);
  if (!names.includes(input.control)) throw new StatisticsError("invalid_input", `control "${input.control}" is not a variant; variants are ${names.join(", ")}`);
  const ids = metrics.map((m) => m.id);
  const duplicateId = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicateId) throw new StatisticsError("invalid_input", `metric ids must be unique; "${duplicateId}" appears twice`);
  if (!metrics.some((m) => m.role === "primary")) throw new StatisticsError("invalid_input", "at least one metric must have role \"primary\": it decides whether to ship");
}

/** Analyses an experiment; throws `StatisticsError` for malformed input, reports data too thin to analyse per metric. */
export function analyzeExperiment(input: ExperimentInput, options: AnalysisOptions = {}, previous?: ExperimentAnalysis): ExperimentAnalysis {
  const parsed = parse(AnalysisOptions, options, "analysis options");
  const resolved: Options = { ...parsed, alpha: parsed.alpha ?? Number((1 - parsed.level).toPrecision(12)) };
  const metrics = parse(z.array(MetricDefinition).min(1), input.metrics, "metrics");
  checkVariants(input, metrics);
  const { control } = input;
  const controlIndex = input.variants.findIndex((v) => v.name === control);
  const users = input.variants.map((v) => v.users ?? Math.max(0, ...metrics.map((m) => v.records[m.id]?.length ?? 0)));
  const estimates: ArmMetricEstimate[] = [];
  const comparisons: ComparisonResult[] = [];
  for (const metric of metrics) {
    const { arms, cuped } = estimateArms(input, metric);
    input.variants.forEach((variant, i) => estimates.push(armResult(variant.name, metric, arms[i], users[i], resolved.level)));
    input.variants.forEach((variant, i) => {
      if (i === controlIndex) return;
      const names = { treatment: variant.name, control };
      const before = previous?.comparisons.find(
        (c) => c.status === "ok" && c.treatment === names.treatment && c.control === control && c.metricId === metric.id,
      );
      const sequential = before?.status === "ok" ? before.sequential : undefined;
      comparisons.push(compare(names, metric, { treatment: arms[i], control: arms[controlIndex], cuped }, resolved, sequential));
    });
  }
  const srm = { variants: input.variants.map((v) => v.name), ...checkSampleRatio(users, input.variants.map((v) => v.weight), resolved.srmThreshold) };
  const treatments = input.variants.filter((_, i) => i !== controlIndex).map((v) => v.name);
  const summary = summarizeExperiment({ treatments, metrics, comparisons, srm });
  return { control, level: resolved.level, alpha: resolved.alpha, metrics, estimates, comparisons, srm, summary };
}
