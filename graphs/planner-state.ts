import { Annotation } from "@langchain/langgraph";
import type { Preferences } from "../schemas/preferences.ts";
import type { Feed, ToolNote } from "../tools/rank-state.ts";
import type { ScoreTerm } from "../tools/score-terms.ts";
import type { ToolContext } from "../tools/tool-context.ts";

const append = <T>(left: T[], right: T[]) => left.concat(right);

/** The Planner graph's state: RankState as LangGraph channels (`terms` and `notes` append, the rest replace). */
export const PlannerState = Annotation.Root({
  preferences: Annotation<Preferences>,
  history: Annotation<Uint32Array>,
  excluded: Annotation<Uint32Array>,
  k: Annotation<number>,
  candidates: Annotation<Uint32Array | null>,
  terms: Annotation<ScoreTerm[]>({ reducer: append, default: () => [] }),
  feed: Annotation<Feed | null>,
  notes: Annotation<ToolNote[]>({ reducer: append, default: () => [] }),
});

export type PlannerGraphState = typeof PlannerState.State;
export type PlannerGraphUpdate = typeof PlannerState.Update;

const countIntents = (constraints: { attribute: string }[], kinds: string[]) => constraints.filter((c) => kinds.includes(c.attribute)).length;

/**
 * What edge conditions of a Planner graph can read: the preference buckets as they are, counts for
 * the typed arrays, and `intents` — how many constraints the Matcher (positive soft, positive hard
 * text/item) and the Attenuator (negative soft, negative hard text) will score.
 */
export function plannerScope(state: PlannerGraphState, ctx: ToolContext) {
  const { positive, negative } = state.preferences;
  return {
    positive,
    negative,
    history: { count: state.history.length },
    excluded: { count: state.excluded.length },
    candidates: { count: state.candidates?.length ?? ctx.catalog.size, filtered: state.candidates !== null },
    intents: {
      positive: positive.soft.length + countIntents(positive.hard, ["text", "item"]),
      negative: negative.soft.length + countIntents(negative.hard, ["text"]),
    },
    terms: { count: state.terms.length },
    feed: { count: state.feed?.items.length ?? 0 },
    k: state.k,
  };
}

/** Root names a Planner condition may start with. */
export const PLANNER_SCOPE_NAMES = ["positive", "negative", "history", "excluded", "candidates", "intents", "terms", "feed", "k"];
