import { describe, expect, it } from "vitest";
import type { IntervalEstimate } from "./analysis-schema.ts";
import { decideMetric, unavailableDecision, type MetricDecisionInput } from "./decision.ts";

const clickThrough = { label: "click-through", direction: "higher-is-better", role: "primary", format: "percent" } as const;
const latency = { label: "latency (ms)", direction: "lower-is-better", role: "guardrail", format: "number" } as const;

const fixed = (estimate: number, low: number, high: number, pValue: number): IntervalEstimate => ({ estimate, low, high, pValue, standardError: (high - low) / 3.92 });
const input = (metric: MetricDecisionInput["metric"], difference: IntervalEstimate, pValue: number, low: number, high: number): MetricDecisionInput => ({
  treatment: "B",
  metric,
  difference,
  sequential: { pValue, low, high, alpha: 0.05 },
});

describe("decideMetric", () => {
  it("calls a significant rise of a higher-is-better metric better, quoting the always-valid interval", () => {
    expect(decideMetric(input(clickThrough, fixed(0.012, 0.006, 0.018, 0.0001), 0.003, 0.004, 0.02))).toEqual({
      verdict: "better",
      guardrailBreached: false,
      text: "B raises click-through by +1.2 pp [+0.4, +2.0] (always-valid p = 0.003)",
    });
  });

  it("calls a significant drop of a higher-is-better metric worse", () => {
    const decision = decideMetric(input(clickThrough, fixed(-0.012, -0.018, -0.006, 0.0001), 0.0002, -0.02, -0.004));
    expect(decision.verdict).toBe("worse");
    expect(decision.text).toBe("B lowers click-through by -1.2 pp [-2.0, -0.4] (always-valid p < 0.001)");
  });

  it("flags a guardrail that got significantly worse", () => {
    const decision = decideMetric(input(latency, fixed(12, 6, 18, 0.0001), 0.01, 3, 21));
    expect(decision).toEqual({ verdict: "worse", guardrailBreached: true, text: "Guardrail breached: B raises latency (ms) by +12 [+3, +21] (always-valid p = 0.010)" });
  });

  it("calls a significant drop of a lower-is-better guardrail better, without a breach", () => {
    expect(decideMetric(input(latency, fixed(-12, -18, -6, 0.0001), 0.01, -21, -3))).toMatchObject({ verdict: "better", guardrailBreached: false });
  });

  it("says no difference yet when neither test finds one", () => {
    expect(decideMetric(input(clickThrough, fixed(0.003, -0.006, 0.012, 0.5), 0.4, -0.015, 0.021))).toEqual({
      verdict: "no-difference-yet",
      guardrailBreached: false,
      text: "No significant difference in click-through yet: B +0.3 pp [-1.5, +2.1] (always-valid p = 0.40)",
    });
  });

  it("calls it inconclusive when only the fixed-horizon interval excludes 0, and never breaches a guardrail on that", () => {
    const decision = decideMetric(input(latency, fixed(8, 1, 15, 0.02), 0.09, -2, 18));
    expect(decision.verdict).toBe("inconclusive");
    expect(decision.guardrailBreached).toBe(false);
    expect(decision.text).toBe("B raises latency (ms) by +8 [+1, +15] at a fixed horizon, not yet significant when peeking is allowed (always-valid p = 0.090)");
  });

  it("explains a comparison that cannot be made", () => {
    expect(unavailableDecision("B", clickThrough, "B (click-through) has 0 users; a variance needs at least 2")).toEqual({
      verdict: "unavailable",
      guardrailBreached: false,
      text: "click-through for B cannot be compared yet: B (click-through) has 0 users; a variance needs at least 2",
    });
  });
});
