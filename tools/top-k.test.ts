import { describe, expect, it } from "vitest";
import { TopK } from "./top-k.ts";

describe("TopK", () => {
  it("keeps the k best of many, equal to a full sort", () => {
    const scores = Array.from({ length: 500 }, (_, i) => Math.round(Math.sin(i * 7.31) * 20)); // many ties
    const top = new TopK(25);
    scores.forEach((s, i) => top.push(i, s));
    const expected = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s || a.i - b.i).slice(0, 25);
    const { items, scores: got } = top.result();
    expect(Array.from(items)).toEqual(expected.map((e) => e.i));
    expect(Array.from(got)).toEqual(expected.map((e) => e.s));
  });

  it("returns fewer than k when fewer were pushed, and nothing for k = 0", () => {
    const top = new TopK(5);
    top.push(3, 1);
    top.push(1, 1);
    expect(Array.from(top.result().items)).toEqual([1, 3]);
    const none = new TopK(0);
    none.push(1, 9);
    expect(none.result().items.length).toBe(0);
  });
});
