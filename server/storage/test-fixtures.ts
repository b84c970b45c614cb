import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GraphSpecInput } from "../../graphs/graph-spec.ts";
import type { StepEvent } from "../../graphs/step-events.ts";

/** A fresh SQLite file path in its own temp folder. */
export function tempDbFile(prefix: string): string {
  return join(mkdtempSync(join(tmpdir(), `recbot-store-${prefix}-`)), "recbot.sqlite");
}

/** The smallest spec GraphSpec accepts: start → end. */
export function tinySpec(kind: "parser" | "planner", name = `${kind}-tiny`): GraphSpecInput {
  return {
    kind,
    name,
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 } },
      { id: "end", type: "end", position: { x: 200, y: 0 } },
    ],
    edges: [{ id: "e1", source: "start", target: "end" }],
  };
}

/** The first `count` step events of a planner run: run_start, then node_start/node_end pairs. */
export function plannerSteps(runId: string, count: number, at = 1_000): StepEvent[] {
  const base = { runId, graph: "planner-tiny", kind: "planner" as const };
  const events: StepEvent[] = [{ ...base, type: "run_start", at, input: "k=10" }];
  for (let i = 0; events.length < count; i++) {
    const nodeId = `n${i}`;
    events.push({ ...base, type: "node_start", at: at + 1 + 2 * i, nodeId, nodeType: "popularity" });
    if (events.length < count) {
      events.push({ ...base, type: "node_end", at: at + 2 + 2 * i, nodeId, nodeType: "popularity", ms: 1, input: "100 items", output: "10 items", notes: [], candidates: { in: 100, out: 10 } });
    }
  }
  return events;
}
