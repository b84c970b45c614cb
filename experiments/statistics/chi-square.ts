import { regularizedGammaQ } from "./incomplete-gamma.ts";

/** P(χ²_df ≥ x), the chi-square survival function (the p-value of a chi-square statistic x). */
export function chiSquareSurvival(x: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0)) throw new RangeError(`chi-square needs degrees of freedom > 0, got ${degreesOfFreedom}`);
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(degreesOfFreedom / 2, x / 2);
}
