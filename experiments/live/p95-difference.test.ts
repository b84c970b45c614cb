import { describe, expect, it } from "vitest";
import { createRandom } from "../../models/seeded-random.ts";
import { p95Difference } from "./p95-difference.ts";

/** `users` users with 5 turns each: a per-user speed times exponential noise, plus `shift` ms. */
function arm(users: number, shift: number, seed: number): number[][] {
  const random = createRandom(seed);
  return Array.from({ length: users }, () => {
    const speed = 5 + 10 * random();
    return Array.from({ length: 5 }, () => shift + speed * -Math.log(1 - random()));
  });
}

describe("p95Difference", () => {
  it("finds a known slowdown: the interval holds it and excludes 0", () => {
    const d = p95Difference(arm(300, 0, 1), arm(300, 40, 2))!;
    expect(d.low).toBeGreaterThan(0);
    expect(d.low).toBeLessThan(40);
    expect(d.high).toBeGreaterThan(40);
  });

  it("covers 0 in most A/A comparisons (cluster bootstrap, 95%)", () => {
    let covered = 0;
    const runs = 60;
    for (let r = 0; r < runs; r++) {
      const d = p95Difference(arm(150, 0, 100 + r), arm(150, 0, 500 + r), { resamples: 300, seed: r })!;
      if (d.low <= 0 && d.high >= 0) covered++;
    }
    expect(covered / runs).toBeGreaterThanOrEqual(0.85); // nominal 0.95; 60 runs leave room for Monte-Carlo error
  });

  it("needs two users with turns in each arm", () => {
    expect(p95Difference([[5, 6]], arm(10, 0, 1))).toBeNull();
    expect(p95Difference([[5], []], arm(10, 0, 1))).toBeNull();
  });
});
