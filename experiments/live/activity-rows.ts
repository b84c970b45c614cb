/** The raw rows an experiment's analysis is computed from (the live analysis turns them into per-user activity). */
export interface ExperimentActivityRows {
  sessions: { id: string; userId: string; variant: string; createdAt: number }[];
  turns: { sessionId: string; turn: number; memoryJson: string; feedJson: string; runIdsJson: string; at: number }[];
  runs: { id: string; kind: string; startedAt: number; finishedAt: number | null; hasFallback: boolean }[];
  events: { type: string; sessionId: string; itemId: string; at: number }[];
  /** the same users' activity outside the experiment, before it started (for CUPED) */
  pre: {
    sessions: { id: string; userId: string }[];
    turns: ExperimentActivityRows["turns"];
    runs: ExperimentActivityRows["runs"];
    events: ExperimentActivityRows["events"];
  };
}

