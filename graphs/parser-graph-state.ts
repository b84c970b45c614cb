import { Annotation } from "@langchain/langgraph";
import type { ParseInput, ParseSource, ParserState } from "../parser/parser-state.ts";
import { emptyPreferences, type Preferences } from "../schemas/preferences.ts";

/** The Parser graph's state: ParserState as LangGraph channels (`notes` append, the rest replace). */
export const ParserGraphState = Annotation.Root({
  input: Annotation<ParseInput>,
  normalized: Annotation<unknown>,
  mentions: Annotation<unknown>,
  delta: Annotation<unknown>,
  preferences: Annotation<Preferences | undefined>,
  source: Annotation<ParseSource | undefined>,
  notes: Annotation<string[]>({ reducer: (left, right) => left.concat(right), default: () => [] }),
});

export type ParserGraphStateType = typeof ParserGraphState.State;

// the channel types must stay assignable to the stage contract
const _contract: (s: ParserGraphStateType) => ParserState = (s) => s;
void _contract;

/** The memory as it stands at this point of the parse: the stage output once there is one, else P_t. */
export function currentPreferences(state: Pick<ParserState, "input" | "preferences">): Preferences {
  return state.preferences ?? state.input.memory ?? emptyPreferences();
}

/** What edge conditions of a Parser graph can read. */
export function parserScope(state: ParserGraphStateType) {
  const { positive, negative } = currentPreferences(state);
  return {
    command: state.input.command,
    memory: state.input.memory,
    positive,
    negative,
    feed: { count: state.input.feed.length },
    source: state.source ?? null,
    notes: { count: state.notes.length },
  };
}

/** Root names a Parser condition may start with. */
export const PARSER_SCOPE_NAMES = ["command", "memory", "positive", "negative", "feed", "source", "notes"];
