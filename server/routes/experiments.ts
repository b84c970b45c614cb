import { z } from "zod";
import { ExperimentMetricId, METRICS } from "../../experiments/metrics/metric-catalog.ts";
import { MetricDefinition } from "../../experiments/statistics/analysis-schema.ts";
import { ExperimentAction, ExperimentDefinition, ExperimentRecord, ExperimentResults, ExperimentSnapshot } from "../../schemas/experiment.ts";
import { SimulationResult } from "../../experiments/simulated/simulation-result.ts";
import { Scenario } from "../../schemas/simulated-session.ts";
import { ApiRouter } from "../api-router.ts";
import type { ServerDeps } from "../server-deps.ts";

const MetricInfo = MetricDefinition.pick({ label: true, kind: true, direction: true, format: true }).extend({ id: ExperimentMetricId, description: z.string() });
const ActionRequest = z.object({ action: ExperimentAction });
const SimulateRequest = z.object({
  sessions: z.int().min(2).max(2000).default(100).describe("Simulated users; each runs under every variant"),
  seed: z.int().default(1),
  scenario: Scenario.default("MR"),
});
const HISTORY = 120;

/** A/B experiments of graph variants: define, start, pause, stop, and read their results (analysts only). */
export function experimentsRouter(deps: ServerDeps): ApiRouter {
  const { experiments } = deps;
  return new ApiRouter("/api/experiments", "experiments", deps.checkResponses)
    .add({ method: "get", path: "/", summary: "Every experiment, newest first", access: "analyst", response: z.array(ExperimentRecord) }, () => deps.store.experiments.list())
    .add({ method: "get", path: "/metrics", summary: "Metrics an experiment can use as primary metric or guardrail", access: "public", response: z.array(MetricInfo) }, () =>
      ExperimentMetricId.options.map((id) => {
        const { label, description, kind, direction, format } = METRICS[id];
        return { id, label, description, kind, direction, format };
      }))
    .add({ method: "post", path: "/", summary: "Draft an experiment: two or more variants pinning saved graph versions (the first is the control)", access: "analyst", body: ExperimentDefinition, response: ExperimentRecord, status: 201 }, ({ body }) => experiments.create(body))
    .add({ method: "get", path: "/:id", summary: "One experiment", access: "analyst", response: ExperimentRecord }, ({ params }) => experiments.mustGet(params.id))
    .add({ method: "put", path: "/:id", summary: "Replace a draft's definition (started experiments cannot change)", access: "analyst", body: ExperimentDefinition, response: ExperimentRecord }, ({ params, body }) => experiments.update(params.id, body))
    .add({ method: "post", path: "/:id/actions", summary: "start, pause, resume or stop", access: "analyst", body: ActionRequest, response: ExperimentRecord }, ({ params, body }) => experiments.act(params.id, body.action))
    .add({ method: "get", path: "/:id/results", summary: "A fresh look (metrics per variant, differences with intervals, always-valid p-values, SRM, decisions) and earlier looks", access: "analyst", response: ExperimentResults }, async ({ params }) => {
      const experiment = await experiments.mustGet(params.id);
      const [latest, history] = await Promise.all([experiments.look(params.id, { store: false }), deps.store.experiments.listSnapshots(params.id, HISTORY)]);
      return { experiment, latest, history: history.map(({ experimentId: _, ...look }) => look) };
    })
    .add({ method: "post", path: "/:id/simulate", summary: "Run the variants offline on simulated users (paired, same random numbers) and analyse them like live traffic", access: "analyst", body: SimulateRequest, response: SimulationResult }, async ({ params, body }) =>
      deps.simulator.simulate(await experiments.mustGet(params.id), body))
    .add({ method: "get", path: "/:id/simulation", summary: "The experiment's latest simulation (null if none)", access: "analyst", response: SimulationResult.nullable() }, async ({ params }) => {
      await experiments.mustGet(params.id);
      return deps.simulator.latest(params.id);
    })
    .add({ method: "post", path: "/:id/looks", summary: "Take a look now and keep it in the history (the server also does so when data arrives)", access: "analyst", response: ExperimentSnapshot, status: 201 }, ({ params }) => experiments.look(params.id, { store: true }));
}
