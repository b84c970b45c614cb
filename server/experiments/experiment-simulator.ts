import { simulateExperiment } from "../../experiments/simulated/simulate-experiment.ts";
import { SimulationResult } from "../../experiments/simulated/simulation-result.ts";
import { StatisticsError } from "../../experiments/statistics/statistics-error.ts";
import type { ExperimentRecord } from "../../schemas/experiment.ts";
import type { Scenario } from "../../schemas/simulated-session.ts";
import { holdOut, type HeldOutCase } from "../../simulation/holdout.ts";
import { SCENARIOS } from "../../simulation/scenarios.ts";
import { AppError } from "../app-error.ts";
import type { CatalogSet } from "../catalog-set.ts";
import type { GraphRegistry } from "../graph-registry.ts";
import type { Store } from "../storage/store.ts";

export interface SimulateOptions {
  sessions: number;
  seed: number;
  scenario: Scenario;
}

const settingKey = (id: string) => `experiment-simulation:${id}`;

/**
 * Runs an experiment's variants offline on simulated users of its catalog (every user under every variant), one
 * simulation at a time per server, and keeps the latest result per experiment. The simulated users' targets come
 * from the catalog's own interactions; models are the live ones, so the run is quick, and since every variant sees
 * the same users the comparison stays fair (for leakage-free absolute numbers use `recbot eval`).
 */
export class ExperimentSimulator {
  private busy: string | null = null;
  private readonly cases = new Map<string, HeldOutCase[]>();

  constructor(private readonly store: Store, private readonly graphs: GraphRegistry, private readonly catalogs: CatalogSet) {}

  async simulate(experiment: ExperimentRecord, options: SimulateOptions): Promise<SimulationResult> {
    if (this.busy) throw new AppError(409, "CONFLICT", `a simulation of experiment \`${this.busy}\` is running; try again when it ends`);
    this.busy = experiment.name;
    try {
      const holder = this.catalogs.get(experiment.catalog);
      const { catalog, context } = holder.require();
      const targets = SCENARIOS[options.scenario].targets;
      const key = `${this.catalogs.idOf(holder)}:${targets}`;
      if (!this.cases.has(key)) this.cases.set(key, holdOut(catalog, { targets }).cases);
      const variants = await Promise.all(experiment.variants.map(async (v) => ({
        name: v.name,
        weight: v.weight,
        parser: v.graphs.parser ? (await this.graphs.resolve("parser", v.graphs.parser)).spec : undefined,
        planner: v.graphs.planner ? (await this.graphs.resolve("planner", v.graphs.planner)).spec : undefined,
      })));
      const result = await simulateExperiment({
        ctx: context, cases: this.cases.get(key)!, variants, control: experiment.variants[0].name, primary: experiment.primaryMetric,
        guardrails: experiment.guardrails, sessions: options.sessions, scenario: options.scenario, seed: options.seed,
      });
      await this.store.setSetting(settingKey(experiment.id), JSON.stringify(result));
      return result;
    } catch (error) {
      if (error instanceof StatisticsError) throw new AppError(400, "VALIDATION_FAILED", error.message);
      throw error;
    } finally {
      this.busy = null;
    }
  }

  /** The experiment's latest simulation, if it had one. */
  async latest(experimentId: string): Promise<SimulationResult | null> {
    const text = await this.store.getSetting(settingKey(experimentId));
    return text ? SimulationResult.parse(JSON.parse(text)) : null;
  }
}
