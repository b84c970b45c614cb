import { describe, expect, it } from "vitest";
import type { StepEvent } from "../graphs/step-events.ts";
import type { CommandResult, FeedItem } from "../schemas/api.ts";
import type { LiveFeed, LiveStep } from "../schemas/live-protocol.ts";
import { emptyPreferences } from "../schemas/preferences.ts";
import { checkDelivery } from "./delivery-check.ts";

const item = (id: string, position: number): FeedItem => ({ id, title: id, description: "", attributes: {}, position, score: 1 });
const result: CommandResult = {
  sessionId: "s1", turn: 2, command: "cheaper", memory: emptyPreferences(), feed: [item("p1", 0), item("p2", 1)],
  parser: { runId: "r-parse", name: "parser", version: 1 }, planner: { runId: "r-plan", name: "planner", version: 1 }, ms: 3,
};

const base = (runId: string) => ({ runId, graph: runId === "r-parse" ? "parser" : "planner", kind: runId === "r-parse" ? "parser" as const : "planner" as const, at: 0 });
const start = (runId: string): StepEvent => ({ ...base(runId), type: "run_start", input: "" });
const node = (runId: string): StepEvent => ({ ...base(runId), type: "node_start", nodeId: "n", nodeType: "t" });
const end = (runId: string): StepEvent => ({ ...base(runId), type: "run_end", ms: 1, result: { kind: "planner", items: [], scores: [] } });

/** Parser run of 3 events, planner run of 3: seq 1..6. */
const events = () => [start("r-parse"), node("r-parse"), end("r-parse"), start("r-plan"), node("r-plan"), end("r-plan")];
const stepsOf = (list: StepEvent[], turn = 2) =>
  new Map(list.map((event, i): [number, LiveStep] => [i + 1, { sessionId: "s1", requestId: "c1-1", turn, seq: i + 1, event }]));
const feedOf = (ids: string[], turn = 2): LiveFeed[] => [{ ...result, turn, feed: ids.map(item), requestId: "c1-1" }];

describe("checkDelivery", () => {
  it("accepts seq 1..6 with both runs paired, the result in the ack and no feed message", () => {
    expect(checkDelivery(stepsOf(events()), [], result)).toBe("complete");
  });

  it("calls a gap in seq or a missing final run_end lost", () => {
    const gap = stepsOf(events());
    gap.delete(2);
    expect(checkDelivery(gap, [], result)).toBe("lost");
    expect(checkDelivery(stepsOf(events().slice(0, 5)), [], result)).toBe("lost");
  });

  it("calls a feed message to the sender, a turn that disagrees with the ack, or runs out of order, mismatched", () => {
    expect(checkDelivery(stepsOf(events()), feedOf(["p1", "p2"]), result)).toBe("mismatched");
    expect(checkDelivery(stepsOf(events(), 1), [], result)).toBe("mismatched");
    const swapped = events();
    [swapped[0], swapped[3]] = [swapped[3], swapped[0]];
    expect(checkDelivery(stepsOf(swapped), [], result)).toBe("mismatched");
    const stray = events();
    stray[4] = node("r-parse");
    expect(checkDelivery(stepsOf(stray), [], result)).toBe("mismatched");
  });
});
