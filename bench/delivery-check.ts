import type { CommandResult } from "../schemas/api.ts";
import type { LiveFeed, LiveStep } from "../schemas/live-protocol.ts";

/**
 * What a client received for one command, judged at its ack: `complete` when steps 1..n all came and agree with
 * the ack; `lost` when a seq or a run_start/run_end is missing; `mismatched` when all came but disagree (turn, run
 * ids or order, an error event), or when a `feed` message came too (the sender gets the result in its ack only).
 */
export function checkDelivery(steps: Map<number, LiveStep>, feeds: LiveFeed[], result: CommandResult): "complete" | "lost" | "mismatched" {
  const n = Math.max(0, ...steps.keys());
  const ordered = Array.from({ length: n }, (_, i) => steps.get(i + 1));
  const runs = ordered.filter((s) => s?.event.type === "run_start" || s?.event.type === "run_end");
  if (ordered.includes(undefined) || runs.length < 4) return "lost";

  const expected = [["run_start", result.parser.runId], ["run_end", result.parser.runId], ["run_start", result.planner.runId], ["run_end", result.planner.runId]];
  if (runs.length !== 4 || runs.some((s, i) => s!.event.type !== expected[i][0] || s!.event.runId !== expected[i][1])) return "mismatched";
  let run: string | undefined;
  for (const step of ordered as LiveStep[]) {
    if (step.event.type === "run_start") run = step.event.runId;
    if (step.turn !== result.turn || step.event.runId !== run || step.event.type === "error") return "mismatched";
    if (step.event.type === "run_end") run = undefined;
  }
  return feeds.length === 0 ? "complete" : "mismatched";
}
