/**
 * CUPED (Deng, Xu, Kohavi & Walker 2013): subtract θ·(X − mean X) from each user's metric, where X is a covariate
 * measured before exposure and so independent of the assignment. The arm estimate stays unbiased and its variance
 * shrinks by the share of variance the covariate explains (ρ² for a single covariate).
 *
 * Ratio metrics are adjusted on their linearized per-user metric l = (y − R·x)/μ_X, whose mean tracks R̂ − R and
 * whose variance / n is the delta-method variance (Deng, Knoblich & Lu 2018, "Applying the delta method in metric
 * analytics"); mean metrics are the case x = 1, where l = y − ȳ. Hence the adjusted arm value is
 * R̂ − θ·(X̄_arm − X̄) and its variance Var(l − θX)/n.
 *
 * θ = Σ_arms Σ_users (l − l̄)(X − X̄_arm) / Σ_arms Σ_users (X − X̄_arm)²: within-arm sums pooled across arms, so a
 * treatment effect cannot leak into θ. Users without `pre` get the pooled covariate mean: they contribute nothing to
 * the adjustment and are otherwise analysed as usual.
 */
import type { UserRecord } from "./analysis-schema.ts";
import { linearize, type ArmEstimate } from "./ratio-delta.ts";

export interface CupedArmInput {
  records: readonly UserRecord[];
  /** the arm's unadjusted estimate of the same records */
  estimate: ArmEstimate;
}

export interface CupedArm {
  value: number;
  variance: number;
  standardError: number;
  /** 1 − adjusted variance / unadjusted variance (negative if the adjustment hurt) */
  varianceReduction: number;
}

export interface CupedResult {
  theta: number;
  /** pooled mean of the covariate, also given to users without one */
  covariateMean: number;
  usersWithCovariate: number;
  arms: CupedArm[];
}

interface ArmSums {
  meanCovariate: number;
  sll: number;
  slp: number;
  spp: number;
}

function armSums(input: CupedArmInput, covariateMean: number): ArmSums {
  const { records } = input;
  const l = linearize(records, input.estimate);
  const p = Float64Array.from(records, (r) => r.pre ?? covariateMean);
  const n = records.length;
  let meanL = 0;
  let meanP = 0;
  for (let i = 0; i < n; i++) {
    meanL += l[i];
    meanP += p[i];
  }
  meanL /= n;
  meanP /= n;
  let sll = 0;
  let slp = 0;
  let spp = 0;
  for (let i = 0; i < n; i++) {
    const dl = l[i] - meanL;
    const dp = p[i] - meanP;
    sll += dl * dl;
    slp += dl * dp;
    spp += dp * dp;
  }
  return { meanCovariate: meanP, sll, slp, spp };
}

/**
 * CUPED-adjusted estimates of every arm with one pooled θ. Null when no user has a covariate or it does not vary
 * within any arm (nothing to adjust with).
 */
export function cupedAdjust(arms: readonly CupedArmInput[]): CupedResult | null {
  let usersWithCovariate = 0;
  let covariateSum = 0;
  for (const arm of arms) {
    for (const record of arm.records) {
      if (record.pre === undefined) continue;
      usersWithCovariate++;
      covariateSum += record.pre;
    }
  }
  if (usersWithCovariate === 0) return null;
  const covariateMean = covariateSum / usersWithCovariate;
  const sums = arms.map((arm) => armSums(arm, covariateMean));
  const spp = sums.reduce((s, a) => s + a.spp, 0);
  if (!(spp > 0)) return null;
  const theta = sums.reduce((s, a) => s + a.slp, 0) / spp;
  return {
    theta,
    covariateMean,
    usersWithCovariate,
    arms: arms.map(({ estimate }, i) => {
      const { meanCovariate, sll, slp, spp: armSpp } = sums[i];
      const n = estimate.users;
      const variance = Math.max(0, sll - 2 * theta * slp + theta * theta * armSpp) / ((n - 1) * n);
      return {
        value: estimate.value - theta * (meanCovariate - covariateMean),
        variance,
        standardError: Math.sqrt(variance),
        varianceReduction: estimate.variance > 0 ? 1 - variance / estimate.variance : 0,
      };
    }),
  };
}

/** Variance reduction of a treatment − control difference: 1 − (v_T′ + v_C′) / (v_T + v_C). */
export function differenceVarianceReduction(control: { before: number; after: number }, treatment: { before: number; after: number }): number {
  const before = control.before + treatment.before;
  return before > 0 ? 1 - (control.after + treatment.after) / before : 0;
}
