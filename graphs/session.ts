import { Annotation, END, START, StateGraph } from "@langchain/langgraph";
import { z } from "zod";
import { emptyPreferences } from "../schemas/preferences.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { compileParser, compilePlanner, type CompiledParser, type CompiledPlanner } from "./compile-graph.ts";
import { defaultParserSpec, defaultPlannerSpec } from "./default-specs.ts";
import type { GraphSpecInput } from "./graph-spec.ts";
import { turnState } from "../tools/run-chain.ts";
import { runGraph } from "./run-graph.ts";
import { openSessionStore } from "./session-store.ts";
import { ConstraintSet, type StepEvent } from "./step-events.ts";

/** One completed turn as the session remembers it: plain JSON (the Planner's typed arrays never get here). */
export const TurnRecord = z.object({
  turn: z.int().min(1),
  command: z.string(),
  memory: ConstraintSet.describe("P_{t+1}, the memory after this command"),
  feed: z.array(z.string()).describe("The feed shown after this command, item ids best first"),
  at: z.number().describe("When the turn was committed, ms since the epoch"),
});
export type TurnRecord = z.infer<typeof TurnRecord>;

/** The session thread's checkpointed state: every turn so far, and the user whose history personalises it. */
const SessionState = Annotation.Root({
  turns: Annotation<TurnRecord[]>({ reducer: (left, right) => left.concat(right), default: () => [] }),
  user: Annotation<string | null>({ reducer: (_left, right) => right, default: () => null }),
  pending: Annotation<TurnRecord | null>({ reducer: (_left, right) => right, default: () => null }),
});

/** Commits the pending turn in one step, so a process killed mid-turn leaves the last completed turn as the state. */
const remember = (state: typeof SessionState.State) => {
  if (!state.pending) return {};
  return { turns: [TurnRecord.parse(state.pending)], pending: null };
};

function sessionGraph(store: ReturnType<typeof openSessionStore>) {
  return new StateGraph(SessionState).addNode("remember", remember).addEdge(START, "remember").addEdge("remember", END).compile({ checkpointer: store.saver });
}

export interface SessionOptions {
  ctx: ToolContext;
  /** SQLite file of checkpoints; default `<RECBOT_DATA_DIR or ./recbot-data>/recbot.sqlite` */
  file?: string;
  parser?: GraphSpecInput;
  planner?: GraphSpecInput;
  /** the catalog user whose history personalises the feed; default: the one the session was started with */
  user?: string;
  k?: number;
}

/** A user session: a LangGraph thread whose checkpoints live in SQLite, with the graphs its turns run. */
export interface Session {
  id: string;
  user: string | null;
  k: number;
  ctx: ToolContext;
  parser: CompiledParser;
  planner: CompiledPlanner;
  thread: ReturnType<typeof sessionGraph>;
  config: { configurable: { thread_id: string } };
}

/** Opens (or creates) the session with this id; its turns so far are read back from the checkpoints. */
export async function openSession(sessionId: string, options: SessionOptions): Promise<Session> {
  const store = openSessionStore(options.file);
  const thread = sessionGraph(store);
  const config = { configurable: { thread_id: sessionId } };
  const saved = (await thread.getState(config)).values as Partial<typeof SessionState.State>;
  return {
    id: sessionId,
    user: options.user ?? saved.user ?? null,
    k: options.k ?? 10,
    ctx: options.ctx,
    parser: compileParser(options.parser ?? defaultParserSpec(), options.ctx),
    planner: compilePlanner(options.planner ?? defaultPlannerSpec(), options.ctx),
    thread,
    config,
  };
}

/** The memory P_t and feed of every completed turn, oldest first. */
export async function history(session: Session): Promise<TurnRecord[]> {
  const state = await session.thread.getState(session.config);
  return ((state.values as Partial<typeof SessionState.State>).turns ?? []).map((t) => TurnRecord.parse(t));
}

/**
 * One turn: parse the command against the last memory and feed, plan the new feed, then commit the
 * turn to the session thread. Yields both graphs' step events; returns the committed turn, or null
 * when a graph failed (an `error` event says why, and nothing is committed).
 */
export async function* runCommand(session: Session, command: string): AsyncGenerator<StepEvent, TurnRecord | null> {
  const turns = await history(session);
  const last = turns.at(-1);
  const parsed = yield* runGraph(session.parser, { command, memory: last?.memory ?? emptyPreferences(), feed: last?.feed ?? [] });
  if (!parsed) return null;
  const preferences = parsed.result.preferences;
  const planned = yield* runGraph(session.planner, turnState(session.ctx, { preferences, user: session.user ?? undefined, k: session.k }));
  if (!planned) return null;
  const record: TurnRecord = { turn: turns.length + 1, command, memory: preferences, feed: planned.result.items, at: Date.now() };
  await session.thread.invoke({ pending: record, user: session.user }, session.config);
  return record;
}
