import { aggregateSlots, scoreCase, type SlotScores } from "../evaluation/slot-f1.ts";
import { parseOffline } from "../parser/parse-offline.ts";
import type { Preferences } from "../schemas/preferences.ts";
import type { ToolContext } from "../tools/tool-context.ts";

/** A command to parse and the memory its teacher (or a person) expects afterwards. */
export interface ScoredCommand {
  command: string;
  feed: string[];
  memory: Preferences;
  label: Preferences;
}

/** How closely the offline parser of `ctx` reproduces the labels: slot-F1 (strict, lenient) and exact match. */
export function agreement(commands: ScoredCommand[], ctx: ToolContext): SlotScores {
  return agreementOver([{ commands, ctx }]);
}

/** Agreement pooled over commands of several catalogs, each parsed with its own context. */
export function agreementOver(sets: { commands: ScoredCommand[]; ctx: ToolContext }[]): SlotScores {
  return aggregateSlots(sets.flatMap(({ commands, ctx }) => commands.map((c) => scoreCase(c.label, parseOffline({ command: c.command, feed: c.feed, memory: c.memory }, ctx).preferences))));
}

/**
 * The same context with the rules alone, or with another parser model (caches are per context, so nothing leaks);
 * the context itself when it already has that model, keeping its warm caches.
 */
export function withParserModel(ctx: ToolContext, parserModel: ToolContext["parserModel"]): ToolContext {
  return ctx.parserModel === parserModel ? ctx : { ...ctx, parserModel };
}
