import type { Look } from "./useExperimentResults.ts";

/** One look's treatment − control difference: the estimate and the always-valid confidence sequence. */
export interface DifferencePoint {
  at: number;
  estimate: number;
  low: number;
  high: number;
}

/** Per treatment, the difference on this metric at every look that could compute it, oldest first. */
export function differenceSeries(looks: Look[], metricId: string): Map<string, DifferencePoint[]> {
  const series = new Map<string, DifferencePoint[]>();
  for (const look of looks) {
    for (const c of look.analysis?.comparisons ?? []) {
      if (c.metricId !== metricId || c.status !== "ok") continue;
      const points = series.get(c.treatment) ?? [];
      points.push({ at: look.at, estimate: c.difference.estimate, low: c.sequential.low, high: c.sequential.high });
      series.set(c.treatment, points);
    }
  }
  return series;
}
