/** Stable codes of what can stop a statistical analysis. */
export type StatisticsErrorCode =
  /** a record holds a non-finite number, a negative denominator, or a mean metric has a denominator other than 1 */
  | "invalid_record"
  /** an arm has fewer than 2 users, so its variance cannot be estimated */
  | "too_few_users"
  /** an arm's denominators sum to 0, so its ratio is undefined */
  | "zero_denominator"
  /** arguments that do not fit together (unknown control, mismatched lengths, bad weights, …) */
  | "invalid_input";

/** Codes that describe the data rather than a mistake by the caller: the analysis reports them per metric. */
export const DATA_CONDITION_CODES: readonly StatisticsErrorCode[] = ["too_few_users", "zero_denominator"];

/** Why a statistic cannot be computed, in words a person can act on. */
export class StatisticsError extends Error {
  override readonly name = "StatisticsError";
  constructor(
    readonly code: StatisticsErrorCode,
    message: string,
  ) {
    super(message);
  }
}
