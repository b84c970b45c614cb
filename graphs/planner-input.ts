import { historyOf } from "../catalog/catalog.ts";
import { initialRankState, type RankState, type ToolNote } from "../tools/rank-state.ts";
import type { TurnRequest } from "../tools/run-chain.ts";
import type { ToolContext } from "../tools/tool-context.ts";

/** The Planner graph's input for a turn request: the user's history and the excluded items as indices. */
export function plannerInput(ctx: ToolContext, request: Omit<TurnRequest, "params">): RankState {
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
