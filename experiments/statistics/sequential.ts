/**
 * Always-valid inference by the mixture sequential probability ratio test (mSPRT; Johari, Pekelis & Walsh 2017,
 * "Always valid inference"). With an asymptotically normal estimate Δ̂ of the treatment − control difference whose
 * variance is V at the current look, and a N(θ₀, τ²) mixture over the alternative, the likelihood ratio is
 *
 *   Λ(θ₀) = √(V / (V + τ²)) · exp( (Δ̂ − θ₀)² τ² / (2V(V + τ²)) ).
 *
 * Λ(θ₀) is a martingale under θ₀ (exactly for a known V, approximately with V estimated), so by Ville's inequality P(Λ ever ≥ 1/α) ≤ α: the running minimum of 1/Λ(0) is a
 * p-value that stays valid however often and whenever the analyst looks, and {θ₀ : Λ(θ₀) < 1/α}, intersected over
 * looks, covers the true difference at every look at once with probability ≥ 1 − α. The difference may come from
 * means or from delta-method ratio estimates; V is plugged in from the data at each look.
 */
import { DEFAULT_EFFECT_SCALE, type SequentialResult } from "./analysis-schema.ts";
import { StatisticsError } from "./statistics-error.ts";

/**
 * What carries from one look to the next (the first look starts from null): τ² is fixed at the first look so every
 * look tests the same mixture (a τ² of 0, chosen before there was any variance, may be re-chosen); p is the minimum
 * of 1/Λ(0) over looks, at most 1; [low, high] the intersection of every look's interval.
 */
export type SequentialState = SequentialResult;

export interface SequentialLook {
  /** treatment − control at this look */
  difference: number;
  /** variance of that difference at this look */
  variance: number;
}

/**
 * Default τ² = (0.1·σ)², σ² being the per-user variance of the metric pooled over both arms (n·Var of each arm's
 * estimate). The mSPRT has most power against effects of roughly τ, and product changes typically move a metric by
 * a few hundredths to a few tenths of a per-user standard deviation; the choice only matters logarithmically.
 */
export function defaultTau2(
  control: { users: number; variance: number },
  treatment: { users: number; variance: number },
  effectScale = DEFAULT_EFFECT_SCALE,
): number {
  const perUserVariance = (control.users * control.variance + treatment.users * treatment.variance) / 2;
  return effectScale ** 2 * perUserVariance;
}

/** ln Λ(θ₀) of the normal-mixture SPRT. */
export function mixtureLogLikelihoodRatio(difference: number, variance: number, tau2: number, nullValue = 0): number {
  if (!(variance > 0) || !(tau2 > 0)) throw new RangeError(`the mSPRT needs variance > 0 and tau2 > 0, got ${variance} and ${tau2}`);
  const gap = difference - nullValue;
  return 0.5 * Math.log(variance / (variance + tau2)) + (gap * gap * tau2) / (2 * variance * (variance + tau2));
}

/** Half-width of {θ₀ : Λ(θ₀) < 1/α} around the estimate at one look. */
export function confidenceHalfWidth(variance: number, tau2: number, alpha: number): number {
  return Math.sqrt(((2 * variance * (variance + tau2)) / tau2) * (Math.log(1 / alpha) + 0.5 * Math.log((variance + tau2) / variance)));
}

/**
 * The state after one more look. A look with zero variance (every user identical, e.g. nobody has added to cart yet)
 * carries no information about the effect: it leaves an earlier informative state as it was, and otherwise reports
 * p = 1 around the point estimate with τ² = 0, which marks the state as not yet informative, so the first real look
 * neither intersects with that point nor inherits its τ². Should the intersection of intervals come out empty (an event of
 * probability ≤ α, a sign the model is off), the current look's interval is reported instead.
 */
export function sequentialLook(previous: SequentialState | null, look: SequentialLook, options: { alpha: number; tau2: number }): SequentialState {
  const { alpha, tau2 } = options;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be between 0 and 1, got ${alpha}`);
  if (previous && (previous.alpha !== alpha || (previous.tau2 > 0 && previous.tau2 !== tau2))) {
    throw new StatisticsError(
      "invalid_input",
      `a sequential test must keep alpha and tau2 across looks: earlier looks used alpha ${previous.alpha}, tau2 ${previous.tau2}; this one ${alpha}, ${tau2}`,
    );
  }
  const informative = previous !== null && previous.tau2 > 0;
  const looks = (previous?.looks ?? 0) + 1;
  const { difference, variance } = look;
  if (!(variance > 0) || !(tau2 > 0)) {
    return informative ? { ...previous, looks } : { looks, tau2: 0, alpha, pValue: 1, low: difference, high: difference };
  }
  const pLook = Math.min(1, Math.exp(-mixtureLogLikelihoodRatio(difference, variance, tau2)));
  const halfWidth = confidenceHalfWidth(variance, tau2, alpha);
  let [low, high] = [difference - halfWidth, difference + halfWidth];
  if (informative) {
    const intersectedLow = Math.max(previous.low, low);
    const intersectedHigh = Math.min(previous.high, high);
    if (intersectedLow <= intersectedHigh) [low, high] = [intersectedLow, intersectedHigh];
  }
  return { looks, tau2, alpha, pValue: Math.min(informative ? previous.pValue : 1, pLook), low, high };
}
