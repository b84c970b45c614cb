import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mlRef, repoRoot, tempDir } from "./helpers.ts";
import { startReplayServer, type ReplayServer } from "./support/openai-replay-server.ts";
import { client, liveClient, newUserSession } from "./support/test-server.ts";

// The server as `npm start` runs it: its own process, killed for real (SIGKILL) and restarted on the same data folder.

interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

let llm: ReplayServer;
const dataDir = tempDir("restart");

function spawnServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "server/index.ts")], {
    cwd: repoRoot,
    env: { ...process.env, PORT: "0", RECBOT_DATA_DIR: dataDir, RECBOT_CATALOG: mlRef, OPENAI_BASE_URL: llm.url, RECBOT_LLM_TIMEOUT_MS: "60000", RECBOT_CHECK_RESPONSES: "1", ...env },
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", () => {
      if (/ready:/.test(output)) resolve({ url: output.match(/listening on (http:\/\/[\d.:]+)/)![1], child, output: () => output, exited });
    });
    exited.then((code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

beforeAll(async () => {
  llm = await startReplayServer();
});
afterAll(() => llm.close());

const command = "only comedies from the 90s, and no horror please";

describe("the server process across crashes and restarts", () => {
  it("prints the analyst token once, keeps the data across kill -9, and marks the run it cut off as interrupted", async () => {
    const first = await spawnServer();
    const token = first.output().match(/analyst token \(shown once; keep it\): (\S+)/)?.[1];
    expect(token).toBeTruthy();
    const alice = await newUserSession(first.url);
    const done = await alice.api.post(`/api/sessions/${alice.sessionId}/commands`, { command: "comedies" });
    expect(done.status).toBe(200);

    // a command stuck in the LLM node: its first steps are stored, then the process dies
    llm.failNext({ kind: "delay", ms: 30_000 });
    const socket = await liveClient(first.url, alice.token);
    const llmStarted = new Promise<string>((resolve) => socket.on("steps", (ms) => {
      for (const m of ms) if (m.event.type === "node_start" && m.event.nodeId === "llm_parse") resolve(m.event.runId);
    }));
    socket.emit("command", { sessionId: alice.sessionId, command, graphs: { parser: { name: "parser-llm" } } }, () => {});
    const asked = llm.requests.length;
    const runId = await llmStarted;
    while (llm.requests.length === asked) await new Promise((resolve) => setTimeout(resolve, 20));
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe(null);
    socket.close();

    const second = await spawnServer();
    try {
      expect(second.output()).not.toMatch(/analyst token/);
      expect(second.output()).toMatch(/1 run\(s\) left running by a previous process marked interrupted/);
      const run = await client(second.url, token).get(`/api/runs/${runId}`);
      expect(run.status).toBe(200);
      expect(run.body.status).toBe("interrupted");
      expect(run.body.steps.map((s: { event: { type: string; nodeId?: string } }) => `${s.event.type}${s.event.nodeId ? ` ${s.event.nodeId}` : ""}`)).toEqual(["run_start", "node_start llm_parse"]);
      // the memory of the completed turn survived, and the session carries on from it
      const turns = await client(second.url, alice.token).get(`/api/sessions/${alice.sessionId}/turns`);
      expect(turns.body.map((t: { command: string }) => t.command)).toEqual(["comedies"]);
      expect(turns.body[0].memory).toEqual(done.body.memory);
      const next = await client(second.url, alice.token).post(`/api/sessions/${alice.sessionId}/commands`, { command: "from the 90s" });
      expect(next.body.turn).toBe(2);
      expect(next.body.memory.positive.soft).toEqual(done.body.memory.positive.soft);
      expect((await client(second.url, token).get("/api/runs?status=interrupted")).body.map((r: { id: string }) => r.id)).toEqual([runId]);
    } finally {
      second.child.kill("SIGKILL");
      await second.exited;
    }
  });

  it("on SIGTERM finishes the running command before exiting", async () => {
    const server = await spawnServer({ RECBOT_ANALYST_TOKEN: "a-configured-analyst-token" });
    const alice = await newUserSession(server.url);
    llm.failNext({ kind: "delay", ms: 1500 });
    const socket = await liveClient(server.url, alice.token);
    const llmStarted = new Promise<void>((resolve) => socket.on("steps", (ms) => {
      for (const m of ms) if (m.event.type === "node_start" && m.event.nodeId === "llm_parse") resolve();
    }));
    const ack = socket.emitWithAck("command", { sessionId: alice.sessionId, command, graphs: { parser: { name: "parser-llm" } } });
    await llmStarted;
    server.child.kill("SIGTERM");
    const result = await ack;
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.source).toBe("llm");
    expect(await server.exited).toBe(0);
    socket.close();
    expect(server.output()).toMatch(/SIGTERM: finishing running commands/);
  });
});
