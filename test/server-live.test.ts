import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareCatalog } from "../runtime/prepared-catalog.ts";
import { LiveFeed, LiveStep, type Ack } from "../schemas/live-protocol.ts";
import type { RunningServer } from "../server/start-server.ts";
import { mlRef, tempDir } from "./helpers.ts";
import { ANALYST_TOKEN, liveClient, newUserSession, startTestServer, type LiveClient } from "./support/test-server.ts";

let server: RunningServer;
const sockets: LiveClient[] = [];
const open = async (token?: string) => {
  const socket = await liveClient(server.url, token);
  sockets.push(socket);
  return socket;
};

beforeAll(async () => {
  server = await startTestServer({ prepared: await prepareCatalog(mlRef, { dataDir: tempDir("live") }) });
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server.close();
});

/** Everything a socket receives, in arrival order, validated against the shared protocol. */
function record(socket: LiveClient) {
  const seen: { kind: "step" | "feed" | "failed"; message: any }[] = [];
  socket.on("steps", (ms) => {
    for (const m of ms) seen.push({ kind: "step", message: LiveStep.parse(m) });
  });
  socket.on("feed", (m) => seen.push({ kind: "feed", message: LiveFeed.parse(m) }));
  socket.on("command_failed", (m) => seen.push({ kind: "failed", message: m }));
  return seen;
}

const label = (m: { event: { type: string; kind: string; nodeId?: string } }) => `${m.event.kind}:${m.event.type}${m.event.nodeId ? ` ${m.event.nodeId}` : ""}`;

describe("live runs over Socket.io", () => {
  it("streams every step of a command as it happens, then acks with the result (no separate feed to the sender)", async () => {
    const { token, sessionId } = await newUserSession(server.url);
    const socket = await open(token);
    const seen = record(socket);
    const ack: Ack<any> = await socket.emitWithAck("command", { sessionId, command: "something scary from the 80s", requestId: "r-1", k: 5 });
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    const steps = seen.filter((s) => s.kind === "step").map((s) => s.message);
    expect(steps.map((m) => m.seq)).toEqual(steps.map((_, i) => i + 1));
    expect(steps.every((m) => m.sessionId === sessionId && m.requestId === "r-1" && m.turn === 1)).toBe(true);
    expect(steps.map(label)).toEqual([
      "parser:run_start",
      ...["normalize", "extract", "ground", "consolidate", "validate"].flatMap((n) => [`parser:node_start ${n}`, `parser:node_end ${n}`]),
      "parser:run_end",
      "planner:run_start",
      ...["filter", "matcher", "aggregator"].flatMap((n) => [`planner:node_start ${n}`, `planner:node_end ${n}`]),
      "planner:run_end",
    ]);
    const filter = steps.find((m) => m.event.type === "node_end" && m.event.nodeId === "filter")!.event;
    expect(filter.candidates.out).toBeLessThan(filter.candidates.in);
    expect(seen.filter((s) => s.kind !== "step")).toEqual([]);
    expect(ack.value.feed).toHaveLength(5);
    expect(steps.at(-1)!.event.result.items).toEqual(ack.value.feed.map((i: { id: string }) => i.id));
  });

  it("lets an analyst watch every run and a user watch their own session, with the same events the commander sees", async () => {
    const alice = await newUserSession(server.url);
    const commander = await open(alice.token);
    const watcher = await open(alice.token);
    const analyst = await open(ANALYST_TOKEN);
    const bystander = await open((await newUserSession(server.url)).token);
    expect(await watcher.emitWithAck("subscribe", { sessionId: alice.sessionId })).toMatchObject({ ok: true, value: { watching: [`session:${alice.sessionId}`] } });
    expect(await analyst.emitWithAck("subscribe", { all: true })).toMatchObject({ ok: true, value: { watching: ["runs:all"] } });
    const seen = [record(commander), record(watcher), record(analyst), record(bystander)];
    const ack = await commander.emitWithAck("command", { sessionId: alice.sessionId, command: "comedy", requestId: "r-2" });
    expect(ack.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [mine, watched, all, none] = seen.map((s) => s.filter((e) => e.message.sessionId === alice.sessionId));
    expect(mine.length).toBeGreaterThan(10);
    // watchers get the same steps, then the feed, which the sender has in its ack
    expect(watched.slice(0, -1)).toEqual(mine);
    expect(watched.at(-1)).toMatchObject({ kind: "feed", message: { requestId: "r-2", turn: 1 } });
    expect(watched.at(-1)!.message.feed).toEqual(ack.ok && ack.value.feed);
    expect(all).toEqual(watched);
    expect(none).toEqual([]);
    expect(seen[3]).toEqual([]);
  });

  it("refuses sockets without a valid token, foreign sessions, watching everything as a user, and malformed commands", async () => {
    await expect(liveClient(server.url)).rejects.toThrow(/UNAUTHORIZED/);
    await expect(liveClient(server.url, "user_not-a-real-token")).rejects.toThrow(/UNAUTHORIZED/);
    const alice = await newUserSession(server.url);
    const bob = await open((await newUserSession(server.url)).token);
    expect(await bob.emitWithAck("subscribe", { sessionId: alice.sessionId })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await bob.emitWithAck("subscribe", { all: true })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await bob.emitWithAck("command", { sessionId: alice.sessionId, command: "drama" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const malformed = await bob.emitWithAck("command", { sessionId: alice.sessionId, command: 42 } as never);
    expect(malformed).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED", message: expect.stringContaining("command") } });
    expect((await newUserSession(server.url)).sessionId).toBeTruthy(); // the server is still fine
  });

  it("runs one session's commands in order even when sent at once", async () => {
    const { token, sessionId } = await newUserSession(server.url);
    const socket = await open(token);
    const commands = ["drama", "no war films", "something before 1980", "more like the first one"];
    const acks = await Promise.all(commands.map((command, i) => socket.emitWithAck("command", { sessionId, command, requestId: `q${i}` })));
    expect(acks.map((a) => (a.ok ? a.value.turn : a.error.code))).toEqual([1, 2, 3, 4]);
    expect(acks.map((a) => (a.ok ? a.value.command : ""))).toEqual(commands);
  });
});
