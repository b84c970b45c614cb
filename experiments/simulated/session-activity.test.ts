import { describe, expect, it } from "vitest";
import type { EvalSession, EvalTurn } from "../../evaluation/interactive-session.ts";
import { emptyPreferences } from "../../schemas/preferences.ts";
import { fixtureContext, prefs } from "../../tools/test-fixtures.ts";
import { sessionActivity } from "./session-activity.ts";
import { simulateFeedback } from "./simulated-feedback.ts";

// fixture items: 0 a Comedy, 1 b Sci-Fi, 2 c Horror, 3 d Romance+Comedy, 5 f Comedy
const ctx = fixtureContext();
const comedy = prefs({ positive: { hard: [{ attribute: "genre", values: ["Comedy"] }] } });
// what the user said: "only comedies, no romance"; the parser missed the romance
const said = prefs({ positive: comedy.positive, negative: { hard: [{ attribute: "genre", values: ["Romance"] }] } });
const turn = (t: Partial<EvalTurn> & Pick<EvalTurn, "items">): EvalTurn => ({ target: 3, gold: emptyPreferences(), latencyMs: 0, ...t });
const session: EvalSession = {
  id: "s", user: "u1", seed: 7, targets: [3],
  turns: [
    turn({ items: [0, 1, 2], latencyMs: 5 }),
    turn({ items: [0, 3, 2], command: "only comedies, no romance", gold: said, parsed: comedy, source: "offline", latencyMs: 7 }),
    turn({ items: [3, 5, 1], command: "comedies please", gold: said, parsed: structuredClone(comedy), source: "llm-fallback", latencyMs: 11 }),
  ],
};

describe("sessionActivity", () => {
  it("counts commands, unchanged memories, latency, Parser runs and hard violations of the parsed memory", () => {
    const { userId, variant, counts } = sessionActivity(session, "B", ctx);
    expect({ userId, variant }).toEqual({ userId: "u1", variant: "B" });
    // served items are counted per command: c then b break the parsed "only comedies" (d breaks only what the user
    // said, which is the behaviour model's business, not the variant's); impressions include the first feed
    expect(counts).toMatchObject({
      sessions: 1, commands: 2, unchangedCommands: 1, latencyMsTotal: 18, parserRuns: 2, parserFallbacks: 1,
      impressions: 9, servedItems: 6, hardViolations: 2,
    });
  });

  it("takes feedback from the behaviour model on what the user said, and counts distinct clicked genres", () => {
    let most = 0;
    for (let seed = 0; seed < 200; seed++) {
      const { counts } = sessionActivity({ ...session, seed }, "B", ctx);
      const events = session.turns.map((t, i) => simulateFeedback({ seed, turn: i, items: t.items, target: 3, stated: t.gold }, ctx));
      const all = (pick: (e: (typeof events)[number]) => number[]) => events.flatMap(pick);
      expect(counts).toMatchObject({
        clicks: all((e) => e.clicked).length, likes: all((e) => e.liked).length,
        notInterested: all((e) => e.notInterested).length, addToCart: all((e) => e.addedToCart).length,
      });
      const genres = new Set(all((e) => e.clicked).flatMap((i) => GENRES[i]));
      expect(counts.clickedCategories).toBe(genres.size);
      most = Math.max(most, genres.size);
    }
    expect(most).toBeGreaterThanOrEqual(3);
  });
});

const GENRES = [["Comedy"], ["Sci-Fi"], ["Horror"], ["Romance", "Comedy"], ["Sci-Fi", "Horror"], ["Comedy"], [], ["Sci-Fi"]];
