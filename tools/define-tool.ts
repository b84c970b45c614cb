import type { z } from "zod";
import type { RankState, RankUpdate } from "./rank-state.ts";
import type { ToolContext } from "./tool-context.ts";

/** A ranking tool: pure, its parameters declared once as a zod object (the studio renders its form from it). */
export interface Tool<P extends z.ZodObject = z.ZodObject> {
  /** snake_case, matching the file name */
  id: string;
  description: string;
  params: P;
  /** Reads the state and context, returns the fields it changes; never mutates its inputs. */
  run(state: RankState, params: z.output<P>, ctx: ToolContext): RankUpdate;
}

/** Declares a tool; the identity function, there for the types. */
export function defineTool<P extends z.ZodObject>(tool: Tool<P>): Tool<P> {
  return tool;
}

/** Parses raw params (defaults filled in, bad values rejected by zod) and runs the tool. */
export function invokeTool<P extends z.ZodObject>(
  tool: Tool<P>,
  state: RankState,
  rawParams: unknown,
  ctx: ToolContext,
): RankUpdate {
  return tool.run(state, tool.params.parse(rawParams ?? {}), ctx);
}
