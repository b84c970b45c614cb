/**
 * The systems `recbot eval` compares, behind one interface: each turn a system sees what the simulated user typed
 * (and, for the oracle, the gold memory) and answers with its own feed. Systems that parse also return the memory
 * they parsed, so it can be scored against the gold.
 */
import type { Catalog } from "../catalog/catalog.ts";
import type { StepEvent } from "../graphs/step-events.ts";
import type { TrainingData } from "../models/collaborative/training-data.ts";
import type { ParseSource } from "../parser/parser-state.ts";
import { parseWithGraph, planWithGraph, type Agents } from "../runtime/agents.ts";
import type { Preferences } from "../schemas/preferences.ts";
import type { HeldOutCase } from "../simulation/holdout.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { bm25Recommender } from "./baselines/bm25.ts";
import { itemKnnRecommender } from "./baselines/item-knn.ts";
import { popularityRecommender } from "./baselines/popularity.ts";
import type { Recommender } from "./baselines/recommender.ts";

/** What a system is shown at one turn; turn 0 has no command. */
export interface SystemTurn {
  heldOut: HeldOutCase;
  /** every command typed so far, oldest first (empty at turn 0) */
  commands: readonly string[];
  /** the memory a perfect parser would hold now */
  gold: Preferences;
  /** the feed the user is looking at (item indices, best first) */
  feed: readonly number[];
  k: number;
}

export interface SystemAnswer {
  items: number[];
  /** the memory the system parsed, for systems that parse */
  parsed?: Preferences;
  /** where the parsed memory came from (offline parser, LLM, or the offline fallback of an LLM parser) */
  source?: ParseSource;
  /** Planner graphs: candidate items before and after each node that reported them, in run order */
  funnel?: FunnelStep[];
}

export interface FunnelStep {
  node: string;
  in: number;
  out: number;
}

/** The candidate funnel of a Planner run, from its node_end events. */
export function funnelOf(events: StepEvent[]): FunnelStep[] {
  const steps: FunnelStep[] = [];
  for (const e of events) if (e.type === "node_end" && e.candidates) steps.push({ node: e.nodeId, ...e.candidates });
  return steps;
}

/** One evaluated system; `session()` starts a fresh per-session state (a parsing system's own memory). */
export interface EvalSystem {
  readonly name: string;
  readonly kind: "recbot" | "oracle" | "baseline";
  readonly parses: boolean;
  session(): (turn: SystemTurn) => Promise<SystemAnswer>;
}

const emptyMemory = (): Preferences => ({ positive: { hard: [], soft: [] }, negative: { hard: [], soft: [] } });

/** The Parser graph reads each command with its own memory and the feed shown; the Planner ranks that memory. */
export function recbotSystem(name: string, agents: Agents, ctx: ToolContext): EvalSystem {
  const { ids, indexOf } = ctx.catalog;
  return {
    name, kind: "recbot", parses: true,
    session() {
      let memory = emptyMemory();
      return async (turn) => {
        const command = turn.commands.at(-1);
        let source: ParseSource | undefined;
        if (command !== undefined) {
          ({ preferences: memory, source } = await parseWithGraph(agents, { command, memory, feed: turn.feed.map((i) => ids[i]) }));
        }
        const { items, events } = await planWithGraph(agents, ctx, { preferences: memory, user: turn.heldOut.user, k: turn.k });
        return { items: items.map((id) => indexOf.get(id)!), parsed: command === undefined ? undefined : memory, source, funnel: funnelOf(events) };
      };
    },
  };
}

/** Oracle parse: the gold memory goes straight into the Planner graph. */
export function oracleSystem(name: string, agents: Agents, ctx: ToolContext): EvalSystem {
  const { indexOf } = ctx.catalog;
  return {
    name, kind: "oracle", parses: false,
    session: () => async (turn) => {
      const { items, events } = await planWithGraph(agents, ctx, { preferences: turn.gold, user: turn.heldOut.user, k: turn.k });
      return { items: items.map((id) => indexOf.get(id)!), funnel: funnelOf(events) };
    },
  };
}

/** A baseline Recommender: the user's history and the commands typed so far (as BM25's query). */
export function baselineSystem(recommender: Recommender, name = recommender.name): EvalSystem {
  return {
    name, kind: "baseline", parses: false,
    session: () => async (turn) => ({ items: recommender.recommend({ history: turn.heldOut.history, commands: turn.commands, k: turn.k }) }),
  };
}

/** popularity, itemknn and bm25 trained on the training catalog. */
export function baselineSystems(training: Catalog, train: TrainingData): EvalSystem[] {
  return [
    baselineSystem(popularityRecommender(train), "popularity"),
    baselineSystem(itemKnnRecommender(train), "itemknn"),
    baselineSystem(bm25Recommender(training, train), "bm25"),
  ];
}
