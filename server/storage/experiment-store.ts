import type { ExperimentActivityRows } from "../../experiments/live/activity-rows.ts";
import type { ExperimentDefinition, ExperimentRecord, ExperimentSnapshot, ExperimentStatus, ExposureCount } from "../../schemas/experiment.ts";

/** Experiments as stored: definitions and status, enrolment counts, analysis inputs, and snapshots of analyses. */
export interface ExperimentStore {
  create(definition: ExperimentDefinition, id?: string): Promise<ExperimentRecord>;
  get(id: string): Promise<ExperimentRecord | null>;
  /** newest first */
  list(): Promise<ExperimentRecord[]>;
  /** Replaces a draft's definition; an experiment that has started cannot change (CONFLICT). */
  update(id: string, definition: ExperimentDefinition): Promise<ExperimentRecord>;
  setStatus(id: string, status: ExperimentStatus, at: number): Promise<ExperimentRecord>;
  /** Running experiments, oldest first. */
  running(): Promise<ExperimentRecord[]>;
  exposureCounts(id: string): Promise<ExposureCount[]>;
  activity(id: string): Promise<ExperimentActivityRows>;
  addSnapshot(snapshot: ExperimentSnapshot): Promise<void>;
  /** The latest `limit` snapshots, oldest first. */
  listSnapshots(id: string, limit: number): Promise<ExperimentSnapshot[]>;
}
