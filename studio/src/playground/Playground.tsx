import { useEffect, useMemo, useRef, useState } from "react";
import type { CommandResult, FeedItem } from "../../../schemas/api.ts";
import type { LiveStep } from "../../../schemas/live-protocol.ts";
import type { Preferences } from "../../../schemas/preferences.ts";
import { api, ensureUser, type StoredUser } from "../api.ts";
import { ErrorNote } from "../common/ErrorNote.tsx";
import { connectLive, type LiveSocket } from "../live.ts";
import { FeedCard, type FeedAction } from "./FeedCard.tsx";
import { LiveGraphs } from "./LiveGraphs.tsx";
import { MemoryPanel } from "./MemoryPanel.tsx";
import { SessionSetup, type SessionChoice } from "./SessionSetup.tsx";
import { StepList } from "./StepList.tsx";

const EMPTY: Preferences = { positive: { hard: [], soft: [] }, negative: { hard: [], soft: [] } };
const EXAMPLES = ["no dresses, something red under 50", "more casual", "less like the first one", "only the 90s, no horror"];

/** The interactive feed as a user sees it, with the run behind each command streamed live beside it. */
export function Playground({ onInspect }: { onInspect: (runId: string) => void }) {
  const [user, setUser] = useState<StoredUser | null>(null);
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  const [session, setSession] = useState<SessionChoice | null>(null);
  const [command, setCommand] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [steps, setSteps] = useState<LiveStep[]>([]);
  const [result, setResult] = useState<CommandResult | null>(null);
  const [feed, setFeed] = useState<FeedItem[]>([]);
  const [memory, setMemory] = useState<Preferences>(EMPTY);
  const [before, setBefore] = useState<Preferences | null>(null);
  const [marks, setMarks] = useState<Map<string, Set<FeedAction>>>(new Map());
  const requestRef = useRef<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live: LiveSocket | null = null;
    ensureUser().then((u) => {
      setUser(u);
      live = connectLive(u.token);
      live.on("steps", (messages) => {
        const mine = messages.filter((m) => m.requestId === requestRef.current);
        if (mine.length > 0) setSteps((s) => [...s, ...mine]);
      });
      setSocket(live);
    }, setError);
    return () => {
      live?.close();
    };
  }, []);

  const running = useMemo(() => {
    const open = new Map<string, string>();
    for (const { event } of steps) {
      if (event.type === "node_start") open.set(event.nodeId, event.kind);
      if (event.type === "node_end") open.delete(event.nodeId);
    }
    return busy ? ([...open.keys()].at(-1) ?? null) : null;
  }, [steps, busy]);

  const send = async (text: string) => {
    if (!socket || !session || !text.trim() || busy) return;
    const requestId = `studio-${Date.now()}`;
    requestRef.current = requestId;
    setSteps([]);
    setError(null);
    setBusy(true);
    try {
      const ack = await socket.timeout(60_000).emitWithAck("command", { sessionId: session.sessionId, command: text, requestId, k: 12 });
      if (!ack.ok) throw new Error(ack.error.message);
      setBefore(memory);
      setMemory(ack.value.memory);
      setFeed(ack.value.feed);
      setResult(ack.value);
      setMarks(new Map());
      setCommand("");
      const impressions = ack.value.feed.map((item: FeedItem) => ({ type: "impression" as const, itemId: item.id, position: item.position, runId: ack.value.planner.runId }));
      if (impressions.length > 0) api("POST", `/api/sessions/${session.sessionId}/events`, { events: impressions }, user!.token).catch(setError);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  const react = (item: FeedItem, action: FeedAction) => {
    if (!session || !result) return;
    setMarks((m) => new Map(m).set(item.id, new Set([...(m.get(item.id) ?? []), action])));
    api("POST", `/api/sessions/${session.sessionId}/events`, { events: [{ type: action, itemId: item.id, position: item.position, runId: result.planner.runId }] }, user!.token).catch(setError);
  };

  const started = (choice: SessionChoice) => {
    setSession(choice);
    setFeed([]);
    setSteps([]);
    setResult(null);
    setMemory(EMPTY);
    setBefore(null);
    setTimeout(() => input.current?.focus(), 0);
  };

  return (
    <div className="playground">
      <aside className="panel setup-panel">
        <SessionSetup user={user} onStart={started} current={session} />
        {session && <MemoryPanel memory={memory} before={before} />}
      </aside>
      <section className="panel feed-panel">
        <form className="command-box" onSubmit={(e) => { e.preventDefault(); void send(command); }}>
          <input
            ref={input}
            aria-label="Command"
            placeholder={session ? "Tell the feed what you want, e.g. “no florals, something for the office under 80”" : "Start a session first"}
            value={command}
            maxLength={500}
            disabled={!session}
            onChange={(e) => setCommand(e.target.value)}
          />
          <button type="submit" disabled={!session || busy || !command.trim()}>{busy ? "Running…" : "Send"}</button>
        </form>
        {session && feed.length === 0 && !busy && (
          <div className="examples">Try: {EXAMPLES.map((x) => <button key={x} className="link" onClick={() => void send(x)}>{x}</button>)}</div>
        )}
        {session && <LiveGraphs session={session} running={running} steps={steps} />}
        <ErrorNote error={error} onDismiss={() => setError(null)} />
        {result && (
          <div className="turn-line">
            Turn {result.turn} · {result.feed.length} items · {Math.round(result.ms)} ms · parser {result.parser.name} v{result.parser.version} ({result.source ?? "offline"}) · planner {result.planner.name} v{result.planner.version} ·{" "}
            <button className="link" onClick={() => onInspect(result.planner.runId)}>inspect run</button>
          </div>
        )}
        {result && feed.length === 0 && <p className="muted">No item satisfies every “must” and “never” in memory. Loosen one, e.g. “any price”.</p>}
        <div className="feed" aria-label="Feed">
          {feed.map((item) => <FeedCard key={item.id} item={item} marked={marks.get(item.id) ?? new Set()} onAction={(a) => react(item, a)} />)}
        </div>
      </section>
      <aside className="panel live-panel">
        <h3>Steps</h3>
        <StepList steps={steps} />
      </aside>
    </div>
  );
}
