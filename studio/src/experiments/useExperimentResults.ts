import { useEffect, useState } from "react";
import { ExperimentSnapshot, type ExperimentResults } from "../../../schemas/experiment.ts";
import { api, tokens } from "../api.ts";
import { connectLive } from "../live.ts";

/** One look at the data; the history's looks lack only the experiment id. */
export type Look = ExperimentResults["history"][number];

/** The latest look and the earlier ones, oldest first. */
export interface Looks {
  latest: Look;
  history: Look[];
}

const KEEP = 240;

/** Adds a newer look; a look no newer than the latest (a push that raced the first GET) changes nothing. */
function withLook(current: Looks | null, look: Look): Looks {
  if (!current) return { latest: look, history: [] };
  if (look.at <= current.latest.at) return current;
  return { latest: look, history: [...current.history, current.latest].slice(-KEEP) };
}

/**
 * An experiment's results: GET /results once, then every look the server pushes over Socket.io while the component
 * is mounted (subscribed again after a reconnect, unsubscribed on unmount).
 */
export function useExperimentResults(experimentId: string): { looks: Looks | null; live: boolean; error: unknown } {
  const [looks, setLooks] = useState<Looks | null>(null);
  const [live, setLive] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    setLooks(null);
    setError(null);
    api<ExperimentResults>("GET", `/api/experiments/${encodeURIComponent(experimentId)}/results`).then(
      (results) => {
        if (cancelled) return;
        const fetched = { latest: results.latest, history: results.history.filter((h) => h.at < results.latest.at) };
        setLooks((pushed) => (pushed ? withLook(fetched, pushed.latest) : fetched));
      },
      (e) => !cancelled && setError(e),
    );

    const subscription = { experimentId };
    const socket = connectLive(tokens.analyst());
    socket.on("connect", () => {
      socket.emitWithAck("subscribe", subscription).then((ack) => {
        if (cancelled) return;
        setLive(ack.ok);
        if (!ack.ok) setError(new Error(ack.error.message));
      });
    });
    socket.on("disconnect", () => setLive(false));
    socket.on("connect_error", (e) => !cancelled && setError(new Error(`live updates: ${e.message}`)));
    socket.on("experiment", (raw) => {
      if (cancelled) return;
      const parsed = ExperimentSnapshot.safeParse(raw);
      if (!parsed.success) return setError(new Error(`the server pushed a look the studio cannot read: ${parsed.error.issues[0]?.message}`));
      if (parsed.data.experimentId !== experimentId) return;
      setError(null);
      setLooks((current) => withLook(current, parsed.data));
    });
    return () => {
      cancelled = true;
      if (!socket.connected) return void socket.close();
      socket.timeout(1000).emit("unsubscribe", subscription, () => socket.close());
    };
  }, [experimentId]);

  return { looks, live, error };
}
