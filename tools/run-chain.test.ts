import { describe, expect, it } from "vitest";
import { recommendTurn } from "./run-chain.ts";
import { fixtureContext, prefs } from "./test-fixtures.ts";

// Popularity: a .9 b .5 c .2 d .7 e .1 f .6 g .3 h .4; u1 history a, b. Formulas worked out in matcher/attenuator tests.
const ctx = fixtureContext();
const noPrior = { aggregator: { popularityPrior: 0 } };
const round = (xs: number[]) => xs.map((x) => +x.toFixed(6));

describe("recommendTurn", () => {
  it("runs Filter → Matcher → Attenuator → Aggregator and sums match and attenuation", () => {
    // s_match (matcher test): c 0, d .399331, e .55, f .3, g .002677, h .947992
    // s_atten Horror: c −1.2, e −1.04 → e −.49, c −1.2
    const turn = recommendTurn(ctx, {
      user: "u1", k: 10, params: noPrior,
      preferences: prefs({ positive: { soft: [{ attribute: "genre", values: ["Sci-Fi"] }] }, negative: { soft: [{ attribute: "genre", values: ["Horror"] }] } }),
    });
    expect(turn.items).toEqual(["h", "d", "f", "g", "e", "c"]);
    expect(round(turn.scores)).toEqual([0.947992, 0.399331, 0.3, 0.002677, -0.49, -1.2]);
    expect(turn.steps.map((s) => s.tool)).toEqual(["filter", "matcher", "attenuator", "aggregator"]);
    // each item's breakdown adds up to its score
    const { feed } = turn.state;
    feed!.scores.forEach((score, r) => {
      const row = feed!.breakdown.subarray(r * feed!.terms.length, (r + 1) * feed!.terms.length);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(score, 5);
    });
  });

  it("personalises empty preferences from the history, popularity breaking ties", () => {
    // recency: d .705263, g .378947, h .315789, c e f 0; + .01·popularity → d, g, h, f, c, e
    const turn = recommendTurn(ctx, { user: "u1", preferences: prefs({}) });
    expect(turn.items).toEqual(["d", "g", "h", "f", "c", "e"]);
  });

  it("gives an unknown user the popular items, with a note", () => {
    // 1.01·popularity, history-free
    const turn = recommendTurn(ctx, { user: "nobody", preferences: prefs({}), k: 3 });
    expect(turn.items).toEqual(["a", "d", "f"]);
    expect(round(turn.scores)).toEqual([0.909, 0.707, 0.606]);
    expect(turn.steps[0].notes[0]).toBe("warning: unknown user `nobody`: no history");
  });

  it("ranks semantically for a new user with a soft intent", () => {
    // e·[0,1,0,0] + .01·pop: b 1.005, h .804, f .606, e .601
    const turn = recommendTurn(ctx, { preferences: prefs({ positive: { soft: [{ attribute: "text", text: "space" }] } }), k: 4 });
    expect(turn.items).toEqual(["b", "h", "f", "e"]);
  });

  it("honours hard constraints and exclusions, reporting candidate counts", () => {
    // year ≥ 2000: b d f h; minus excluded f → popularity d .7, b .5, h .4
    const turn = recommendTurn(ctx, { preferences: prefs({ positive: { hard: [{ attribute: "year", min: 2000 }] } }), exclude: ["f", "zz"] });
    expect(turn.items).toEqual(["d", "b", "h"]);
    expect(turn.steps[0]).toMatchObject({ tool: "filter", candidatesIn: 8, candidatesOut: 4 });
    expect(turn.steps[3]).toMatchObject({ tool: "aggregator", candidatesIn: 4, candidatesOut: 4 });
    expect(turn.steps[0].notes).toContain("warning: unknown excluded item `zz` ignored");
  });
});
