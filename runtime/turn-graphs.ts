import { compileGraph, type CompiledAgent, type CompiledParser, type CompiledPlanner } from "../graphs/compile-graph.ts";
import type { GraphSpec } from "../graphs/graph-spec.ts";
import { runGraph } from "../graphs/run-graph.ts";
import type { ParserResult, PlannerResult, StepEvent } from "../graphs/step-events.ts";
import type { ParseInput } from "../parser/parser-state.ts";
import { turnState } from "../tools/run-chain.ts";
import type { ToolContext } from "../tools/tool-context.ts";

/**
 * A saved graph version to run: `key` (name@version) identifies the spec, which never changes once saved; the
 * spec may be left out where the runner has compiled that key before.
 */
export interface GraphToRun {
  key: string;
  spec?: GraphSpec;
}

/** One command's work: parse it against the last memory and feed, then plan the feed; runs are named up front. */
export interface TurnJob {
  parser: GraphToRun;
  planner: GraphToRun;
  parse: ParseInput;
  plan: { user?: string; k: number; exclude: string[] };
  runIds: { parser: string; planner: string };
}

/** How each run ended; null when it failed (its `error` event says why) or, for the Planner, did not run. */
export interface TurnOutcome {
  parser: ParserResult | null;
  planner: PlannerResult | null;
}

/** Runs turns' graphs, in this thread or on graph threads; events arrive in order as they happen. */
export interface TurnExecutor {
  run(job: TurnJob, onEvent: (event: StepEvent) => void): Promise<TurnOutcome>;
  close(): Promise<void>;
}

/** Compiles each saved graph version once for one catalog. */
export class CompiledGraphs {
  private readonly compiled = new Map<string, CompiledAgent>();

  constructor(private readonly ctx: ToolContext) {}

  get(graph: GraphToRun): CompiledAgent {
    let agent = this.compiled.get(graph.key);
    if (!agent) {
      if (!graph.spec) throw new Error(`graph ${graph.key} was never sent to this runner`);
      agent = compileGraph(graph.spec, this.ctx);
      this.compiled.set(graph.key, agent);
    }
    return agent;
  }
}

/** The Parser graph, then (if it produced a memory) the Planner graph, streaming both runs' events. */
export async function runTurnGraphs(ctx: ToolContext, graphs: CompiledGraphs, job: TurnJob, onEvent: (event: StepEvent) => void): Promise<TurnOutcome> {
  const parser = graphs.get(job.parser) as CompiledParser;
  const planner = graphs.get(job.planner) as CompiledPlanner;
  const parsed = await drain(runGraph(parser, job.parse, { runId: job.runIds.parser }), onEvent);
  if (!parsed) return { parser: null, planner: null };
  const state = turnState(ctx, { preferences: parsed.result.preferences, user: job.plan.user, k: job.plan.k, exclude: job.plan.exclude });
  const planned = await drain(runGraph(planner, state, { runId: job.runIds.planner }), onEvent);
  return { parser: parsed.result, planner: planned?.result ?? null };
}

async function drain<R>(run: AsyncGenerator<StepEvent, R>, onEvent: (event: StepEvent) => void): Promise<R> {
  for (;;) {
    const next = await run.next();
    if (next.done) return next.value;
    onEvent(next.value);
  }
}

/** Runs turns in this thread. */
export class LocalTurnExecutor implements TurnExecutor {
  private graphs: CompiledGraphs | null = null;

  constructor(private readonly ctx: () => ToolContext) {}

  run(job: TurnJob, onEvent: (event: StepEvent) => void): Promise<TurnOutcome> {
    const ctx = this.ctx();
    this.graphs ??= new CompiledGraphs(ctx);
    return runTurnGraphs(ctx, this.graphs, job, onEvent);
  }

  async close(): Promise<void> {}
}
