import { describe, expect, it } from "vitest";
import { compareFeeds } from "./turn-replay.ts";

describe("compareFeeds", () => {
  it("counts the items in both feeds and gives every item its rank in each", () => {
    expect(compareFeeds(["a", "b", "c", "d"], ["c", "a", "e", "d"])).toEqual({
      overlap: 3,
      rankChanges: [
        { itemId: "c", originalRank: 2, replayRank: 0 },
        { itemId: "a", originalRank: 0, replayRank: 1 },
        { itemId: "e", originalRank: null, replayRank: 2 },
        { itemId: "d", originalRank: 3, replayRank: 3 },
        { itemId: "b", originalRank: 1, replayRank: null },
      ],
    });
  });

  it("handles feeds of different lengths, and empty ones", () => {
    expect(compareFeeds(["a"], ["a", "b"])).toEqual({ overlap: 1, rankChanges: [{ itemId: "a", originalRank: 0, replayRank: 0 }, { itemId: "b", originalRank: null, replayRank: 1 }] });
    expect(compareFeeds([], [])).toEqual({ overlap: 0, rankChanges: [] });
  });
});
