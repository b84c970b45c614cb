import { describe, expect, it } from "vitest";
import { createRandom } from "../../models/seeded-random.ts";
import type { UserRecord } from "./analysis-schema.ts";
import { absoluteDifference, normalInterval, relativeLift } from "./arm-comparison.ts";
import { estimateRatio } from "./ratio-delta.ts";
import { fillClickUsers, fillSkewedUsers } from "./simulated-users.ts";

describe("normalInterval", () => {
  it("is estimate ± 1.96 se with the matching two-sided p-value", () => {
    const interval = normalInterval(1.959963984540054, 1, 0.95);
    expect(interval.low).toBeCloseTo(0, 12);
    expect(interval.high).toBeCloseTo(3.919927969080108, 12);
    expect(interval.pValue).toBeCloseTo(0.05, 12);
  });

  it("is a point with p 0 or 1 when the standard error is 0", () => {
    expect(normalInterval(0, 0, 0.95)).toEqual({ estimate: 0, standardError: 0, low: 0, high: 0, pValue: 1 });
    expect(normalInterval(0.3, 0, 0.95)).toMatchObject({ low: 0.3, high: 0.3, pValue: 0 });
  });
});

describe("relativeLift", () => {
  it("maps the log-ratio interval back, asymmetric around the lift", () => {
    const lift = relativeLift({ value: 0.1, variance: 1e-5 }, { value: 0.12, variance: 1e-5 })!;
    expect(lift.estimate).toBeCloseTo(0.2, 12);
    expect(lift.high - lift.estimate).toBeGreaterThan(lift.estimate - lift.low);
    expect(lift.low).toBeGreaterThan(-1);
  });

  it("is null when an arm's value is not positive", () => {
    expect(relativeLift({ value: 0, variance: 1 }, { value: 1, variance: 1 })).toBeNull();
    expect(relativeLift({ value: 1, variance: 1 }, { value: -1, variance: 1 })).toBeNull();
  });
});

const RUNS = 2000;
const USERS = 1000;
/** 3 binomial standard deviations of a 95% coverage rate over the runs */
const SLACK = 3 * Math.sqrt((0.95 * 0.05) / RUNS);

describe("fixed-horizon coverage over 2000 simulated experiments of 1000 users per arm", () => {
  it.each([
    { name: "click-through 10% vs 12% (ratio, delta method)", control: 0.1, treatment: 0.12, kind: "ratio" as const },
    { name: "exponential means 1.0 vs 1.1 (mean)", control: 1, treatment: 1.1, kind: "mean" as const },
  ])("$name: the 95% intervals of the difference and of the lift cover the truth at the nominal rate", ({ name, control, treatment, kind }) => {
    const random = createRandom(4242);
    const fill = (out: UserRecord[], value: number) =>
      kind === "ratio" ? fillClickUsers(random, out, USERS, { ctr: value, impressions: 5 }) : fillSkewedUsers(random, out, USERS, value);
    const a: UserRecord[] = [];
    const b: UserRecord[] = [];
    let differenceCovered = 0;
    let liftCovered = 0;
    for (let run = 0; run < RUNS; run++) {
      const c = estimateRatio(fill(a, control), "A", kind);
      const t = estimateRatio(fill(b, treatment), "B", kind);
      const difference = absoluteDifference(c, t);
      const lift = relativeLift(c, t)!;
      if (difference.low <= treatment - control && treatment - control <= difference.high) differenceCovered++;
      if (lift.low <= treatment / control - 1 && treatment / control - 1 <= lift.high) liftCovered++;
    }
    console.log(`${name}: difference coverage ${differenceCovered / RUNS}, lift coverage ${liftCovered / RUNS} (95% ± ${SLACK.toFixed(4)})`);
    expect(Math.abs(differenceCovered / RUNS - 0.95)).toBeLessThanOrEqual(SLACK);
    expect(Math.abs(liftCovered / RUNS - 0.95)).toBeLessThanOrEqual(SLACK);
  });
});
