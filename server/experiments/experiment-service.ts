import { liveSnapshot } from "../../experiments/live/live-snapshot.ts";
import type { ExperimentAction, ExperimentDefinition, ExperimentRecord, ExperimentSnapshot, ExperimentStatus } from "../../schemas/experiment.ts";
import type { SessionGraphs } from "../storage/records.ts";
import { AppError } from "../app-error.ts";
import type { CatalogSet } from "../catalog-set.ts";
import type { GraphRegistry } from "../graph-registry.ts";
import type { Store } from "../storage/store.ts";
import { assignVariant } from "./assign-variant.ts";

const TRANSITIONS: Record<ExperimentAction, { from: ExperimentStatus[]; to: ExperimentStatus }> = {
  start: { from: ["draft"], to: "running" },
  pause: { from: ["running"], to: "paused" },
  resume: { from: ["paused"], to: "running" },
  stop: { from: ["running", "paused"], to: "stopped" },
};

/** Where a session is enrolled: the experiment, the user's variant and the graphs it pins. */
export interface Enrolment {
  experiment: { id: string; variant: string };
  graphs: SessionGraphs;
}

/**
 * Experiments at run time: validates and changes them, enrols new sessions of a catalog in its running experiment
 * (by a hash of user and experiment), records each feed served to an enrolled session as an exposure, and computes
 * looks at the data. Running experiments are cached, so enrolment costs no query.
 */
export class ExperimentService {
  private running: ExperimentRecord[] = [];
  private readonly dirty = new Set<string>();

  constructor(private readonly store: Store, private readonly graphs: GraphRegistry, private readonly catalogs: CatalogSet, private readonly now: () => number = Date.now) {}

  async load(): Promise<void> {
    this.running = await this.store.experiments.running();
  }

  async create(definition: ExperimentDefinition): Promise<ExperimentRecord> {
    await this.check(definition);
    return this.store.experiments.create(this.pinCatalog(definition));
  }

  async update(id: string, definition: ExperimentDefinition): Promise<ExperimentRecord> {
    await this.check(definition);
    return this.store.experiments.update(id, this.pinCatalog(definition));
  }

  /** "The server's default catalog" is stored as that catalog's id, so a restart with other catalogs cannot move it. */
  private pinCatalog(definition: ExperimentDefinition): ExperimentDefinition {
    return { ...definition, catalog: this.catalogId(definition.catalog) };
  }

  async act(id: string, action: ExperimentAction): Promise<ExperimentRecord> {
    const experiment = await this.mustGet(id);
    const { from, to } = TRANSITIONS[action];
    if (!from.includes(experiment.status)) {
      throw new AppError(409, "CONFLICT", `cannot ${action} experiment \`${experiment.name}\`: it is ${experiment.status} (${action} applies to ${from.join(" or ")} experiments)`);
    }
    if (to === "running") {
      await this.check(experiment);
      const catalog = this.catalogId(experiment.catalog);
      const clash = this.running.find((r) => r.id !== id && this.loadedCatalogId(r.catalog) === catalog);
      if (clash) throw new AppError(409, "CONFLICT", `experiment \`${clash.name}\` is already running on catalog \`${catalog}\`; pause or stop it first (a user takes part in one experiment at a time)`);
    }
    const updated = await this.store.experiments.setStatus(id, to, this.now());
    await this.load();
    this.dirty.add(id);
    return updated;
  }

  /** The enrolment of a new session of this user on this catalog, or null when no experiment runs there. */
  enrol(userId: string, catalog: string | null): Enrolment | null {
    const id = this.catalogId(catalog);
    const experiment = this.running.find((r) => this.loadedCatalogId(r.catalog) === id);
    if (!experiment) return null;
    const variant = assignVariant(userId, experiment);
    return { experiment: { id: experiment.id, variant }, graphs: experiment.variants.find((v) => v.name === variant)!.graphs };
  }

  /** Records a feed served to an enrolled session while its experiment runs (queued with the turn's writes). */
  exposed(session: { id: string; userId: string; experiment: { id: string; variant: string } | null }, turn: number, runId: string): Promise<void> | null {
    const enrolled = session.experiment;
    if (!enrolled || !this.running.some((r) => r.id === enrolled.id)) return null;
    this.dirty.add(enrolled.id);
    return this.store.recordExposure({ experimentId: enrolled.id, variant: enrolled.variant, userId: session.userId, sessionId: session.id, turn, runId, at: this.now() });
  }

  /** Feed events arrived for an enrolled session: its experiment's numbers changed. */
  touched(experimentId: string | undefined): void {
    if (experimentId) this.dirty.add(experimentId);
  }

  /** Experiments whose data changed since the last call. */
  takeDirty(): string[] {
    const ids = [...this.dirty];
    this.dirty.clear();
    return ids;
  }

  /** A look at the experiment's data now, continuing the sequential tests of the last stored look; `store` keeps it. */
  async look(id: string, options: { store: boolean }): Promise<ExperimentSnapshot> {
    const experiment = await this.mustGet(id);
    const [rows, exposures, [last]] = await Promise.all([
      this.store.experiments.activity(id),
      this.store.experiments.exposureCounts(id),
      this.store.experiments.listSnapshots(id, 1),
    ]);
    const { context } = this.catalogs.require(experiment.catalog);
    const snapshot = liveSnapshot({ experiment, rows, ctx: context, exposures, previous: last?.analysis ?? null, at: Math.max(this.now(), (last?.at ?? 0) + 1) });
    if (options.store) await this.store.experiments.addSnapshot(snapshot);
    return snapshot;
  }

  async mustGet(id: string): Promise<ExperimentRecord> {
    const experiment = await this.store.experiments.get(id);
    if (!experiment) throw new AppError(404, "NOT_FOUND", `no experiment \`${id}\`; GET /api/experiments lists them`);
    return experiment;
  }

  /** Every pinned version exists and is of the agent it is pinned for; the catalog exists. */
  private async check(definition: ExperimentDefinition): Promise<void> {
    this.catalogs.get(definition.catalog);
    for (const [i, v] of definition.variants.entries()) {
      for (const kind of ["parser", "planner"] as const) {
        const ref = v.graphs[kind];
        if (!ref) continue;
        try {
          await this.graphs.resolve(kind, ref);
        } catch (error) {
          if (error instanceof AppError) throw new AppError(400, "VALIDATION_FAILED", `variants[${i}] (${v.name}).graphs.${kind}: ${error.message}`);
          throw error;
        }
      }
    }
  }

  private catalogId(catalog: string | null): string {
    return this.catalogs.idOf(this.catalogs.get(catalog));
  }

  /** The id of an experiment's catalog, or null when this server does not load it (the experiment then enrols nobody here). */
  private loadedCatalogId(catalog: string | null): string | null {
    return catalog === null || this.catalogs.holders.has(catalog) ? this.catalogId(catalog) : null;
  }
}
