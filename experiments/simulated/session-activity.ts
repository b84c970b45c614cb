import { categoryValues } from "../../catalog/catalog.ts";
import { resolveHardConstraints, type ConstraintContext } from "../../evaluation/constraint-satisfaction.ts";
import type { EvalSession } from "../../evaluation/interactive-session.ts";
import { emptyPreferences } from "../../schemas/preferences.ts";
import { mainCategory } from "../metrics/main-category.ts";
import { emptyCounts, type UserActivity } from "../metrics/user-activity.ts";
import { simulateFeedback } from "./simulated-feedback.ts";

/**
 * One simulated session's counts under one variant, defined as live experiments define them: impressions and feedback
 * (from the behaviour model) on every feed the user saw, the one before the first command included; per command the
 * latency, the Parser run, whether the parsed memory changed, and the served items with those violating a hard
 * constraint of that memory. Clicked categories are the distinct values of `mainCategory`.
 */
export function sessionActivity(session: EvalSession, variant: string, ctx: ConstraintContext): UserActivity {
  const counts = emptyCounts();
  counts.sessions = 1;
  const category = mainCategory(ctx.catalog);
  const clickedValues = new Set<string>();
  let previous = JSON.stringify(emptyPreferences());
  session.turns.forEach((turn, t) => {
    if (turn.command !== undefined) {
      const memory = turn.parsed ?? emptyPreferences();
      counts.commands++;
      counts.parserRuns++;
      if (turn.source === "llm-fallback") counts.parserFallbacks++;
      counts.latencyMsTotal += turn.latencyMs;
      const current = JSON.stringify(memory);
      if (current === previous) counts.unchangedCommands++;
      previous = current;
      const hard = resolveHardConstraints(memory, ctx);
      counts.servedItems += turn.items.length;
      for (const item of turn.items) if (!hard.satisfies(item)) counts.hardViolations++;
    }
    const events = simulateFeedback({ seed: session.seed, turn: t, items: turn.items, target: turn.target, stated: turn.gold }, ctx);
    counts.impressions += events.impressions;
    counts.clicks += events.clicked.length;
    counts.likes += events.liked.length;
    counts.notInterested += events.notInterested.length;
    counts.addToCart += events.addedToCart.length;
    if (category) {
      for (const item of new Set([...events.clicked, ...events.liked])) {
        for (const value of categoryValues(category, item)) clickedValues.add(value);
      }
    }
  });
  counts.clickedCategories = clickedValues.size;
  return { userId: session.user, variant, counts };
}
