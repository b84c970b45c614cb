import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectRun } from "../graphs/run-graph.ts";
import { history, openSession, runCommand, type TurnRecord } from "../graphs/session.ts";
import { closeSessionStore } from "../graphs/session-store.ts";
import { parseOffline } from "../parser/parse-offline.ts";
import { prepareCatalog, type PreparedCatalog } from "../runtime/prepared-catalog.ts";
import { emptyPreferences } from "../schemas/preferences.ts";
import { repoRoot, tempDir } from "./helpers.ts";

const COMMANDS = [
  "show me red dresses", "ok", "something in wool", "black please", "nice", "more floral", "casual look",
  "show me more", "linen for summer", "party",
];

let dir: string;
let prepared: PreparedCatalog;
let user: string;

beforeAll(async () => {
  dir = tempDir("graph-session");
  prepared = await prepareCatalog("demo:2000", { dataDir: dir });
  user = prepared.catalog.interactions.users[5];
});

afterAll(() => {
  closeSessionStore();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the commands in this process, returning each committed turn and the events' types. */
async function runAll(sessionId: string, file: string, commands: string[]) {
  const session = await openSession(sessionId, { ctx: prepared.context, file, user });
  const turns: TurnRecord[] = [];
  for (const command of commands) {
    const { events, outcome } = await collectRun(runCommand(session, command));
    expect(events.filter((e) => e.type === "run_end").map((e) => e.kind)).toEqual(["parser", "planner"]);
    turns.push(outcome!);
  }
  return turns;
}

const memoriesOf = (turns: TurnRecord[]) => turns.map((t) => ({ turn: t.turn, command: t.command, memory: t.memory, feed: t.feed }));

describe("sessions", () => {
  it("keeps the memory of ten turns, each P_{t+1} parsed from P_t and R_t, and reads it back after reopening", async () => {
    const file = join(dir, "ten.sqlite");
    const turns = await runAll("ten", file, COMMANDS);
    let memory = emptyPreferences();
    let feed: string[] = [];
    turns.forEach((turn, i) => {
      const expected = parseOffline({ command: COMMANDS[i], memory, feed }, prepared.context).preferences;
      expect(turn).toMatchObject({ turn: i + 1, command: COMMANDS[i], memory: expected });
      expect(turn.feed).toHaveLength(10);
      memory = turn.memory;
      feed = turn.feed;
    });
    expect(turns[1].memory).toEqual(turns[0].memory); // "ok" preserves
    expect(turns[9].memory.positive.soft.length).toBeGreaterThan(turns[0].memory.positive.soft.length);
    closeSessionStore(file);
    const reopened = await openSession("ten", { ctx: prepared.context, file });
    expect(reopened.user).toBe(user);
    expect(memoriesOf(await history(reopened))).toEqual(memoriesOf(turns));
    expect(await history(await openSession("other", { ctx: prepared.context, file }))).toEqual([]);
  });

  it("survives SIGKILL mid-turn: a new process continues the session with the memory intact", async () => {
    const reference = await runAll("reference", join(dir, "reference.sqlite"), COMMANDS);
    const file = join(dir, "killed.sqlite");

    const first = startChild(file, 4, COMMANDS);
    const stalled = await first.waitFor("stalled");
    expect(stalled.at).toBeDefined();
    expect(first.lines.filter((l) => l.kind === "turn")).toHaveLength(3);
    first.child.kill("SIGKILL");
    expect(await first.exit).toBe("SIGKILL");

    const second = startChild(file, 0, COMMANDS.slice(3));
    const opened = await second.waitFor("history");
    expect(memoriesOf(opened.turns)).toEqual(memoriesOf(reference.slice(0, 3)));
    await second.waitFor("done");
    expect(await second.exit).toBe(0);
    const continued = second.lines.filter((l) => l.kind === "turn").map((l) => l.record as TurnRecord);
    expect(memoriesOf(continued)).toEqual(memoriesOf(reference.slice(3)));

    closeSessionStore(file);
    const session = await openSession("s1", { ctx: prepared.context, file });
    expect(memoriesOf(await history(session))).toEqual(memoriesOf(reference));
  });
});

function startChild(file: string, stallAt: number, commands: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "test/graph-session-child.ts"), dir, file, "s1", user, String(stallAt), JSON.stringify(commands)], { cwd: repoRoot });
  const lines: any[] = [];
  let buffer = "";
  let stderr = "";
  const waiters: { kind: string; resolve: (line: any) => void }[] = [];
  child.stdout.on("data", (chunk) => {
    buffer += chunk;
    for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
      const line = JSON.parse(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      for (const w of waiters.filter((w) => w.kind === line.kind)) w.resolve(line);
    }
  });
  child.stderr.on("data", (d) => (stderr += d));
  const exit = new Promise<string | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
  const waitFor = (kind: string) =>
    new Promise<any>((resolve, reject) => {
      const seen = lines.find((l) => l.kind === kind);
      if (seen) return resolve(seen);
      waiters.push({ kind, resolve });
      exit.then((how) => reject(new Error(`child exited (${how}) before \`${kind}\`: ${stderr}`)));
    });
  return { child, lines, exit, waitFor };
}
