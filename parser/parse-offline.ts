import type { Preferences } from "../schemas/preferences.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import type { ParseInput, ParserState } from "./parser-state.ts";
import { parserStages } from "./stages.ts";

const ORDER = ["normalize", "extract", "ground", "consolidate", "validate"] as const;

/** Runs the five offline stages in order: command + feed + memory → consolidated memory P_{t+1}. */
export function parseOffline(input: ParseInput, ctx: ToolContext): { preferences: Preferences; notes: string[] } {
  let state: ParserState = { input, notes: [], source: "offline" };
  for (const name of ORDER) {
    const patch = parserStages[name](state, ctx);
    state = { ...state, ...patch, notes: patch.notes ? [...state.notes, ...patch.notes] : state.notes };
  }
  return { preferences: state.preferences!, notes: state.notes };
}
