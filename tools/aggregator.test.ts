import { describe, expect, it } from "vitest";
import { aggregator } from "./aggregator.ts";
import { invokeTool } from "./define-tool.ts";
import { applyUpdate, initialRankState, type RankState } from "./rank-state.ts";
import type { ScoreTerm } from "./score-terms.ts";
import { fixtureContext, naiveScores, prefs } from "./test-fixtures.ts";

// Semantic: a [1,0,0,0] b [0,1,0,0] c [0,0,1,0] d [.6,0,0,.8] e [0,.6,.8,0] f [.8,.6,0,0] g [0,0,0,1] h [0,.8,0,.6]
// Popularity: a .9 b .5 c .2 d .7 e .1 f .6 g .3 h .4
const ctx = fixtureContext();
const comedyAxis: ScoreTerm = { kind: "dense", tool: "test", label: "comedy", space: "semantic", query: Float32Array.from([1, 0, 0, 0]), weight: 1 };
const sciFiAxis: ScoreTerm = { kind: "dense", tool: "test", label: "sci-fi", space: "semantic", query: Float32Array.from([0, 1, 0, 0]), weight: 0.5 };
const aggregate = (state: Partial<RankState>, params: object = { popularityPrior: 0 }) => {
  const s = initialRankState({ preferences: prefs({}), ...state });
  const out = applyUpdate(s, invokeTool(aggregator, s, params, ctx));
  const feed = out.feed!;
  return { ids: Array.from(feed.items, (i) => ctx.catalog.ids[i]), scores: Array.from(feed.scores, (x) => +x.toFixed(6)), feed, out };
};

describe("aggregator", () => {
  it("sums the terms of one space and returns the top k, best first", () => {
    // comedy + .5·sci-fi: a 1, b .5, c 0, d .6, e .3, f 1.1, g 0, h .4
    const { ids, scores } = aggregate({ terms: [comedyAxis, sciFiAxis], k: 3 });
    expect(ids).toEqual(["f", "a", "d"]);
    expect(scores).toEqual([1.1, 1, 0.6]);
  });

  it("never returns history or excluded items", () => {
    const { ids } = aggregate({ terms: [comedyAxis, sciFiAxis], k: 3, history: Uint32Array.from([5]), excluded: Uint32Array.from([0]) });
    expect(ids).toEqual(["d", "b", "h"]);
  });

  it("returns only Filter candidates, fewer than k when fewer exist", () => {
    // candidates c, d, f (3 of 8: gathered rows); f is history
    const { ids, out } = aggregate({ terms: [comedyAxis], k: 10, candidates: Uint32Array.from([2, 3, 5]), history: Uint32Array.from([5]) });
    expect(ids).toEqual(["d", "c"]);
    expect(out.notes.map((n) => n.text)).toContain("only 2 unseen candidates for k = 10");
  });

  it("gives the same scores whether it scans everything or gathers candidates", () => {
    const bonus: ScoreTerm = { kind: "bonus", tool: "test", label: "en", predicate: { kind: "category", attribute: "lang", codes: [0] }, weight: 0.25 };
    const terms = [comedyAxis, sciFiAxis, bonus];
    const naive = naiveScores(terms, ctx);
    const many = Uint32Array.from([0, 1, 2, 3, 4, 5]); // 75% of the catalog: full scan
    const few = Uint32Array.from([1, 4, 6]); // gathered
    for (const candidates of [many, few]) {
      const { feed } = aggregate({ terms, candidates, k: 8 });
      feed.items.forEach((item, r) => expect(feed.scores[r]).toBeCloseTo(naive[item], 6));
      expect(feed.items.length).toBe(candidates.length);
    }
  });

  it("breaks exact ties by item order, and by popularity when the prior is on", () => {
    expect(aggregate({ k: 4 }).ids).toEqual(["a", "b", "c", "d"]);
    // prior .01·popularity: a .009, d .007, f .006, b .005
    const { ids, scores } = aggregate({ k: 4 }, {});
    expect(ids).toEqual(["a", "d", "f", "b"]);
    expect(scores).toEqual([0.009, 0.007, 0.006, 0.005]);
  });

  it("explains each returned score term by term", () => {
    const bonus: ScoreTerm = { kind: "bonus", tool: "test", label: "Comedy", predicate: { kind: "category", attribute: "genre", codes: [0] }, weight: -2 };
    const { ids, feed } = aggregate({ terms: [comedyAxis, bonus], k: 2 }, { popularityPrior: 0.1 });
    // a 1 − 2 + .09 = −.91; b .05; c .02; d .6 − 2 + .07; f .8 − 2 + .06; g .03; h .04 → b, h
    expect(ids).toEqual(["b", "h"]);
    expect(feed.terms).toEqual(["test: comedy", "test: Comedy", "aggregator: popularity prior"]);
    expect(Array.from(feed.breakdown, (x) => +x.toFixed(6) + 0)).toEqual([0, 0, 0.05, 0, 0, 0.04]);
  });
});
