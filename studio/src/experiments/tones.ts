import type { Recommendation, Verdict } from "../../../experiments/statistics/analysis-schema.ts";
import type { ExperimentStatus } from "../../../schemas/experiment.ts";

/** What a badge's colour says: good news, bad news, a warning, something active, or nothing yet. */
export type Tone = "good" | "bad" | "warn" | "active" | "neutral";

export const statusTone: Record<ExperimentStatus, Tone> = { draft: "neutral", running: "active", paused: "warn", stopped: "neutral" };

export const verdictTone: Record<Verdict, Tone> = { better: "good", worse: "bad", inconclusive: "warn", "no-difference-yet": "neutral", unavailable: "neutral" };

export const recommendationTone: Record<Recommendation["recommendation"], Tone> = { ship: "good", "do-not-ship": "bad", "keep-running": "neutral", investigate: "warn" };

/** One colour per treatment in charts, in variant order. */
export const SERIES_COLOURS = ["#3a6fd8", "#d0722a", "#2e8b57", "#8a4fd0", "#c8323c", "#1a9aa0", "#b07a12"];
