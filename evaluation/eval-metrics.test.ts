import { describe, expect, it } from "vitest";
import { AttributeIndex } from "../catalog/attribute-index.ts";
import { fixtureCatalog, prefs } from "../tools/test-fixtures.ts";
import { byTurn, funnelSummary, latencySummary, sessionScores, systemMetrics } from "./eval-metrics.ts";
import type { EvalSession, EvalTurn } from "./interactive-session.ts";
import { bestBaseline } from "./run-eval.ts";

// fixture: 0 a Comedy 1995 · 1 b Sci-Fi 2005 · 2 c Horror 1985 · 3 d Romance+Comedy 2012 · 4 e Sci-Fi+Horror · …
const catalog = fixtureCatalog();
const ctx = { catalog, index: new AttributeIndex(catalog) };
const none = prefs({});
const noHorror = prefs({ negative: { hard: [{ attribute: "genre", values: ["Horror"] }] } });
const turn = (items: number[], target: number, extra: Partial<EvalTurn> = {}): EvalTurn => ({ items, target, gold: none, latencyMs: 1, ...extra });
const session = (id: string, targets: number[], turns: EvalTurn[]): EvalSession => ({ id, user: id, seed: 1, targets, turns });

// s1 finds its target 5 at rank 1 after the second command; s2 never finds 7 in two commands
const s1 = session("s1", [5], [turn([0, 1], 5), turn([1, 2], 5, { command: "x", gold: noHorror }), turn([0, 5], 5, { command: "y", gold: noHorror })]);
const s2 = session("s2", [7], [turn([0, 1], 7), turn([2, 4], 7, { command: "z", gold: noHorror }), turn([3, 2], 7, { command: "w", gold: noHorror })]);

describe("eval aggregation", () => {
  it("scores a session by its first hit on the final target and by its last feed", () => {
    const k2 = sessionScores([s1, s2], 2);
    expect(k2.pass).toEqual([1, 0]);
    expect(k2.rounds).toEqual([2, 2]);
    expect(k2.recall).toEqual([1, 0]);
    expect(k2.ndcg[0]).toBeCloseTo(1 / Math.log2(3), 12);
    expect(k2.mrr).toEqual([0.5, 0]);
    // at k = 1 the target at rank 1 (0-based) is not a hit
    expect(sessionScores([s1], 1).pass).toEqual([0]);
  });

  it("a hit on a target the user has drifted from does not pass the session", () => {
    const drift = session("d", [0, 5], [turn([0, 1], 0), turn([1, 2], 5, { command: "r" })]);
    expect(sessionScores([drift], 2).pass).toEqual([0]);
  });

  it("carries a finished session's last feed forward and measures CSR over active sessions", () => {
    const short = session("s3", [1], [turn([1, 0], 1)]);
    const rows = byTurn([s1, short], 2, ctx);
    expect(rows.map((r) => r.active)).toEqual([2, 1, 1]);
    expect(rows.map((r) => r.recall)).toEqual([0.5, 0.5, 1]);
    expect(rows[0].csr).toBeNull(); // no hard constraint stated yet
    expect(rows[1].csr).toBe(0.5); // [b, c]: c is Horror
    expect(rows[2].csr).toBe(1);
    expect(rows.map((r) => r.latencyMedianMs)).toEqual([1, 1, 1]);
  });

  it("summarises latency with a median, a p95 and a histogram holding every turn", () => {
    const ms = Array.from({ length: 100 }, (_, i) => i + 1);
    const l = latencySummary(ms, 10);
    expect(l.medianMs).toBe(50);
    expect(l.p95Ms).toBe(95);
    expect(l.histogram.reduce((s, b) => s + b.count, 0)).toBe(100);
    expect(latencySummary([])).toMatchObject({ turns: 0, histogram: [] });
  });

  it("pools CSR and violations over turns, and scores slots only for systems that parse", () => {
    const parsed = structuredClone(noHorror);
    const withParse = session("p", [5], [turn([0, 1], 5), turn([2, 4], 5, { command: "no horror", gold: noHorror, parsed })]);
    const m = systemMetrics({ name: "recbot", kind: "recbot", parses: true, sessions: [withParse, s2] }, 2, ctx);
    expect(m.csr.n).toBe(3);
    expect(m.csr.mean).toBeCloseTo((0 + 0 + 0.5) / 3, 12);
    expect(m.negativeViolation.mean).toBeCloseTo((1 + 1 + 0.5) / 3, 12);
    expect(m.slotF1!.cases).toBe(3);
    expect(m.sessionIds).toEqual(["p", "s2"]);
    expect(systemMetrics({ name: "popularity", kind: "baseline", parses: false, sessions: [s2] }, 2, ctx).slotF1).toBeNull();
  });

  it("picks the baseline with the best Pass Rate, then Recall", () => {
    const m = (name: string, kind: "recbot" | "baseline", pass: number, recall: number) =>
      ({ name, kind, passRate: { mean: pass }, recall: { mean: recall } }) as Parameters<typeof bestBaseline>[0][number];
    expect(bestBaseline([m("recbot", "recbot", 0.9, 0.9), m("popularity", "baseline", 0.1, 0.2), m("bm25", "baseline", 0.1, 0.3)])).toBe("bm25");
    expect(bestBaseline([m("recbot", "recbot", 0.9, 0.9)])).toBeNull();
  });
});

describe("candidate funnel", () => {
  it("averages each node per route, the most frequent route first", () => {
    const t0 = turn([0], 1, { funnel: [{ node: "matcher", in: 8, out: 8 }, { node: "aggregator", in: 8, out: 2 }] });
    const t1 = turn([0], 1, { funnel: [{ node: "filter", in: 8, out: 4 }, { node: "matcher", in: 4, out: 4 }, { node: "aggregator", in: 4, out: 2 }] });
    const t2 = turn([0], 1, { funnel: [{ node: "filter", in: 8, out: 2 }, { node: "matcher", in: 2, out: 2 }, { node: "aggregator", in: 2, out: 2 }] });
    expect(funnelSummary([session("f", [1], [t0, t1, t2])])).toEqual([
      { turns: 2, steps: [{ node: "filter", meanIn: 8, meanOut: 3 }, { node: "matcher", meanIn: 3, meanOut: 3 }, { node: "aggregator", meanIn: 3, meanOut: 2 }] },
      { turns: 1, steps: [{ node: "matcher", meanIn: 8, meanOut: 8 }, { node: "aggregator", meanIn: 8, meanOut: 2 }] },
    ]);
    expect(funnelSummary([s1])).toBeNull();
  });
});
