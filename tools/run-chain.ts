import type { z } from "zod";
import { historyOf } from "../catalog/catalog.ts";
import type { Preferences } from "../schemas/preferences.ts";
import { aggregator } from "./aggregator.ts";
import { attenuator } from "./attenuator.ts";
import { invokeTool } from "./define-tool.ts";
import { filter } from "./filter.ts";
import { matcher } from "./matcher.ts";
import { applyUpdate, initialRankState, type RankState, type ToolNote } from "./rank-state.ts";
import type { ToolContext } from "./tool-context.ts";

const chain = [filter, matcher, attenuator, aggregator] as const;

export interface TurnRequest {
  preferences: Preferences;
  /** user id in the catalog's interactions; unknown or absent = no history */
  user?: string;
  /** item ids never to return */
  exclude?: string[];
  k?: number;
  params?: {
    filter?: z.input<typeof filter.params>;
    matcher?: z.input<typeof matcher.params>;
    attenuator?: z.input<typeof attenuator.params>;
    aggregator?: z.input<typeof aggregator.params>;
  };
}

export interface TurnStep {
  tool: string;
  ms: number;
  candidatesIn: number;
  candidatesOut: number;
  notes: string[];
}

export interface TurnResult {
  items: string[];
  scores: number[];
  steps: TurnStep[];
  /** the final state, for traces (score breakdown in state.feed) */
  state: RankState;
}

/** The state a turn starts from: the user's history and the excluded items as indices, with notes on unknown ids. */
export function turnState(ctx: ToolContext, request: Omit<TurnRequest, "params">): RankState {
  const { catalog } = ctx;
  const notes: ToolNote[] = [];
  let history: Uint32Array = new Uint32Array(0);
  if (request.user !== undefined) {
    const userIndex = catalog.interactions.userIndex.get(request.user);
    if (userIndex === undefined) notes.push({ tool: "turn", level: "warning", text: `unknown user \`${request.user}\`: no history` });
    else history = historyOf(catalog, userIndex);
  }
  const excluded: number[] = [];
  for (const id of request.exclude ?? []) {
    const item = catalog.indexOf.get(id);
    if (item === undefined) notes.push({ tool: "turn", level: "warning", text: `unknown excluded item \`${id}\` ignored` });
    else excluded.push(item);
  }
  return initialRankState({ preferences: request.preferences, history, excluded: Uint32Array.from(excluded), k: request.k ?? 10, notes });
}

/** One recommendation turn: Filter → Matcher → Attenuator → Aggregator, in order, timed step by step. */
export function recommendTurn(ctx: ToolContext, request: TurnRequest): TurnResult {
  const { catalog } = ctx;
  let state = turnState(ctx, request);
  const setup = state.notes;
  const steps: TurnStep[] = [];
  for (const tool of chain) {
    const candidatesIn = state.candidates?.length ?? catalog.size;
    const started = performance.now();
    const update = invokeTool(tool, state, request.params?.[tool.id as keyof NonNullable<TurnRequest["params"]>], ctx);
    const ms = performance.now() - started;
    state = applyUpdate(state, update);
    steps.push({
      tool: tool.id, ms, candidatesIn, candidatesOut: state.candidates?.length ?? catalog.size,
      notes: (update.notes ?? []).map((n) => (n.level === "warning" ? `warning: ${n.text}` : n.text)),
    });
  }
  if (setup.length > 0) steps[0].notes.unshift(...setup.map((n) => `warning: ${n.text}`));
  const feed = state.feed!;
  return { items: Array.from(feed.items, (i) => catalog.ids[i]), scores: Array.from(feed.scores), steps, state };
}
