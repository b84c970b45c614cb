import { describe, expect, it } from "vitest";
import { attenuator } from "./attenuator.ts";
import { invokeTool } from "./define-tool.ts";
import { initialRankState } from "./rank-state.ts";
import { fixtureContext, naiveScores, prefs } from "./test-fixtures.ts";

// Semantic: a [1,0,0,0] b [0,1,0,0] c [0,0,1,0] d [.6,0,0,.8] e [0,.6,.8,0] f [.8,.6,0,0] g [0,0,0,1] h [0,.8,0,.6]
// Horror items: c, e.
const ctx = fixtureContext();
const penalties = (negative: Parameters<typeof prefs>[0]["negative"], params: object = {}) => {
  const update = invokeTool(attenuator, initialRankState({ preferences: prefs({ negative }) }), params, ctx);
  return naiveScores(update.terms ?? [], ctx).map((x) => +x.toFixed(6) + 0);
};

describe("attenuator", () => {
  it("penalises similarity to a negative soft value, plus the exact match", () => {
    // −0.8·(e·[0,0,1,0] + 0.5·[Horror]): c −0.8·1.5 = −1.2, e −0.8·(.8+.5) = −1.04
    expect(penalties({ soft: [{ attribute: "genre", values: ["Horror"] }] })).toEqual([0, 0, -1.2, 0, -1.04, 0, 0, 0]);
  });

  it("averages over several negative intents and scales with β", () => {
    // Horror and text "funny" [1,0,0,0], n = 2, β = 1: −(sim_horror + .5·[Horror] + sim_funny) / 2
    // a −.5, c −.75, d −.3, e −.65, f −.4
    expect(penalties({ soft: [{ attribute: "genre", values: ["Horror"] }, { attribute: "text", text: "funny" }] }, { beta: 1 }))
      .toEqual([-0.5, 0, -0.75, -0.3, -0.65, -0.4, 0, 0]);
  });

  it("treats negative hard free text as a penalty (the Filter cannot apply it)", () => {
    expect(penalties({ hard: [{ attribute: "text", text: "scary" }] })).toEqual([0, 0, -0.8, 0, -0.64, 0, 0, 0]);
  });

  it("does nothing without negative soft intents or at β = 0", () => {
    expect(penalties({ hard: [{ attribute: "genre", values: ["Horror"] }] })).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(penalties({ soft: [{ attribute: "genre", values: ["Horror"] }] }, { beta: 0 })).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("refuses a β outside its range", () => {
    expect(() => penalties({}, { beta: -1 })).toThrow();
  });
});
