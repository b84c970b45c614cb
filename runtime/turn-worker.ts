import { parentPort, workerData } from "node:worker_threads";
import type { StepEvent } from "../graphs/step-events.ts";
import { GraphSpecError } from "../graphs/graph-spec-error.ts";
import { prepareCatalog } from "./prepared-catalog.ts";
import { CompiledGraphs, runTurnGraphs, type TurnJob } from "./turn-graphs.ts";
import type { FromTurnThread, ToTurnThread } from "./turn-threads.ts";

// A graph thread: its own copy of the catalog and models (read from the cache the main thread filled), running
// the turns it is sent and streaming their events back, batched per turn of its event loop.

const { ref, dataDir, skipBadLines } = workerData as { ref: string; dataDir: string; skipBadLines: boolean };
const port = parentPort!;
const post = (message: FromTurnThread) => port.postMessage(message);

try {
  const { context } = await prepareCatalog(ref, { dataDir, skipBadLines });
  const graphs = new CompiledGraphs(context);
  port.on("message", (message: ToTurnThread) => {
    const { id, job } = message as { id: number; job: TurnJob };
    let batch: StepEvent[] = [];
    const flush = () => {
      if (batch.length === 0) return;
      post({ type: "events", id, events: batch });
      batch = [];
    };
    runTurnGraphs(context, graphs, job, (event) => {
      if (batch.length === 0) setImmediate(flush);
      batch.push(event);
    }).then(
      (outcome) => {
        flush();
        post({ type: "done", id, outcome });
      },
      (error: unknown) => {
        flush();
        const code = error instanceof GraphSpecError ? "INVALID_GRAPH" : "INTERNAL";
        post({ type: "error", id, code, message: error instanceof Error ? error.message : String(error) });
      },
    );
  });
  post({ type: "ready", items: context.catalog.size });
} catch (error) {
  post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
}
