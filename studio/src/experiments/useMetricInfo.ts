import { useEffect, useState } from "react";
import type { MetricDefinition } from "../../../experiments/statistics/analysis-schema.ts";
import { api } from "../api.ts";

/** A metric an experiment may use, as GET /api/experiments/metrics describes it. */
export type MetricInfo = Pick<MetricDefinition, "id" | "label" | "kind" | "direction" | "format"> & { description: string };

/** The metrics the server can compute, for the primary-metric and guardrail pickers and the list's labels (the tab fetches them once). */
export function useMetricInfo(): { metrics: MetricInfo[]; error: unknown } {
  const [metrics, setMetrics] = useState<MetricInfo[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    api<MetricInfo[]>("GET", "/api/experiments/metrics").then((m) => !cancelled && setMetrics(m), (e) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, []);
  return { metrics, error };
}
