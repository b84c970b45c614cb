import { describe, expect, it } from "vitest";
import { invokeTool } from "./define-tool.ts";
import { matcher } from "./matcher.ts";
import { initialRankState } from "./rank-state.ts";
import { fixtureContext, naiveScores, prefs } from "./test-fixtures.ts";

// Semantic: a [1,0,0,0] b [0,1,0,0] c [0,0,1,0] d [.6,0,0,.8] e [0,.6,.8,0] f [.8,.6,0,0] g [0,0,0,1] h [0,.8,0,.6]
// Collab:   a [1,0,0,0] b [0,1,0,0] c [0,0,1,0] d [.6,.8,0,0] e [0,0,.6,.8] f [0,0,0,1] g [.8,0,0,.6] h [0,.6,.8,0]
// Sci-Fi items: b, e, h. u1 history: a, b.
const ctx = fixtureContext();
const u1 = Uint32Array.from([0, 1]);
const sciFi = prefs({ positive: { soft: [{ attribute: "genre", values: ["Sci-Fi"] }] } });
const scores = (preferences = sciFi, history = u1, params: object = {}) => {
  const update = invokeTool(matcher, initialRankState({ preferences, history }), params, ctx);
  return { s: naiveScores(update.terms ?? [], ctx).map((x) => +x.toFixed(6)), update };
};

describe("matcher", () => {
  it("blends the semantic and history terms with α = 0.5", () => {
    // s_sem = e·[0,1,0,0] + 0.5·[Sci-Fi]: a 0, b 1.5, c 0, d 0, e 1.1, f .6, g 0, h 1.3
    // attention over a, b: [0.006693, 0.993307] → q = [0.006693, 0.993307, 0, 0]
    // s_hist: a .006693, b .993307, c 0, d .6·.0066929+.8·.9933071 = .798661, e 0, f 0, g .005354, h .595984
    // s_match = (s_sem + s_hist) / 2
    expect(scores().s).toEqual([0.003346, 1.246654, 0, 0.399331, 0.55, 0.3, 0.002677, 0.947992]);
  });

  it("uses only the semantic term at α = 1 and only history at α = 0", () => {
    expect(scores(sciFi, u1, { alpha: 1 }).s).toEqual([0, 1.5, 0, 0, 1.1, 0.6, 0, 1.3]);
    expect(scores(sciFi, u1, { alpha: 0 }).s).toEqual([0.006693, 0.993307, 0, 0.798661, 0, 0, 0.005354, 0.595984]);
  });

  it("gives the semantic term full weight without history", () => {
    expect(scores(sciFi, new Uint32Array(0)).s).toEqual([0, 1.5, 0, 0, 1.1, 0.6, 0, 1.3]);
  });

  it("averages several intents and the exact-match bonus", () => {
    // intents text "funny" [1,0,0,0] and lang=en (no vector, exact only); m = 2, γ = 1
    // s = (e·[1,0,0,0] + 1·[lang en]) / 2: a (1+1)/2 = 1, b .5, c 0, d (.6+1)/2 = .8, e 0, f .4, g .5, h .5
    const p = prefs({ positive: { soft: [{ attribute: "text", text: "funny" }, { attribute: "lang", values: ["en"] }] } });
    expect(scores(p, new Uint32Array(0), { exactMatchWeight: 1 }).s).toEqual([1, 0.5, 0, 0.8, 0, 0.4, 0.5, 0.5]);
  });

  it("takes item references and soft ranges as intents", () => {
    // like d [.6,0,0,.8] plus year 2000..2010 (b, f) bonus γ = .5; m = 2
    // a .6/2 = .3, b .5/2 = .25, c 0, d 1/2 = .5, e 0, f (.48+.5)/2 = .49, g .8/2 = .4, h .48/2 = .24
    const p = prefs({ positive: { soft: [{ attribute: "item", values: ["d"] }, { attribute: "year", min: 2000, max: 2010 }] } });
    expect(scores(p, new Uint32Array(0)).s).toEqual([0.3, 0.25, 0, 0.5, 0, 0.49, 0.4, 0.24]);
  });

  it("ranks by history alone, by recency, without a positive intent", () => {
    // recency weights [.473684, .526316] → q = [.473684, .526316, 0, 0]
    // a .473684, b .526316, c 0, d .6·.473684+.8·.526316 = .705263, e 0, f 0, g .378947, h .315789
    expect(scores(prefs({})).s).toEqual([0.473684, 0.526316, 0, 0.705263, 0, 0, 0.378947, 0.315789]);
  });

  it("falls back to popularity with neither intent nor history", () => {
    const { s, update } = scores(prefs({}), new Uint32Array(0));
    expect(s).toEqual([0.9, 0.5, 0.2, 0.7, 0.1, 0.6, 0.3, 0.4]);
    expect(update.notes?.[0].text).toMatch(/popularity/);
  });

  it("notes unknown values and words instead of failing", () => {
    const p = prefs({ positive: { soft: [{ attribute: "genre", values: ["Western"] }, { attribute: "text", text: "zzz" }] } });
    const { update } = scores(p, new Uint32Array(0));
    expect(update.notes?.map((n) => n.text)).toEqual([
      "unknown value `Western` of `genre` ignored",
      'no known word in text "zzz"; ignored',
      "no positive intent and no history: ranking by popularity",
    ]);
  });
});
