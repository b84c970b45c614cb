import { useEffect, useState } from "react";
import { ExperimentSnapshot, type ExperimentResults } from "../../../schemas/experiment.ts";
import { api, tokens } from "../api.ts";
import { connectLive } from "../live.ts";

/** One look at the data; the history's looks lack only the experiment id. */
export type Look = ExperimentResults["history"][number];

/** Earlier looks kept besides the latest. */
const KEEP = 240;

/** Adds a newer look; a look no newer than the latest (a push that raced the first GET) changes nothing. */
function withLook(looks: Look[], look: Look): Look[] {
  const latest = looks.at(-1);
  if (latest && look.at <= latest.at) return looks;
  return [...looks, look].slice(-(KEEP + 1));
}

/**
 * An experiment's results: GET /results once, then every look the server pushes over Socket.io while the component
 * is mounted (subscribed again after a reconnect, unsubscribed on unmount).
 */
export function useExperimentResults(experimentId: string): { looks: Look[] | null; live: boolean; error: unknown } {
  // oldest first; the last is the latest
  const [looks, setLooks] = useState<Look[] | null>(null);
  const [live, setLive] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    setLooks(null);
    setError(null);
    api<ExperimentResults>("GET", `/api/experiments/${encodeURIComponent(experimentId)}/results`).then(
      (results) => {
        if (cancelled) return;
        const fetched = [...results.history.filter((h) => h.at < results.latest.at), results.latest];
        setLooks((pushed) => (pushed ? withLook(fetched, pushed.at(-1)!) : fetched));
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
      setLooks((current) => withLook(current ?? [], parsed.data));
    });
    return () => {
      cancelled = true;
      if (!socket.connected) return void socket.close();
      socket.timeout(1000).emit("unsubscribe", subscription, () => socket.close());
    };
  }, [experimentId]);

  return { looks, live, error };
}
