import { describe, expect, it } from "vitest";
import { createRandom } from "../../models/seeded-random.ts";
import { analyzeExperiment } from "./analyze-experiment.ts";
import { ExperimentAnalysis, type ExperimentInput, type MetricDefinition, type UserRecord } from "./analysis-schema.ts";
import { createNormal, fillClickUsers } from "./simulated-users.ts";

const metrics: MetricDefinition[] = [
  { id: "ctr", label: "click-through", kind: "ratio", direction: "higher-is-better", role: "primary", format: "percent" },
  { id: "latency", label: "latency (ms)", kind: "mean", direction: "lower-is-better", role: "guardrail", format: "number" },
];

/** Click-through users (with a pre-period covariate for half the users) and normal latencies. */
function users(seed: number, n: number, ctr: number, latency: number): Record<string, UserRecord[]> {
  const random = createRandom(seed);
  const normal = createNormal(random);
  const clicks = fillClickUsers(random, [], n, { ctr, impressions: 5 });
  return {
    ctr: clicks,
    latency: Array.from({ length: n }, () => {
      const habit = normal();
      return { numerator: latency + 20 * (0.8 * habit + 0.6 * normal()), denominator: 1, pre: 200 + 20 * habit };
    }),
  };
}

const experiment = (b: Record<string, UserRecord[]>, a = users(1, 4000, 0.1, 200)): ExperimentInput => ({
  control: "A",
  variants: [
    { name: "A", weight: 1, records: a },
    { name: "B", weight: 1, records: b },
  ],
  metrics,
});

const comparison = (analysis: ExperimentAnalysis, metricId: string, treatment = "B") => analysis.comparisons.find((c) => c.metricId === metricId && c.treatment === treatment)!;

describe("analyzeExperiment", () => {
  it("finds a clear click-through gain, keeps latency within its guardrail, and recommends shipping", () => {
    const analysis = analyzeExperiment(experiment(users(2, 4000, 0.12, 200)));
    expect(() => ExperimentAnalysis.parse(analysis)).not.toThrow();
    const ctr = comparison(analysis, "ctr");
    expect(ctr.status).toBe("ok");
    if (ctr.status !== "ok") return;
    expect(ctr.difference.low).toBeGreaterThan(0);
    expect(ctr.relativeLift!.estimate).toBeGreaterThan(0.1);
    expect(ctr.sequential).toMatchObject({ looks: 1, alpha: 0.05 });
    expect(ctr.decision.verdict).toBe("better");
    expect(ctr.decision.text).toMatch(/^B raises click-through by \+\d\.\d pp \[\+\d\.\d, \+\d\.\d\] \(always-valid p [<=] 0\.\d+\)$/);
    expect(comparison(analysis, "latency").decision.verdict).toBe("no-difference-yet");
    expect(analysis.srm.mismatch).toBe(false);
    expect(analysis.summary.recommendations).toEqual([{ treatment: "B", recommendation: "ship", text: "Ship B: it improves click-through; no guardrail breached." }]);
    expect(analysis.estimates.map((e) => `${e.variant}:${e.metricId}:${e.status}`)).toEqual(["A:ctr:ok", "B:ctr:ok", "A:latency:ok", "B:latency:ok"]);
  });

  it("applies CUPED where users have a covariate and reports the variance it removed", () => {
    const analysis = analyzeExperiment(experiment(users(3, 4000, 0.1, 205)));
    const latency = comparison(analysis, "latency");
    if (latency.status !== "ok") throw new Error("latency should be comparable");
    // a covariate with correlation 0.8 removes about 0.64 of the variance
    expect(latency.cuped!.varianceReduction).toBeGreaterThan(0.55);
    expect(latency.cuped!.varianceReduction).toBeLessThan(0.72);
    expect(latency.difference.standardError).toBeLessThan(latency.cuped!.unadjusted.standardError);
    expect(latency.decision).toMatchObject({ verdict: "worse", guardrailBreached: true });
    expect(analysis.summary.recommendations[0].recommendation).toBe("do-not-ship");
    expect(comparison(analysis, "ctr").status === "ok" && comparison(analysis, "ctr")).toMatchObject({ cuped: null });
  });

  it("continues the sequential test from the previous analysis: p never rises and the interval only narrows", () => {
    const a = users(4, 4000, 0.1, 200);
    const b = users(5, 4000, 0.105, 200);
    const half = (records: Record<string, UserRecord[]>) => Object.fromEntries(Object.entries(records).map(([id, r]) => [id, r.slice(0, 2000)]));
    const first = analyzeExperiment(experiment(half(b), half(a)));
    const second = analyzeExperiment(experiment(b, a), {}, first);
    const [before, after] = [comparison(first, "ctr"), comparison(second, "ctr")];
    if (before.status !== "ok" || after.status !== "ok") throw new Error("both looks should be comparable");
    expect(after.sequential.looks).toBe(2);
    expect(after.sequential.tau2).toBe(before.sequential.tau2);
    expect(after.sequential.pValue).toBeLessThanOrEqual(before.sequential.pValue);
    expect(after.sequential.low).toBeGreaterThanOrEqual(before.sequential.low);
    expect(after.sequential.high).toBeLessThanOrEqual(before.sequential.high);
    expect(() => analyzeExperiment(experiment(b, a), { alpha: 0.1 }, first)).toThrow(/keep alpha and tau2/);
  });

  it("reports an arm without users as a sample ratio mismatch and its comparisons as unavailable", () => {
    const analysis = analyzeExperiment(experiment({ ctr: [], latency: [] }));
    expect(() => ExperimentAnalysis.parse(analysis)).not.toThrow();
    expect(analysis.srm).toMatchObject({ observed: [4000, 0], mismatch: true });
    expect(comparison(analysis, "ctr")).toMatchObject({ status: "unavailable", reason: "B (click-through) has 0 users; a variance needs at least 2" });
    expect(analysis.estimates.find((e) => e.variant === "B")).toMatchObject({ status: "unavailable", users: 0 });
    expect(analysis.summary.trustworthy).toBe(false);
    expect(analysis.summary.text).toMatch(/^Do not trust these results: sample ratio mismatch/);
  });

  it("reports a metric whose denominators sum to 0 as unavailable", () => {
    const b = users(6, 4000, 0.1, 200);
    b.ctr = b.ctr.map(() => ({ numerator: 0, denominator: 0 }));
    const analysis = analyzeExperiment(experiment(b));
    expect(comparison(analysis, "ctr")).toMatchObject({ status: "unavailable", decision: { verdict: "unavailable" } });
    expect(comparison(analysis, "ctr").decision.text).toMatch(/denominators sum to 0/);
    expect(analysis.summary.recommendations[0]).toMatchObject({ recommendation: "keep-running", text: "Keep running B: click-through cannot be compared yet." });
  });

  it("gives explicit, finite results when every user has the same value", () => {
    const constant = (value: number) => ({
      ctr: Array.from({ length: 50 }, () => ({ numerator: value, denominator: 2 })),
      latency: Array.from({ length: 50 }, () => ({ numerator: 100, denominator: 1 })),
    });
    const same = analyzeExperiment(experiment(constant(1), constant(1)));
    expect(() => ExperimentAnalysis.parse(same)).not.toThrow();
    expect(comparison(same, "ctr")).toMatchObject({
      difference: { estimate: 0, standardError: 0, pValue: 1 },
      sequential: { pValue: 1, low: 0, high: 0 },
      decision: { verdict: "no-difference-yet" },
    });
    const shifted = analyzeExperiment(experiment(constant(2), constant(1)));
    // without any spread the always-valid test has nothing to go on (p = 1); only the fixed-horizon interval excludes 0
    expect(comparison(shifted, "ctr")).toMatchObject({ difference: { estimate: 0.5, pValue: 0 }, sequential: { pValue: 1 }, decision: { verdict: "inconclusive" } });
  });

  it("compares every treatment with the control", () => {
    const input = experiment(users(7, 4000, 0.1, 200));
    input.variants.push({ name: "C", weight: 1, records: users(8, 4000, 0.1, 200) });
    const analysis = analyzeExperiment(input);
    expect(analysis.comparisons.map((c) => `${c.treatment}-${c.control}:${c.metricId}`)).toEqual(["B-A:ctr", "C-A:ctr", "B-A:latency", "C-A:latency"]);
    expect(analysis.srm.degreesOfFreedom).toBe(2);
  });

  it("refuses malformed input with a message that says what to fix", () => {
    const b = users(9, 100, 0.1, 200);
    expect(() => analyzeExperiment({ ...experiment(b), control: "Z" })).toThrow('control "Z" is not a variant; variants are A, B');
    expect(() => analyzeExperiment({ ...experiment(b), metrics: [{ ...metrics[1], role: "secondary" }] })).toThrow(/at least one metric must have role "primary"/);
    expect(() => analyzeExperiment(experiment(b), { level: 1.5 })).toThrow(expect.objectContaining({ code: "invalid_input" }));
    const input = experiment(b);
    input.variants[1].name = "A";
    expect(() => analyzeExperiment(input)).toThrow(/"A" appears twice/);
    b.latency[3] = { numerator: 1, denominator: 2 };
    expect(() => analyzeExperiment(experiment(b))).toThrow(
      "B (latency (ms)), user record 3: a mean metric needs denominator 1 for every user, got 2 (define the metric as a ratio instead)",
    );
  });
});
