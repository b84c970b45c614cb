import type { MetricKind, UserRecord } from "./analysis-schema.ts";
import { StatisticsError } from "./statistics-error.ts";

/**
 * Throws `invalid_record` naming the record when it cannot be part of a metric of this kind. Records are checked
 * here rather than by zod so that large arrays are validated in the same pass that sums them.
 */
export function checkRecord(record: UserRecord, index: number, where: string, kind: MetricKind = "ratio"): void {
  const { numerator, denominator, pre } = record;
  const problem = !Number.isFinite(numerator)
    ? `numerator must be a finite number, got ${numerator}`
    : kind === "mean" && denominator !== 1
      ? `a mean metric needs denominator 1 for every user, got ${denominator} (define the metric as a ratio instead)`
      : !Number.isFinite(denominator) || denominator < 0
        ? `denominator must be a finite number >= 0, got ${denominator}`
        : pre !== undefined && !Number.isFinite(pre)
          ? `pre must be a finite number when present, got ${pre}`
          : undefined;
  if (problem) throw new StatisticsError("invalid_record", `${where}, user record ${index}: ${problem}`);
}
