import { describe, expect, it } from "vitest";
import { createRandom } from "../../models/seeded-random.ts";
import type { UserRecord } from "./analysis-schema.ts";
import { absoluteDifference } from "./arm-comparison.ts";
import { EMPTY_MOMENTS, mergeMoments, momentsOf, type ArmMoments } from "./moments.ts";
import { estimateFromMoments } from "./ratio-delta.ts";
import { confidenceHalfWidth, defaultTau2, mixtureLogLikelihoodRatio, sequentialLook, type SequentialState } from "./sequential.ts";
import { fillClickUsers, fillSkewedUsers } from "./simulated-users.ts";

const ALPHA = 0.05;
const LOOKS = 20;
const BATCH = 100;

/** Binomial Monte-Carlo slack: 3 standard deviations of a rate near p over `runs` runs. */
const slack = (p: number, runs: number) => 3 * Math.sqrt((p * (1 - p)) / runs);

type Fill = (random: () => number, out: UserRecord[], n: number, arm: 0 | 1) => UserRecord[];

interface PeekingOutcome {
  /** share of runs in which the always-valid p-value ever fell below α */
  sequentialRejected: number;
  /** share of runs in which the fixed-horizon p-value, recomputed at every look, ever fell below α */
  naiveRejected: number;
  /** share of runs whose confidence sequence held the true difference at every look */
  covered: number;
}

/** Runs experiments in which users arrive in batches and the analyst looks after every batch. */
function peek(runs: number, seed: number, fill: Fill, trueDifference: number): PeekingOutcome {
  const random = createRandom(seed);
  const batch: UserRecord[] = [];
  let sequentialRejected = 0;
  let naiveRejected = 0;
  let covered = 0;
  for (let run = 0; run < runs; run++) {
    const moments: [ArmMoments, ArmMoments] = [EMPTY_MOMENTS, EMPTY_MOMENTS];
    let state: SequentialState | null = null;
    let naive = false;
    let coveredEveryLook = true;
    for (let look = 0; look < LOOKS; look++) {
      for (const arm of [0, 1] as const) moments[arm] = mergeMoments(moments[arm], momentsOf(fill(random, batch, BATCH, arm)));
      const control = estimateFromMoments(moments[0]);
      const treatment = estimateFromMoments(moments[1]);
      const difference = absoluteDifference(control, treatment);
      if (difference.pValue < ALPHA) naive = true;
      const tau2: number = state?.tau2 ?? defaultTau2(control, treatment);
      state = sequentialLook(state, { difference: difference.estimate, variance: difference.standardError ** 2 }, { alpha: ALPHA, tau2 });
      if (!(state.low <= trueDifference && trueDifference <= state.high)) coveredEveryLook = false;
    }
    if (state!.pValue < ALPHA) sequentialRejected++;
    if (naive) naiveRejected++;
    if (coveredEveryLook) covered++;
  }
  return { sequentialRejected: sequentialRejected / runs, naiveRejected: naiveRejected / runs, covered: covered / runs };
}

const clicks = (ctrs: [number, number]): Fill => (random, out, n, arm) => fillClickUsers(random, out, n, { ctr: ctrs[arm], impressions: 5 });
const skewed = (means: [number, number]): Fill => (random, out, n, arm) => fillSkewedUsers(random, out, n, means[arm]);

describe("mixture SPRT", () => {
  it("has likelihood ratio below 1 at a zero difference and the interval edge exactly at 1/α", () => {
    expect(mixtureLogLikelihoodRatio(0, 1, 1)).toBeCloseTo(0.5 * Math.log(0.5), 12);
    const w = confidenceHalfWidth(0.04, 0.5, 0.05);
    expect(mixtureLogLikelihoodRatio(0.3 + w, 0.04, 0.5, 0.3)).toBeCloseTo(Math.log(20), 10);
  });

  it("keeps the minimum p-value and intersects intervals across looks", () => {
    const first = sequentialLook(null, { difference: 1, variance: 0.1 }, { alpha: 0.05, tau2: 1 });
    const second = sequentialLook(first, { difference: 0, variance: 0.05 }, { alpha: 0.05, tau2: 1 });
    expect(second.looks).toBe(2);
    expect(second.pValue).toBe(first.pValue);
    expect(second.low).toBeGreaterThanOrEqual(first.low);
    expect(second.high).toBeLessThanOrEqual(first.high);
    expect(() => sequentialLook(first, { difference: 0, variance: 0.05 }, { alpha: 0.1, tau2: 1 })).toThrow(/keep alpha and tau2/);
  });

  it("treats a zero-variance look as carrying no information: p = 1, and later looks do not intersect with it", () => {
    const blank = sequentialLook(null, { difference: 0, variance: 0 }, { alpha: 0.05, tau2: 0 });
    expect(blank).toMatchObject({ pValue: 1, low: 0, high: 0, tau2: 0 });
    expect(sequentialLook(null, { difference: 2, variance: 0 }, { alpha: 0.05, tau2: 0 })).toMatchObject({ pValue: 1, low: 2, high: 2 });
    const real = sequentialLook(blank, { difference: 0.5, variance: 0.01 }, { alpha: 0.05, tau2: 0.01 });
    expect(real.looks).toBe(2);
    expect(real.low).toBeLessThan(0.5);
    expect(real.high).toBeGreaterThan(0.5); // not stuck at the blank look's point 0
    // and a blank look after an informative one changes nothing but the count
    expect(sequentialLook(real, { difference: 0, variance: 0 }, { alpha: 0.05, tau2: 0.01 })).toEqual({ ...real, looks: 3 });
  });
});

describe("peeking after each of 20 batches of 100 users per arm", () => {
  it.each([
    { name: "click-through (ratio metric)", fill: clicks([0.1, 0.1]) },
    { name: "skewed per-user values (mean metric)", fill: skewed([1, 1]) },
  ])("A/A, $name: the always-valid p-value keeps the false-positive rate at α while naive peeking inflates it", ({ name, fill }) => {
    const runs = 1000;
    const outcome = peek(runs, 20240611, fill, 0);
    console.log(`A/A ${name}: always-valid rejected ${outcome.sequentialRejected}, naive rejected ${outcome.naiveRejected}`);
    expect(outcome.sequentialRejected).toBeLessThanOrEqual(ALPHA + slack(ALPHA, runs));
    // with 20 looks the fixed-horizon test rejects a true null in roughly a quarter of the runs
    expect(outcome.naiveRejected).toBeGreaterThan(ALPHA + 3 * slack(ALPHA, runs));
  });

  it.each([
    { name: "click-through 10% vs 11%", fill: clicks([0.1, 0.11]), truth: 0.01 },
    { name: "skewed means 1.0 vs 1.1", fill: skewed([1, 1.1]), truth: 0.1 },
  ])("known effect, $name: the confidence sequence holds the true difference at every look in at least 1 − α of runs", ({ name, fill, truth }) => {
    const outcome = peek(1000, 77, fill, truth);
    console.log(`effect ${name}: covered at every look ${outcome.covered}, detected ${outcome.sequentialRejected}`);
    expect(outcome.covered).toBeGreaterThanOrEqual(1 - ALPHA);
  });

  it("detects a clear effect (click-through 10% vs 12%) in most runs", () => {
    const outcome = peek(500, 5, clicks([0.1, 0.12]), 0.02);
    console.log(`power at 10% vs 12%, 2000 users per arm: ${outcome.sequentialRejected}`);
    expect(outcome.sequentialRejected).toBeGreaterThan(0.6);
  });
});
