import type { MetricDefinition } from "../../../experiments/statistics/analysis-schema.ts";

const ROLES: MetricDefinition["role"][] = ["primary", "guardrail", "secondary"];

/** Metrics in reading order: the primary first, then the guardrails, then the secondary ones. */
export const inRoleOrder = <M extends Pick<MetricDefinition, "role">>(metrics: M[]): M[] => ROLES.flatMap((role) => metrics.filter((m) => m.role === role));
