/**
 * A simulated A/B experiment, offline and paired: every simulated user runs under every variant with the same seed
 * (so it has the same target, agenda and phrasing) and the same common random numbers for its feedback, so arms
 * differ only where the variants' feeds differ. The arms are then analysed by the statistics library as if they were
 * independent samples (conservative here), and per metric also as paired data (`paired`), which is sharper.
 *
 * Every user is in every arm, so configured weights play no part: the analysis gets equal weights and its
 * sample-ratio check passes by construction.
 */
import { z } from "zod";
import { quantile } from "../../bench/stats.ts";
import { recbotSystem } from "../../evaluation/eval-systems.ts";
import { runInteractiveSession } from "../../evaluation/interactive-session.ts";
import { compileParser, compilePlanner } from "../../graphs/compile-graph.ts";
import { defaultParserSpec, defaultPlannerSpec } from "../../graphs/default-specs.ts";
import type { GraphSpec } from "../../graphs/graph-spec.ts";
import { GraphSpecError } from "../../graphs/graph-spec-error.ts";
import { createRandom, shuffledIndices } from "../../models/seeded-random.ts";
import type { Agents } from "../../runtime/agents.ts";
import type { Scenario } from "../../schemas/simulated-session.ts";
import type { HeldOutCase } from "../../simulation/holdout.ts";
import { SCENARIOS } from "../../simulation/scenarios.ts";
import type { ToolContext } from "../../tools/tool-context.ts";
import { DEFAULT_GUARDRAILS, ExperimentMetricId, metricDefinitions, recordsOf } from "../metrics/metric-catalog.ts";
import type { UserActivity } from "../metrics/user-activity.ts";
import { AnalysisOptions, type MetricDefinition, type UserRecord } from "../statistics/analysis-schema.ts";
import { analyzeExperiment } from "../statistics/analyze-experiment.ts";
import { DATA_CONDITION_CODES, StatisticsError } from "../statistics/statistics-error.ts";
import { pairedDifference } from "./paired-difference.ts";
import { sessionActivity } from "./session-activity.ts";
import type { PairedComparison, SimulatedVariantSummary, SimulationResult } from "./simulation-result.ts";

export interface SimulatedVariant {
  name: string;
  weight: number;
  /** absent: the shipped default Parser */
  parser?: GraphSpec;
  /** absent: the shipped default Planner */
  planner?: GraphSpec;
}

export interface SimulationRequest {
  /** tools and models over the training catalog, and the held-out cases (as `prepareHeldOut` returns them) */
  ctx: ToolContext;
  cases: HeldOutCase[];
  variants: SimulatedVariant[];
  control: string;
  primary: ExperimentMetricId;
  /** default: DEFAULT_GUARDRAILS without the primary metric */
  guardrails?: ExperimentMetricId[];
  /** simulated users (fewer when fewer cases fit the scenario) */
  sessions: number;
  /** default MR */
  scenario?: Scenario;
  seed: number;
  /** items per feed; default 10 */
  k?: number;
  analysis?: AnalysisOptions;
  /** called after each (user, variant) session */
  progress?: (done: number, total: number) => void;
  /** the clock latencies are read from (ms); default `performance.now` */
  now?: () => number;
}

/** The first thing wrong with the request, before any user is simulated. */
function requestProblem(request: SimulationRequest): string | undefined {
  const names = request.variants.map((v) => v.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  const weightless = request.variants.filter((v) => !(v.weight > 0));
  const unknown = [request.primary, ...(request.guardrails ?? [])].filter((id) => !ExperimentMetricId.safeParse(id).success);
  const options = AnalysisOptions.safeParse(request.analysis ?? {});
  if (names.length < 2) return `an experiment needs at least 2 variants, got ${names.length}`;
  if (twice !== undefined) return `variant names must be unique; "${twice}" appears twice`;
  if (!names.includes(request.control)) return `control "${request.control}" is not a variant; variants are ${names.join(", ")}`;
  if (weightless.length) return `variant weights must be positive; ${weightless.map((v) => `${v.name} has ${v.weight}`).join(", ")}`;
  if (unknown.length) return `unknown metric ${unknown.map((id) => `"${id}"`).join(", ")}; metrics are ${ExperimentMetricId.options.join(", ")}`;
  if (!Number.isInteger(request.sessions) || request.sessions < 1) return `sessions must be a positive whole number, got ${request.sessions}`;
  if (!options.success) return `analysis options: ${z.prettifyError(options.error)}`;
  return undefined;
}

function compileVariant(variant: SimulatedVariant, ctx: ToolContext): Agents {
  try {
    return { parser: compileParser(variant.parser ?? defaultParserSpec(), ctx), planner: compilePlanner(variant.planner ?? defaultPlannerSpec(), ctx) };
  } catch (e) {
    if (e instanceof GraphSpecError) throw new GraphSpecError(e.code, `variant ${variant.name}: ${e.message}`, { nodeId: e.nodeId, edgeId: e.edgeId });
    throw e;
  }
}

function pairedComparisons(metrics: MetricDefinition[], records: Record<string, UserRecord[]>[], names: string[], control: string, level: number): PairedComparison[] {
  const c = names.indexOf(control);
  return metrics.flatMap((metric) =>
    names.flatMap((treatment, t): PairedComparison[] => {
      if (t === c) return [];
      const key = { treatment, control, metricId: metric.id as ExperimentMetricId };
      const users = records[c][metric.id].length;
      try {
        const difference = pairedDifference(records[c][metric.id], records[t][metric.id], { kind: metric.kind, level, where: `${treatment} − ${control} (${metric.label})` });
        return [{ status: "ok", ...key, users, difference }];
      } catch (e) {
        if (e instanceof StatisticsError && DATA_CONDITION_CODES.includes(e.code)) return [{ status: "unavailable", ...key, users, reason: e.message }];
        throw e;
      }
    }),
  );
}

/** Runs the experiment on simulated users and analyses it; throws `StatisticsError` or `GraphSpecError` for a bad request. */
export async function simulateExperiment(request: SimulationRequest): Promise<SimulationResult> {
  const problem = requestProblem(request);
  if (problem) throw new StatisticsError("invalid_input", problem);
  const { ctx, cases, seed, variants, control } = request;
  const scenario = request.scenario ?? "MR";
  const k = request.k ?? 10;
  const guardrails = request.guardrails ?? DEFAULT_GUARDRAILS.filter((id) => id !== request.primary);
  const agents = variants.map((v) => compileVariant(v, ctx));
  const systems = variants.map((v, i) => recbotSystem(v.name, agents[i], ctx));
  // the same users in the same seeded order as `recbot eval` draws them
  const fits = SCENARIOS[scenario].targets;
  const chosen = shuffledIndices(cases.length, createRandom(seed)).filter((n) => cases[n].targets.length >= fits).slice(0, request.sessions);
  if (chosen.length === 0) throw new StatisticsError("invalid_input", `no held-out user has the ${fits} target${fits === 1 ? "" : "s"} scenario ${scenario} needs`);
  const activities: UserActivity[][] = variants.map(() => []);
  const latencies: number[][] = variants.map(() => []);
  const total = chosen.length * variants.length;
  let done = 0;
  for (const n of chosen) {
    const heldOut = cases[n];
    for (const [v, system] of systems.entries()) {
      const session = (await runInteractiveSession({
        id: `${scenario.toLowerCase()}-${seed}-${heldOut.user}`, scenario, index: ctx.index, heldOut, seed: seed * 100_003 + n, system, k, now: request.now,
      }))!;
      activities[v].push(sessionActivity(session, variants[v].name, ctx));
      for (const turn of session.turns) if (turn.command !== undefined) latencies[v].push(turn.latencyMs);
      request.progress?.(++done, total);
    }
    // a server runs this on its event loop: let requests through between users
    await new Promise((resolve) => setImmediate(resolve));
  }
  const metrics = metricDefinitions(request.primary, guardrails);
  const records = activities.map((users) => recordsOf(users));
  const analysis = analyzeExperiment(
    { control, metrics, variants: variants.map((v, i) => ({ name: v.name, weight: 1, users: chosen.length, records: records[i] })) },
    request.analysis,
  );
  const summaries: SimulatedVariantSummary[] = variants.map((v, i) => ({
    name: v.name, weight: v.weight, parser: agents[i].parser.spec.name, planner: agents[i].planner.spec.name, users: chosen.length,
    turns: latencies[i].length, p95LatencyMs: latencies[i].length ? quantile(latencies[i], 0.95) : 0,
  }));
  const names = variants.map((v) => v.name);
  return {
    catalog: ctx.catalog.ref, seed, sessions: chosen.length, scenario, k, control, primary: request.primary, guardrails,
    variants: summaries, analysis, paired: pairedComparisons(metrics, records, names, control, analysis.level), activities: activities.flat(),
  };
}
