/**
 * How a simulated user reacts to a feed, item by item. Every item shown is an impression; whether it is examined
 * falls with its rank (1 / log2(rank + 2), the DCG discount); an examined item is then judged by how well it fits
 * what the user has said so far (the gold memory: the stated wants and avoids, not what a parser made of them):
 *
 * - "not interested" when it has a value the user said it does not want (hard avoid 35 %, soft avoid 10 %), or lacks
 *   one it insisted on (a broken hard want, 15 %), else 1 %; never for the target itself;
 * - otherwise a click: the target 60 %; any other item 3 % + 25 % × the share of the stated wants it fits, ×0.2 when
 *   it has an avoided value;
 * - a like after a click on a strong fit: the target 60 %, an item fitting every stated want and no avoid 30 %;
 * - add-to-cart after a click on the target, 50 %.
 *
 * Each event is decided by comparing its probability with a common random number keyed by (user seed, turn, item,
 * event), so two variants showing the same item to the same user at the same turn get the same outcome when their
 * probabilities agree, and ordered outcomes when they do not. Wants and avoids are checked the way the Filter checks
 * hard constraints; free-text wants cannot be checked without the models and are left out of the fit.
 */
import type { AttributeIndex, Predicate } from "../../catalog/attribute-index.ts";
import type { ConstraintContext } from "../../evaluation/constraint-satisfaction.ts";
import type { Constraint, Preferences } from "../../schemas/preferences.ts";
import { resolvePredicate } from "../../tools/resolve-constraint.ts";
import type { ToolContext } from "../../tools/tool-context.ts";
import { commonUniform, type DrawKind } from "./common-random.ts";

/** The behaviour model's probabilities (see the module comment). */
export const FEEDBACK = {
  baseClick: 0.03,
  fitClick: 0.25,
  targetClick: 0.6,
  avoidedClickFactor: 0.2,
  likeStrongFit: 0.3,
  likeTarget: 0.6,
  cartTarget: 0.5,
  notInterested: { hardAvoid: 0.35, brokenHardWant: 0.15, softAvoid: 0.1, other: 0.01 },
} as const;

/** What the user has said, resolved against the catalog once per feed. */
export interface StatedWants {
  wants: { predicate: Predicate; hard: boolean }[];
  hardAvoids: Predicate[];
  softAvoids: Predicate[];
}

/** How one item fits what the user said. */
export interface ItemFit {
  target: boolean;
  /** stated wants that could be checked */
  wants: number;
  /** share of them the item fits; 0 when none could be checked */
  wantShare: number;
  brokenHardWant: boolean;
  hardAvoid: boolean;
  softAvoid: boolean;
}

export interface EventChances {
  notInterested: number;
  click: number;
  /** given a click */
  like: number;
  /** given a click */
  addToCart: number;
}

/** The items of one feed the user acted on (item indices), and how many it saw. */
export interface FeedbackEvents {
  impressions: number;
  clicked: number[];
  liked: number[];
  notInterested: number[];
  addedToCart: number[];
}

export interface ShownFeed {
  seed: number;
  turn: number;
  /** item indices, best first */
  items: readonly number[];
  /** the item the user is after */
  target: number;
  /** what the user has said so far */
  stated: Preferences;
}

export function resolveStatedWants(stated: Preferences, ctx: ConstraintContext): StatedWants {
  // resolvePredicate reads only `catalog` and `index` of its context
  const resolve = (c: Constraint) => resolvePredicate(c, ctx as ToolContext, () => {});
  const wants = (hard: boolean) => stated.positive[hard ? "hard" : "soft"].flatMap((c) => {
    const predicate = resolve(c);
    return predicate ? [{ predicate, hard }] : [];
  });
  const avoids = (list: Constraint[]) => list.flatMap((c) => resolve(c) ?? []);
  return { wants: [...wants(true), ...wants(false)], hardAvoids: avoids(stated.negative.hard), softAvoids: avoids(stated.negative.soft) };
}

export function fitOf(item: number, target: number, stated: StatedWants, index: AttributeIndex): ItemFit {
  let fits = 0;
  let brokenHardWant = false;
  for (const { predicate, hard } of stated.wants) {
    if (index.matches(predicate, item)) fits++;
    else if (hard) brokenHardWant = true;
  }
  const wants = stated.wants.length;
  return {
    target: item === target,
    wants,
    wantShare: wants > 0 ? fits / wants : 0,
    brokenHardWant,
    hardAvoid: stated.hardAvoids.some((p) => index.matches(p, item)),
    softAvoid: stated.softAvoids.some((p) => index.matches(p, item)),
  };
}

/** The chance of each event for an item at a rank (0 = top), examination included. */
export function eventChances(fit: ItemFit, rank: number): EventChances {
  const seen = 1 / Math.log2(rank + 2);
  const ni = FEEDBACK.notInterested;
  const avoided = fit.hardAvoid || fit.softAvoid;
  const rejection = fit.target ? 0 : fit.hardAvoid ? ni.hardAvoid : fit.brokenHardWant ? ni.brokenHardWant : fit.softAvoid ? ni.softAvoid : ni.other;
  const click = fit.target
    ? FEEDBACK.targetClick
    : (FEEDBACK.baseClick + FEEDBACK.fitClick * fit.wantShare) * (avoided ? FEEDBACK.avoidedClickFactor : 1);
  const strong = fit.wants > 0 && fit.wantShare === 1 && !avoided;
  return {
    notInterested: seen * rejection,
    click: seen * click,
    like: fit.target ? FEEDBACK.likeTarget : strong ? FEEDBACK.likeStrongFit : 0,
    addToCart: fit.target ? FEEDBACK.cartTarget : 0,
  };
}

/** The user's reaction to one feed. */
export function simulateFeedback(feed: ShownFeed, ctx: ConstraintContext): FeedbackEvents {
  const stated = resolveStatedWants(feed.stated, ctx);
  const events: FeedbackEvents = { impressions: feed.items.length, clicked: [], liked: [], notInterested: [], addedToCart: [] };
  feed.items.forEach((item, rank) => {
    const chances = eventChances(fitOf(item, feed.target, stated, ctx.index), rank);
    const draw = (kind: DrawKind) => commonUniform({ seed: feed.seed, turn: feed.turn, item: ctx.catalog.ids[item], kind });
    if (draw("not-interested") < chances.notInterested) {
      events.notInterested.push(item);
      return;
    }
    if (draw("click") >= chances.click) return;
    events.clicked.push(item);
    if (draw("like") < chances.like) events.liked.push(item);
    if (draw("add-to-cart") < chances.addToCart) events.addedToCart.push(item);
  });
  return events;
}
