import { describe, expect, it } from "vitest";
import type { ComparisonResult, SampleRatioResult, Verdict } from "./analysis-schema.ts";
import { summarizeExperiment } from "./experiment-summary.ts";
import { checkSampleRatio } from "./srm.ts";

const metrics = [
  { id: "ctr", label: "click-through", role: "primary" },
  { id: "latency", label: "latency", role: "guardrail" },
  { id: "dwell", label: "dwell time", role: "secondary" },
] as const;

function comparison(treatment: string, metricId: string, verdict: Verdict): ComparisonResult {
  const decision = { verdict, guardrailBreached: verdict === "worse" && metricId === "latency", text: `${treatment} ${metricId} ${verdict}` };
  if (verdict === "unavailable") return { status: "unavailable", treatment, control: "A", metricId, reason: "too few users", decision };
  const interval = { estimate: 0, standardError: 0, low: 0, high: 0, pValue: 1 };
  const sequential = { looks: 1, tau2: 1, alpha: 0.05, pValue: 1, low: 0, high: 0 };
  return { status: "ok", treatment, control: "A", metricId, difference: interval, relativeLift: null, sequential, cuped: null, decision };
}

const balanced: SampleRatioResult = { variants: ["A", "B"], ...checkSampleRatio([5000, 5000], [1, 1]) };
const summarize = (verdicts: [Verdict, Verdict, Verdict], srm = balanced) =>
  summarizeExperiment({ treatments: ["B"], metrics, comparisons: metrics.map((m, i) => comparison("B", m.id, verdicts[i])), srm });

describe("summarizeExperiment", () => {
  it("ships a treatment that improves the primary metric without breaching a guardrail", () => {
    expect(summarize(["better", "no-difference-yet", "worse"])).toEqual({
      trustworthy: true,
      recommendations: [{ treatment: "B", recommendation: "ship", text: "Ship B: it improves click-through; no guardrail breached." }],
      text: "Ship B: it improves click-through; no guardrail breached.",
    });
  });

  it("does not ship when a guardrail is breached, however good the primary metric", () => {
    expect(summarize(["better", "worse", "better"]).recommendations[0]).toMatchObject({
      recommendation: "do-not-ship",
      text: "Do not ship B: it breaches the guardrail latency.",
    });
  });

  it("does not ship a worse primary metric", () => {
    expect(summarize(["worse", "no-difference-yet", "better"]).recommendations[0]).toMatchObject({
      recommendation: "do-not-ship",
      text: "Do not ship B: it worsens click-through.",
    });
  });

  it("keeps running without a significant primary result, or while a guardrail cannot be checked", () => {
    expect(summarize(["inconclusive", "no-difference-yet", "better"]).recommendations[0].text).toBe("Keep running B: no primary metric has changed significantly yet.");
    expect(summarize(["better", "unavailable", "better"]).recommendations[0]).toMatchObject({
      recommendation: "keep-running",
      text: "Keep running B: latency cannot be compared yet.",
    });
  });

  it("distrusts everything under a sample ratio mismatch", () => {
    const srm = { variants: ["A", "B"], ...checkSampleRatio([5200, 4800], [1, 1]) };
    const summary = summarize(["better", "no-difference-yet", "better"], srm);
    expect(summary.trustworthy).toBe(false);
    expect(summary.recommendations[0].recommendation).toBe("investigate");
    expect(summary.text).toBe(
      "Do not trust these results: sample ratio mismatch (p < 0.001; expected 50.0/50.0, observed 52.0/48.0 across A/B). Check assignment and logging.",
    );
  });
});
