import type { Preferences } from "../schemas/preferences.ts";
import type { ScoreTerm } from "./score-terms.ts";

/** A remark a tool leaves for the trace: what it ignored and why, what it did. */
export interface ToolNote {
  tool: string;
  level: "info" | "warning";
  text: string;
}

/** The ranked feed: `breakdown[r * terms.length + t]` is what term t added to item r's score. */
export interface Feed {
  items: Uint32Array;
  scores: Float32Array;
  /** "tool: label" of each term, in state.terms order */
  terms: string[];
  breakdown: Float32Array;
}

/** What the ranking tools read and write during one turn. */
export interface RankState {
  preferences: Preferences;
  /** the user's positive history, item indices, oldest first */
  history: Uint32Array;
  /** items never to return (besides the history) */
  excluded: Uint32Array;
  k: number;
  /** items that passed the Filter, ascending; null = the whole catalog */
  candidates: Uint32Array | null;
  terms: ScoreTerm[];
  feed: Feed | null;
  notes: ToolNote[];
}

/** What a tool returns: the fields it changes. `terms` and `notes` are appended, the others replaced. */
export type RankUpdate = Partial<RankState>;

/** A fresh state for one turn. */
export function initialRankState(init: Pick<RankState, "preferences"> & Partial<RankState>): RankState {
  return {
    history: new Uint32Array(0),
    excluded: new Uint32Array(0),
    k: 10,
    candidates: null,
    terms: [],
    feed: null,
    notes: [],
    ...init,
  };
}

/** Applies a tool's update the way the graph's reducers will: list fields append, the rest replace. */
export function applyUpdate(state: RankState, update: RankUpdate): RankState {
  return {
    ...state,
    ...update,
    terms: update.terms ? [...state.terms, ...update.terms] : state.terms,
    notes: update.notes ? [...state.notes, ...update.notes] : state.notes,
  };
}
