import { describe, expect, it } from "vitest";
import { AttributeIndex } from "../../catalog/attribute-index.ts";
import { emptyPreferences, type Preferences } from "../../schemas/preferences.ts";
import { fixtureCatalog } from "../../tools/test-fixtures.ts";
import { activityFromRows } from "./activity-from-rows.ts";
import type { ExperimentActivityRows } from "./activity-rows.ts";

// Fixture movies: a Comedy, b Sci-Fi, c Horror, d Romance+Comedy, e Sci-Fi+Horror, f Comedy, g (no genre), h Sci-Fi.
const catalog = fixtureCatalog();
const ctx = { catalog, index: new AttributeIndex(catalog) };

const noHorror: Preferences = { ...emptyPreferences(), negative: { hard: [{ attribute: "genre", values: ["Horror"] }], soft: [] } };
const turn = (sessionId: string, n: number, memory: Preferences, feed: string[], runs: string[], at: number) => ({
  sessionId, turn: n, memoryJson: JSON.stringify(memory), feedJson: JSON.stringify(feed), runIdsJson: JSON.stringify(runs), at,
});
const run = (id: string, kind: string, startedAt: number, finishedAt: number, hasFallback = false) => ({ id, kind, startedAt, finishedAt, hasFallback });
const event = (type: string, sessionId: string, itemId: string, at = 0) => ({ type, sessionId, itemId, at });

const rows: ExperimentActivityRows = {
  sessions: [
    { id: "s1", userId: "ann", variant: "A", createdAt: 10 },
    { id: "s2", userId: "ann", variant: "A", createdAt: 20 },
    { id: "s3", userId: "bob", variant: "B", createdAt: 15 },
  ],
  turns: [
    turn("s1", 1, noHorror, ["a", "c", "e"], ["p1", "q1"], 11),
    turn("s1", 2, noHorror, ["a", "b"], ["p2", "q2"], 12), // memory unchanged: a repeated correction
    turn("s3", 1, emptyPreferences(), ["c", "d"], ["p3", "q3"], 16), // nothing stated: nothing can be violated
  ],
  runs: [
    run("p1", "parser", 100, 104), run("q1", "planner", 104, 110),
    run("p2", "parser", 200, 202, true), run("q2", "planner", 202, 230),
    run("p3", "parser", 300, 301), run("q3", "planner", 301, 305),
  ],
  events: [
    ...["a", "c", "e"].map((i) => event("impression", "s1", i)), event("click", "s1", "a"), event("like", "s1", "d"), event("not_interested", "s1", "c"),
    event("click", "s2", "h"), event("add_to_cart", "s2", "h"),
    event("impression", "s3", "c"), event("impression", "s3", "d"),
  ],
  pre: {
    sessions: [{ id: "old", userId: "bob" }],
    turns: [turn("old", 1, emptyPreferences(), ["a"], [], 1)],
    runs: [],
    events: [event("impression", "old", "a"), event("click", "old", "a")],
  },
};

describe("activityFromRows", () => {
  const { users, latencies } = activityFromRows(rows, ctx);
  const ann = users.find((u) => u.userId === "ann")!;
  const bob = users.find((u) => u.userId === "bob")!;

  it("counts each user's commands, sessions with a turn, feedback and clicked categories", () => {
    expect(ann.variant).toBe("A");
    expect(ann.counts).toMatchObject({
      sessions: 1, // s2 has no turn
      commands: 2, unchangedCommands: 1, impressions: 3, clicks: 2, likes: 1, notInterested: 1, addToCart: 1,
      clickedCategories: 3, // a Comedy, d Romance + Comedy, h Sci-Fi
    });
  });

  it("times each command from its first run's start to its last run's end, and counts parser fallbacks", () => {
    expect(ann.counts.latencyMsTotal).toBe(10 + 30);
    expect(ann.counts).toMatchObject({ parserRuns: 2, parserFallbacks: 1 });
    expect(latencies.get("A")).toEqual(new Map([["ann", [10, 30]]]));
    expect(latencies.get("B")).toEqual(new Map([["bob", [5]]]));
  });

  it("counts served items that break a hard constraint of the memory they were served for", () => {
    expect(ann.counts).toMatchObject({ servedItems: 5, hardViolations: 2 }); // c and e are horror
    expect(bob.counts).toMatchObject({ servedItems: 2, hardViolations: 0 });
  });

  it("keeps the pre-experiment activity of users who had some, for CUPED", () => {
    expect(bob.pre).toMatchObject({ commands: 1, impressions: 1, clicks: 1 });
    expect(ann.pre).toBeUndefined();
  });
});
