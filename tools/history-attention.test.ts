import { describe, expect, it } from "vitest";
import { attendHistory, meanVector, poolHistory } from "./history-attention.ts";
import { fixtureContext } from "./test-fixtures.ts";

// semantic a [1,0,0,0], b [0,1,0,0], c [0,0,1,0]; collaborative a [1,0,0,0], b [0,1,0,0], c [0,0,1,0]
const ctx = fixtureContext();
const options = { temperature: 5, window: 50, recencyDecay: 0.9 };

describe("history attention", () => {
  it("weights history by softmax(τ · similarity to the intent)", () => {
    // sims to sci-fi [0,1,0,0]: a 0, b 1 → softmax(0, 5) = [1/(1+e^5), e^5/(1+e^5)] = [0.006693, 0.993307]
    const att = attendHistory(Uint32Array.from([0, 1]), Float32Array.from([0, 1, 0, 0]), ctx.semantic, options);
    expect(att.intentAware).toBe(true);
    expect(att.weights[0]).toBeCloseTo(0.006693, 6);
    expect(att.weights[1]).toBeCloseTo(0.993307, 6);
    // pooled collaborative query = 0.006693·[1,0,0,0] + 0.993307·[0,1,0,0]
    const q = poolHistory(att, ctx.collaborative);
    expect(Array.from(q).map((x) => +x.toFixed(6))).toEqual([0.006693, 0.993307, 0, 0]);
  });

  it("uniform weights at τ = 0", () => {
    const att = attendHistory(Uint32Array.from([0, 1, 2]), Float32Array.from([0, 1, 0, 0]), ctx.semantic, { ...options, temperature: 0 });
    expect(Array.from(att.weights).map((w) => +w.toFixed(6))).toEqual([0.333333, 0.333333, 0.333333]);
  });

  it("falls back to recency without an intent", () => {
    // w ∝ 0.9^age: a (age 1) 0.9, b (age 0) 1 → [0.9/1.9, 1/1.9] = [0.473684, 0.526316]
    const att = attendHistory(Uint32Array.from([0, 1]), null, ctx.semantic, options);
    expect(att.intentAware).toBe(false);
    expect(att.weights[0]).toBeCloseTo(0.473684, 6);
    expect(att.weights[1]).toBeCloseTo(0.526316, 6);
  });

  it("attends only to the most recent window", () => {
    const att = attendHistory(Uint32Array.from([0, 1, 2]), null, ctx.semantic, { ...options, window: 2 });
    expect(Array.from(att.items)).toEqual([1, 2]);
  });

  it("gives an empty history an empty attention and a zero query", () => {
    const att = attendHistory(new Uint32Array(0), null, ctx.semantic, options);
    expect(att.weights.length).toBe(0);
    expect(Array.from(poolHistory(att, ctx.collaborative))).toEqual([0, 0, 0, 0]);
  });

  it("averages intent vectors", () => {
    expect(Array.from(meanVector([Float32Array.from([1, 0, 0, 0]), Float32Array.from([0, 1, 0, 0])])!)).toEqual([0.5, 0.5, 0, 0]);
    expect(meanVector([])).toBeNull();
  });
});
