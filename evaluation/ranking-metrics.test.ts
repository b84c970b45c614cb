import { describe, expect, it } from "vitest";
import { ndcgAtK, rankOf, reciprocalRank, recallAtK, roundsToSuccess, summarizeSessions } from "./ranking-metrics.ts";

describe("ranking metrics for one target", () => {
  const ranked = [7, 3, 9, 1, 4];

  it("finds the 0-based rank, -1 when absent", () => {
    expect(rankOf(ranked, 7)).toBe(0);
    expect(rankOf(ranked, 1)).toBe(3);
    expect(rankOf(ranked, 42)).toBe(-1);
  });

  it("Recall@K is 1 only inside the cut-off", () => {
    expect(recallAtK(ranked, 1, 4)).toBe(1);
    expect(recallAtK(ranked, 1, 3)).toBe(0);
    expect(recallAtK(ranked, 42, 10)).toBe(0);
  });

  it("NDCG@K is 1/log2(rank + 2): 1 at the top, 1/log2(5) at rank 3", () => {
    expect(ndcgAtK(ranked, 7, 10)).toBe(1);
    expect(ndcgAtK(ranked, 3, 10)).toBeCloseTo(1 / Math.log2(3), 12); // 0.6309
    expect(ndcgAtK(ranked, 1, 10)).toBeCloseTo(1 / Math.log2(5), 12); // 0.4307
    expect(ndcgAtK(ranked, 1, 3)).toBe(0);
  });

  it("MRR is 1/(rank + 1), 0 when absent", () => {
    expect(reciprocalRank(ranked, 9)).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRank(ranked, 4)).toBe(0.2);
    expect(reciprocalRank(ranked, 42)).toBe(0);
    expect(reciprocalRank([], 1)).toBe(0);
  });
});

describe("sessions", () => {
  const miss = { ranked: [1, 2, 3], target: 9 };
  const hitTop2 = { ranked: [5, 9], target: 9 };

  it("rounds to success is the first turn with the target in the top k (1-based)", () => {
    expect(roundsToSuccess([miss, miss, hitTop2])).toBe(3);
    expect(roundsToSuccess([hitTop2, miss])).toBe(1);
    expect(roundsToSuccess([miss, miss])).toBeNull();
    expect(roundsToSuccess([hitTop2], 1)).toBeNull();
  });

  it("follows a drifting target turn by turn", () => {
    // turn 1 shows 9 while the user wants 5; at turn 2 the target drifts to 9, which the feed shows
    expect(roundsToSuccess([{ ranked: [9], target: 5 }, { ranked: [9], target: 9 }])).toBe(2);
  });

  it("Pass Rate, rounds of the passed sessions, and average rounds counting failures as all their turns", () => {
    // A passes at 1, B passes at 3, C fails after 4 turns, D fails after 2
    const s = summarizeSessions([[hitTop2], [miss, miss, hitTop2], [miss, miss, miss, miss], [miss, miss]]);
    expect(s.sessions).toBe(4);
    expect(s.passRate).toBe(0.5);
    expect(s.roundsWhenPassed).toBe(2); // (1 + 3) / 2
    expect(s.averageRounds).toBe(2.5); // (1 + 3 + 4 + 2) / 4
  });

  it("is NaN rather than a made-up number when there is nothing to average", () => {
    expect(summarizeSessions([]).passRate).toBeNaN();
    expect(summarizeSessions([[miss]]).roundsWhenPassed).toBeNaN();
  });
});
