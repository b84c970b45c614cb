import type { Preferences } from "../schemas/preferences.ts";
import type { ToolContext } from "../tools/tool-context.ts";

/** What the Parser reads: the command c_t, the feed R_t (item ids, top first) and the memory P_t. */
export interface ParseInput {
  command: string;
  memory: Preferences;
  feed: string[];
}

/** Where the consolidated memory came from, for traces. */
export type ParseSource = "offline" | "llm" | "llm-fallback";

/**
 * The Parser's working state, passed from stage to stage (and kept in LangGraph checkpoints and traces,
 * so every field is plain JSON). Intermediate stage outputs are owned by the stage that writes them.
 */
export interface ParserState {
  input: ParseInput;
  normalized?: unknown;
  mentions?: unknown;
  delta?: unknown;
  /** P_{t+1}, set by `consolidate` and checked by `validate` */
  preferences?: Preferences;
  source?: ParseSource;
  /** what a stage ignored, assumed or fell back from; appended */
  notes: string[];
}

/** One Parser stage: pure, synchronous, returns only the fields it changes (notes are appended). */
export type ParserStage = (state: ParserState, ctx: ToolContext) => Partial<ParserState>;

/** normalise → extract → ground → consolidate → validate, in that order. */
export interface ParserStages {
  normalize: ParserStage;
  extract: ParserStage;
  ground: ParserStage;
  consolidate: ParserStage;
  validate: ParserStage;
}
