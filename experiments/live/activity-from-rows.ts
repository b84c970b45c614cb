import { categoryValues } from "../../catalog/catalog.ts";
import { resolveHardConstraints, type ConstraintContext } from "../../evaluation/constraint-satisfaction.ts";
import { emptyPreferences, type Preferences } from "../../schemas/preferences.ts";
import { mainCategory } from "../metrics/main-category.ts";
import { emptyCounts, type ActivityCounts, type UserActivity } from "../metrics/user-activity.ts";
import type { ExperimentActivityRows } from "./activity-rows.ts";

type Turns = ExperimentActivityRows["turns"];
const EMPTY_MEMORY = JSON.stringify(emptyPreferences());
type Runs = ExperimentActivityRows["runs"];
type Events = ExperimentActivityRows["events"];

/** Per-user activity of an experiment's stored sessions, with each user's pre-experiment activity; and each user's turn latencies, by variant. */
export function activityFromRows(rows: ExperimentActivityRows, ctx: ConstraintContext): { users: UserActivity[]; latencies: Map<string, Map<string, number[]>> } {
  const variantOf = new Map<string, string>();
  const userOfSession = new Map<string, string>();
  for (const s of rows.sessions) {
    userOfSession.set(s.id, s.userId);
    if (!variantOf.has(s.userId)) variantOf.set(s.userId, s.variant);
  }
  const latencies = new Map<string, Map<string, number[]>>();
  const counts = countActivity(rows, userOfSession, ctx, (user, ms) => {
    const variant = variantOf.get(user)!;
    const byUser = latencies.get(variant) ?? latencies.set(variant, new Map()).get(variant)!;
    (byUser.get(user) ?? byUser.set(user, []).get(user)!).push(ms);
  });
  const pre = countActivity(rows.pre, new Map(rows.pre.sessions.map((s) => [s.id, s.userId])), ctx);
  const users = [...variantOf].map(([userId, variant]) => {
    const activity: UserActivity = { userId, variant, counts: counts.get(userId) ?? emptyCounts() };
    const before = pre.get(userId);
    if (before && before.commands + before.impressions > 0) activity.pre = before;
    return activity;
  });
  return { users, latencies };
}

function countActivity(
  rows: { turns: Turns; runs: Runs; events: Events },
  userOfSession: Map<string, string>,
  ctx: ConstraintContext,
  onLatency?: (user: string, ms: number) => void,
): Map<string, ActivityCounts> {
  const out = new Map<string, ActivityCounts>();
  const of = (user: string) => out.get(user) ?? out.set(user, emptyCounts()).get(user)!;
  const runs = new Map(rows.runs.map((r) => [r.id, r]));
  const sessionsWithTurns = new Set<string>();
  const category = mainCategory(ctx.catalog);
  const clicked = new Map<string, Set<string>>();

  const bySession = new Map<string, Turns>();
  for (const t of rows.turns) (bySession.get(t.sessionId) ?? bySession.set(t.sessionId, []).get(t.sessionId)!).push(t);
  for (const [sessionId, turns] of bySession) {
    const user = userOfSession.get(sessionId);
    if (user === undefined) continue;
    const c = of(user);
    sessionsWithTurns.add(sessionId);
    let before = EMPTY_MEMORY;
    for (const t of turns.sort((a, b) => a.turn - b.turn)) {
      c.commands++;
      // the same memory written with keys in another order has the same length; a changed one almost never does
      if (t.memoryJson === before || (t.memoryJson.length === before.length && canonical(t.memoryJson) === canonical(before))) c.unchangedCommands++;
      before = t.memoryJson;
      const ran = (JSON.parse(t.runIdsJson) as string[]).map((id) => runs.get(id)).filter((r) => r !== undefined);
      const finished = ran.map((r) => r.finishedAt).filter((f): f is number => f !== null);
      if (ran.length > 0 && finished.length === ran.length) {
        const ms = Math.max(...finished) - Math.min(...ran.map((r) => r.startedAt));
        c.latencyMsTotal += ms;
        onLatency?.(user, ms);
      }
      for (const r of ran) if (r.kind === "parser") {
        c.parserRuns++;
        if (r.hasFallback) c.parserFallbacks++;
      }
      const feed = (JSON.parse(t.feedJson) as string[]).map((id) => ctx.catalog.indexOf.get(id)).filter((i) => i !== undefined);
      const hard = resolveHardConstraints(JSON.parse(t.memoryJson) as Preferences, ctx);
      c.servedItems += feed.length;
      if (hard.positive.length + hard.negative.length > 0) for (const item of feed) if (!hard.satisfies(item)) c.hardViolations++;
    }
  }
  for (const sessionId of sessionsWithTurns) of(userOfSession.get(sessionId)!).sessions++;

  for (const e of rows.events) {
    const user = userOfSession.get(e.sessionId);
    if (user === undefined) continue;
    const c = of(user);
    if (e.type === "impression") c.impressions++;
    else if (e.type === "click") c.clicks++;
    else if (e.type === "like") c.likes++;
    else if (e.type === "not_interested") c.notInterested++;
    else if (e.type === "add_to_cart") c.addToCart++;
    if ((e.type === "click" || e.type === "like") && category) {
      const item = ctx.catalog.indexOf.get(e.itemId);
      if (item === undefined) continue;
      const seen = clicked.get(user) ?? clicked.set(user, new Set()).get(user)!;
      for (const v of categoryValues(category, item)) seen.add(v);
    }
  }
  for (const [user, seen] of clicked) of(user).clickedCategories = seen.size;
  return out;
}

/** Memory JSON compared without regard to key order. */
function canonical(json: string): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sort(x)])) : v;
  return JSON.stringify(sort(JSON.parse(json)));
}
