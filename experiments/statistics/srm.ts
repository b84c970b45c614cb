/**
 * Sample-ratio mismatch: a chi-square goodness-of-fit test of the users each variant received against the configured
 * traffic split. A mismatch means assignment or logging is broken, and no metric comparison can then be trusted.
 */
import { DEFAULT_SRM_THRESHOLD } from "./analysis-schema.ts";
import { chiSquareSurvival } from "./chi-square.ts";
import { StatisticsError } from "./statistics-error.ts";

export interface SampleRatioCheck {
  observed: number[];
  expected: number[];
  chiSquare: number;
  degreesOfFreedom: number;
  pValue: number;
  threshold: number;
  mismatch: boolean;
}

/**
 * Tests observed user counts against configured weights (any positive scale; they are normalised). With no users at
 * all there is nothing to test: p = 1, no mismatch.
 */
export function checkSampleRatio(observed: readonly number[], weights: readonly number[], threshold = DEFAULT_SRM_THRESHOLD): SampleRatioCheck {
  if (observed.length !== weights.length || observed.length < 2) {
    const got = `got ${observed.length} counts and ${weights.length} weights`;
    throw new StatisticsError("invalid_input", `a sample-ratio check needs one count and one weight per variant, at least 2; ${got}`);
  }
  if (observed.some((c) => !Number.isInteger(c) || c < 0)) {
    throw new StatisticsError("invalid_input", `user counts must be whole numbers >= 0, got ${observed.join(", ")}`);
  }
  if (weights.some((w) => !(w > 0 && Number.isFinite(w)))) {
    throw new StatisticsError("invalid_input", `traffic weights must be finite and > 0, got ${weights.join(", ")}`);
  }
  const total = observed.reduce((s, c) => s + c, 0);
  const weightTotal = weights.reduce((s, w) => s + w, 0);
  const expected = weights.map((w) => (total * w) / weightTotal);
  const degreesOfFreedom = observed.length - 1;
  let chiSquare = 0;
  if (total > 0) for (let i = 0; i < observed.length; i++) chiSquare += (observed[i] - expected[i]) ** 2 / expected[i];
  const pValue = chiSquareSurvival(chiSquare, degreesOfFreedom);
  return { observed: [...observed], expected, chiSquare, degreesOfFreedom, pValue, threshold, mismatch: pValue < threshold };
}
