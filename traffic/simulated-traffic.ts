import { AttributeIndex } from "../catalog/attribute-index.ts";
import type { Catalog } from "../catalog/catalog.ts";
import { simulateFeedback } from "../experiments/simulated/simulated-feedback.ts";
import { createRandom, shuffledIndices } from "../models/seeded-random.ts";
import type { Progress } from "../models/progress.ts";
import { holdOut } from "../simulation/holdout.ts";
import { SCENARIOS } from "../simulation/scenarios.ts";
import { SimulatedUser } from "../simulation/simulated-user.ts";
import { TrafficClient } from "./traffic-client.ts";

export interface TrafficOptions {
  /** the server, e.g. http://127.0.0.1:3000 */
  url: string;
  catalog: Catalog;
  /** the server's id of that catalog; default: the server's default catalog */
  catalogId?: string;
  users: number;
  seed: number;
  /** users in flight at once */
  concurrency: number;
  k: number;
  progress?: Progress;
}

export interface TrafficSummary {
  users: number;
  commands: number;
  events: number;
  /** users per experiment variant (sessions enrolled in a running experiment) */
  variants: Record<string, number>;
  /** requests the server refused (rate limits are waited out and retried, not counted) */
  failures: string[];
}

/**
 * Drives a running server with simulated shoppers over its real HTTP API: each signs up, opens a session (enrolled
 * in the catalog's running experiment, if any), types the commands an agenda-based simulated user would type in
 * reaction to the feeds it gets, and sends impression, click, like, not-interested and add-to-cart events from the
 * simulation's behaviour model. For demonstrating and testing live experiments; the server cannot tell it from people.
 */
export async function driveTraffic(options: TrafficOptions): Promise<TrafficSummary> {
  const { catalog, seed } = options;
  const ctx = { catalog, index: new AttributeIndex(catalog) };
  const { policy } = SCENARIOS.MR;
  const { cases } = holdOut(catalog, { targets: 1 });
  if (cases.length === 0) throw new Error(`catalog ${catalog.name} has no user with enough history to simulate`);
  const order = shuffledIndices(cases.length, createRandom(seed));
  const client = new TrafficClient(options.url);
  const summary: TrafficSummary = { users: 0, commands: 0, events: 0, variants: {}, failures: [] };
  options.progress?.phase("simulated users", options.users);

  // The server's catalog still holds each user's last positive in its history, and feeds never repeat the history:
  // a shopper personalised by one catalog user looks for another user's last positive that it has not had.
  const targetFor = (n: number, history: ReadonlySet<number>) => {
    for (let m = 1; m < order.length; m++) {
      const item = cases[order[(n + m) % order.length]].targets[0];
      if (!history.has(item)) return item;
    }
    throw new Error("no item outside the user's history to look for");
  };

  const runUser = async (n: number) => {
    const heldOut = cases[order[n % order.length]];
    const history = new Set<number>([...heldOut.history, ...heldOut.targets]);
    const target = targetFor(n, history);
    const userSeed = seed * 100_003 + n;
    const simulated = new SimulatedUser({ index: ctx.index, targets: [target], policy, seed: userSeed, k: options.k });
    const token = await client.signUp(`simulated ${n + 1}`);
    const session = await client.createSession(token, { catalogUser: heldOut.user, catalog: options.catalogId });
    if (session.experiment) summary.variants[session.experiment.variant] = (summary.variants[session.experiment.variant] ?? 0) + 1;
    let feed: number[] = [];
    for (let turn = 1, step = simulated.next(feed); step; turn++, step = simulated.next(feed)) {
      const result = await client.command(token, session.id, step.command, options.k);
      summary.commands++;
      feed = result.feed.map((f) => catalog.indexOf.get(f.id)).filter((i) => i !== undefined);
      const reaction = simulateFeedback({ seed: userSeed, turn, items: feed, target, stated: step.gold }, ctx);
      const event = (type: string) => (item: number) => ({ type, itemId: catalog.ids[item], position: feed.indexOf(item), runId: result.planner.runId });
      const events = [
        ...feed.map(event("impression")), ...reaction.clicked.map(event("click")), ...reaction.liked.map(event("like")),
        ...reaction.notInterested.map(event("not_interested")), ...reaction.addedToCart.map(event("add_to_cart")),
      ];
      if (events.length > 0) await client.events(token, session.id, events);
      summary.events += events.length;
    }
    summary.users++;
  };

  let next = 0;
  const worker = async () => {
    while (next < options.users) {
      const n = next++;
      try {
        await runUser(n);
      } catch (error) {
        summary.failures.push(`user ${n + 1}: ${(error as Error).message}`);
      }
      options.progress?.update(summary.users + summary.failures.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  options.progress?.done();
  return summary;
}
