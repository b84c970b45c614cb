import { describe, expect, it } from "vitest";
import { commonUniform, type DrawKey } from "./common-random.ts";

const key: DrawKey = { seed: 100_004, turn: 2, item: "p0042", kind: "click" };

describe("commonUniform", () => {
  it("is a pure function of its key", () => {
    expect(commonUniform({ ...key })).toBe(commonUniform(key));
  });

  it("changes with every part of the key", () => {
    const base = commonUniform(key);
    for (const other of [{ seed: 100_005 }, { turn: 3 }, { item: "p0043" }, { kind: "like" as const }, { seed: 100_004 + 2 ** 32 }]) {
      expect(commonUniform({ ...key, ...other })).not.toBe(base);
    }
  });

  it("is uniform on [0, 1), with independent coins for different events of one item", () => {
    const n = 20_000;
    let sum = 0;
    let sumClick = 0;
    let sumLike = 0;
    let product = 0;
    let inRange = true;
    for (let i = 0; i < n; i++) {
      const click = commonUniform({ seed: -5 + i * 7919, turn: i % 6, item: `i${i % 97}`, kind: "click" });
      const like = commonUniform({ seed: -5 + i * 7919, turn: i % 6, item: `i${i % 97}`, kind: "like" });
      inRange &&= click >= 0 && click < 1 && like >= 0 && like < 1;
      sum += click < 0.25 ? 1 : 0;
      sumClick += click;
      sumLike += like;
      product += click * like;
    }
    expect(inRange).toBe(true);
    // P(u < 0.25) = 0.25 with standard error √(0.25·0.75/n) ≈ 0.003; the mean 0.5 with standard error ≈ 0.002
    expect(Math.abs(sum / n - 0.25)).toBeLessThan(0.012);
    expect(Math.abs(sumClick / n - 0.5)).toBeLessThan(0.008);
    const covariance = product / n - (sumClick / n) * (sumLike / n);
    // independent uniforms: covariance 0, standard error ≈ (1/12)/√n ≈ 0.0006
    expect(Math.abs(covariance)).toBeLessThan(0.003);
  });
});
