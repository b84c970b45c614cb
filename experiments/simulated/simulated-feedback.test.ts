import { describe, expect, it } from "vitest";
import { fixtureContext, prefs } from "../../tools/test-fixtures.ts";
import { eventChances, fitOf, resolveStatedWants, simulateFeedback } from "./simulated-feedback.ts";

// fixture items: 0 a Comedy/en, 1 b Sci-Fi/en, 2 c Horror/fr, 3 d Romance+Comedy/en, 5 f Comedy/fr, 7 h Sci-Fi/en
const ctx = fixtureContext();
const [a, b, c, d, , f, , h] = [0, 1, 2, 3, 4, 5, 6, 7];
const stated = prefs({
  positive: { hard: [{ attribute: "genre", values: ["Comedy"] }], soft: [{ attribute: "lang", values: ["en"] }] },
  negative: { hard: [{ attribute: "genre", values: ["Horror"] }], soft: [{ attribute: "lang", values: ["fr"] }] },
});
const wants = resolveStatedWants(stated, ctx);
const fit = (item: number) => fitOf(item, d, wants, ctx.index);
const seen1 = 1 / Math.log2(3);

describe("the behaviour model", () => {
  it("judges items by the wants and avoids the user stated", () => {
    expect(fit(a)).toEqual({ target: false, wants: 2, wantShare: 1, brokenHardWant: false, hardAvoid: false, softAvoid: false });
    expect(fit(c)).toEqual({ target: false, wants: 2, wantShare: 0, brokenHardWant: true, hardAvoid: true, softAvoid: true });
    expect(fit(f)).toEqual({ target: false, wants: 2, wantShare: 0.5, brokenHardWant: false, hardAvoid: false, softAvoid: true });
    expect(fit(b)).toMatchObject({ wantShare: 0.5, brokenHardWant: true, hardAvoid: false });
    expect(fit(d)).toMatchObject({ target: true, wantShare: 1 });
  });

  it("gives the documented chances, discounted by rank", () => {
    // a strong fit on top: clicked 3 % + 25 %, liked 30 % of the time when clicked
    expect(eventChances(fit(a), 0)).toEqual({ notInterested: 0.01, click: 0.28, like: 0.3, addToCart: 0 });
    // a hard avoid at rank 2 (seen half the time): 35 % rejection, 3 % × 0.2 clicks
    const hardAvoid = eventChances(fit(c), 2);
    expect(hardAvoid.notInterested).toBeCloseTo(0.175, 12);
    expect(hardAvoid.click).toBeCloseTo(0.003, 12);
    expect(hardAvoid.like).toBe(0);
    // a soft avoid fitting half the wants at rank 1
    const softAvoid = eventChances(fit(f), 1);
    expect(softAvoid.notInterested).toBeCloseTo(0.1 * seen1, 12);
    expect(softAvoid.click).toBeCloseTo((0.03 + 0.125) * 0.2 * seen1, 12);
    // breaking a hard want is rejected more often than a soft avoid, and never liked
    expect(eventChances(fit(b), 0)).toMatchObject({ notInterested: 0.15, like: 0 });
    expect(eventChances(fit(b), 0).click).toBeCloseTo(0.155, 12);
    expect(eventChances(fit(d), 0)).toEqual({ notInterested: 0, click: 0.6, like: 0.6, addToCart: 0.5 });
  });

  it("acts with those chances over many users", () => {
    const users = 20_000;
    const tally = { clicks: 0, likes: 0, rejections: 0, carts: 0 };
    for (let seed = 0; seed < users; seed++) {
      const events = simulateFeedback({ seed, turn: 1, items: [a, d], target: d, stated }, ctx);
      expect(events.impressions).toBe(2);
      tally.clicks += events.clicked.filter((i) => i === a).length;
      tally.likes += events.liked.filter((i) => i === a).length;
      tally.rejections += events.notInterested.filter((i) => i === a).length;
      tally.carts += events.addedToCart.filter((i) => i === d).length;
    }
    const rate = (x: number) => x / users;
    // each within about 4 standard errors of its binomial proportion
    expect(rate(tally.rejections)).toBeCloseTo(0.01, 2);
    expect(Math.abs(rate(tally.clicks) - 0.99 * 0.28)).toBeLessThan(0.013);
    expect(Math.abs(rate(tally.likes) - 0.99 * 0.28 * 0.3)).toBeLessThan(0.008);
    expect(Math.abs(rate(tally.carts) - 0.6 * seen1 * 0.5)).toBeLessThan(0.014);
  });

  it("flips the same coins for the same user, turn and item under any feed (common random numbers)", () => {
    let differentTurn = 0;
    for (let seed = 0; seed < 500; seed++) {
      const one = simulateFeedback({ seed, turn: 2, items: [a, b, f], target: d, stated }, ctx);
      const other = simulateFeedback({ seed, turn: 2, items: [a, h, f], target: d, stated }, ctx);
      const onAF = (e: typeof one) => [e.clicked, e.liked, e.notInterested].map((list) => list.filter((i) => i === a || i === f));
      expect(onAF(other)).toEqual(onAF(one));
      const later = simulateFeedback({ seed, turn: 3, items: [a, b, f], target: d, stated }, ctx);
      if (JSON.stringify(onAF(later)) !== JSON.stringify(onAF(one))) differentTurn++;
    }
    // at a later turn the coins are new: 1 − P(same events on a and f) is well above 10 %
    expect(differentTurn).toBeGreaterThan(50);
  });
});
