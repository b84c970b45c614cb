import { roomOf } from "../../schemas/live-protocol.ts";
import type { LiveServer } from "../live/live-channel.ts";
import type { ExperimentService } from "./experiment-service.ts";

/**
 * Once a second, takes a look at every experiment whose exposures or feed events changed, stores it (the dashboard's
 * history) and pushes it to the analysts watching that experiment. Looks are always-valid, so their frequency does
 * not inflate false positives. An experiment whose catalog is still loading is retried on the next tick. Each tick
 * also re-reads which experiments run, so instances sharing one database agree within a second.
 */
export function startExperimentTicker(experiments: ExperimentService, io: LiveServer, log: (message: string) => void, everyMs = 1000): () => void {
  let busy = false;
  // a look reads and analyses all of an experiment's data, so a large experiment is looked at less often: at most
  // 5% of the event loop goes to looks (a look that took 200 ms waits 4 s for the next)
  const notBefore = new Map<string, number>();
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      // another instance sharing the database may have started, paused or stopped an experiment
      await experiments.load();
      for (const id of experiments.takeDirty()) {
        if (Date.now() < (notBefore.get(id) ?? 0)) {
          experiments.touched(id);
          continue;
        }
        try {
          const started = performance.now();
          const snapshot = await experiments.look(id, { store: true });
          notBefore.set(id, Date.now() + 20 * (performance.now() - started));
          io.to(roomOf({ experimentId: id })).emit("experiment", snapshot);
        } catch (error) {
          if ((error as { code?: string }).code === "CATALOG_LOADING") experiments.touched(id);
          else log(`experiment ${id}: look failed: ${(error as Error).message}`);
        }
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
