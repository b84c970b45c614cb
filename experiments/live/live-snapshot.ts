import { quantile } from "../../bench/stats.ts";
import type { ConstraintContext } from "../../evaluation/constraint-satisfaction.ts";
import type { ExperimentRecord, ExperimentSnapshot, ExposureCount } from "../../schemas/experiment.ts";
import { metricDefinitions, recordsOf } from "../metrics/metric-catalog.ts";
import type { UserActivity } from "../metrics/user-activity.ts";
import type { ExperimentAnalysis } from "../statistics/analysis-schema.ts";
import { analyzeExperiment } from "../statistics/analyze-experiment.ts";
import { StatisticsError } from "../statistics/statistics-error.ts";
import { activityFromRows } from "./activity-from-rows.ts";
import { p95Difference } from "./p95-difference.ts";
import type { ExperimentActivityRows } from "./activity-rows.ts";

export interface SnapshotRequest {
  experiment: ExperimentRecord;
  rows: ExperimentActivityRows;
  ctx: ConstraintContext;
  exposures: ExposureCount[];
  /** the previous look's analysis, which the sequential tests continue from */
  previous: ExperimentAnalysis | null;
  at: number;
}

/**
 * One look at a live experiment: per-user metrics from its stored sessions, the statistics (continuing the previous
 * look's sequential tests), exposure counts and each variant's p95 latency with its difference from the control's
 * (cluster-bootstrap interval: the p95 guardrail, which no per-user mean can express). No analysis until every variant has two
 * users; the snapshot then says what it is waiting for.
 */
export function liveSnapshot(request: SnapshotRequest): ExperimentSnapshot {
  const { experiment, exposures, at } = request;
  const { users, latencies } = activityFromRows(request.rows, request.ctx);
  const perUser = (variant: string) => [...(latencies.get(variant)?.values() ?? [])];
  const control = perUser(experiment.variants[0].name);
  const latency = experiment.variants.map((v, i) => {
    const users = i === 0 ? control : perUser(v.name);
    const ms = users.flat();
    return {
      variant: v.name, p95Ms: ms.length ? quantile(ms, 0.95) : null, turns: ms.length,
      p95DiffMs: i === 0 ? null : p95Difference(control, users, { seed: 1 }),
    };
  });
  const byVariant = new Map<string, UserActivity[]>(experiment.variants.map((v) => [v.name, []]));
  for (const u of users) byVariant.get(u.variant)?.push(u);
  const base = { experimentId: experiment.id, at, exposures: fillCounts(experiment, exposures), latency };
  const short = experiment.variants.filter((v) => byVariant.get(v.name)!.length < 2);
  if (short.length > 0) {
    const counts = experiment.variants.map((v) => `${v.name}: ${byVariant.get(v.name)!.length}`).join(", ");
    return { ...base, analysis: null, waiting: `waiting for at least two users in every variant (${counts})` };
  }
  try {
    const analysis = analyzeExperiment(
      {
        control: experiment.variants[0].name,
        variants: experiment.variants.map((v) => ({ name: v.name, weight: v.weight, users: byVariant.get(v.name)!.length, records: recordsOf(byVariant.get(v.name)!) })),
        metrics: metricDefinitions(experiment.primaryMetric, experiment.guardrails),
      },
      {},
      request.previous ?? undefined,
    );
    return { ...base, analysis, waiting: null };
  } catch (error) {
    if (error instanceof StatisticsError) return { ...base, analysis: null, waiting: error.message };
    throw error;
  }
}

/** Every variant listed, with zeros for those nobody has seen yet. */
function fillCounts(experiment: ExperimentRecord, counts: ExposureCount[]): ExposureCount[] {
  return experiment.variants.map((v) => counts.find((c) => c.variant === v.name) ?? { variant: v.name, users: 0, sessions: 0, exposures: 0 });
}
