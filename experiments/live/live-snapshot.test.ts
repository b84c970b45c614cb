import { describe, expect, it } from "vitest";
import { AttributeIndex } from "../../catalog/attribute-index.ts";
import { ExperimentSnapshot, type ExperimentRecord } from "../../schemas/experiment.ts";
import { emptyPreferences } from "../../schemas/preferences.ts";
import { fixtureCatalog } from "../../tools/test-fixtures.ts";
import type { ExperimentActivityRows } from "./activity-rows.ts";
import { liveSnapshot } from "./live-snapshot.ts";

const catalog = fixtureCatalog();
const ctx = { catalog, index: new AttributeIndex(catalog) };
const experiment: ExperimentRecord = {
  id: "e1", name: "test", description: "", catalog: null, status: "running", primaryMetric: "click_through", guardrails: ["latency_ms"],
  variants: [{ name: "A", graphs: { planner: { name: "planner", version: 1 } }, weight: 1 }, { name: "B", graphs: { planner: { name: "planner", version: 2 } }, weight: 1 }],
  createdAt: 0, updatedAt: 0, startedAt: 0, stoppedAt: null,
};

/** `n` users per variant, each with one turn of four impressions and `clicks[variant]` clicks. */
function rows(n: number, clicks: Record<string, number>): ExperimentActivityRows {
  const out: ExperimentActivityRows = { sessions: [], turns: [], runs: [], events: [], pre: { sessions: [], turns: [], runs: [], events: [] } };
  for (const variant of ["A", "B"]) {
    for (let u = 0; u < n; u++) {
      const id = `${variant}${u}`;
      out.sessions.push({ id, userId: `user-${id}`, variant, createdAt: 1 });
      out.turns.push({ sessionId: id, turn: 1, memoryJson: JSON.stringify(emptyPreferences()), feedJson: '["a","b","c","d"]', runIdsJson: `["r${id}"]`, at: 2 });
      out.runs.push({ id: `r${id}`, kind: "planner", startedAt: 0, finishedAt: 5 + (u % 3), hasFallback: false });
      for (const item of ["a", "b", "c", "d"]) out.events.push({ type: "impression", sessionId: id, itemId: item, at: 3 });
      for (let c = 0; c < clicks[variant] + (u % 2); c++) out.events.push({ type: "click", sessionId: id, itemId: "abcd"[c], at: 4 });
    }
  }
  return out;
}

const exposures = [{ variant: "A", users: 1, sessions: 1, exposures: 1 }];

describe("liveSnapshot", () => {
  it("waits, saying for what, until every variant has two users; lists every variant's exposures", () => {
    const snapshot = liveSnapshot({ experiment, rows: rows(1, { A: 1, B: 1 }), ctx, exposures, previous: null, at: 10 });
    expect(snapshot.analysis).toBeNull();
    expect(snapshot.waiting).toBe("waiting for at least two users in every variant (A: 1, B: 1)");
    expect(snapshot.exposures.map((e) => e.variant)).toEqual(["A", "B"]);
    expect(() => ExperimentSnapshot.parse(snapshot)).not.toThrow();
  });

  it("analyses the per-user metrics once it can, and continues the sequential tests from the previous look", () => {
    const first = liveSnapshot({ experiment, rows: rows(20, { A: 1, B: 2 }), ctx, exposures, previous: null, at: 10 });
    const ctr = first.analysis!.comparisons.find((c) => c.metricId === "click_through")!;
    expect(ctr.status === "ok" && ctr.difference.estimate).toBeCloseTo(0.25, 10); // one more click per 4 impressions
    expect(ctr.status === "ok" && ctr.sequential.looks).toBe(1);
    expect(first.latency.map((l) => l.turns)).toEqual([20, 20]);
    const second = liveSnapshot({ experiment, rows: rows(40, { A: 1, B: 2 }), ctx, exposures, previous: first.analysis, at: 20 });
    const again = second.analysis!.comparisons.find((c) => c.metricId === "click_through")!;
    if (again.status !== "ok" || ctr.status !== "ok") throw new Error("click-through should be comparable");
    expect(again.sequential.looks).toBe(2);
    expect(again.sequential.pValue).toBeLessThanOrEqual(ctr.sequential.pValue);
  });
});
