import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("../server/index.ts", import.meta.url));
const READY_TIMEOUT_MS = 180_000;

/** The server under load, in its own process: its URL, CPU clock, what it wrote to stderr, and how to stop it. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** user + system CPU seconds the process has used so far (all its threads) */
  cpuSeconds(): number;
  /** what the server wrote to stderr, and to stdout after it was ready, until `stop()`: a healthy run has none */
  errors: string[];
  /** set when the server exited other than by `stop()` */
  exited?: string;
  /** SIGTERM, then SIGKILL after 15 s; removes the temp data folder */
  stop(): Promise<void>;
}

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process (NaN once it is gone) from /proc/<pid>/stat (fields 14 and 15, counted after the `(comm)` field). */
function cpuSecondsOf(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return Number.NaN; // the process is gone
  }
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** The node flags `npm start` passes (e.g. the young-generation size), so the benchmark measures the same server. */
function npmStartFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { scripts: { start: string } };
  return scripts.start.split(/\s+/).filter((word) => word.startsWith("--") && word !== "--import");
}

/**
 * Starts `server/index.ts` on a free port with a fresh data folder, the given extra environment and node flags, and
 * resolves once it prints `ready:` (the catalog and its models are loaded). Rejects, with the server's output,
 * if it exits or is not ready in three minutes.
 */
export async function startServerProcess(env: Record<string, string>, nodeFlags: string[] = []): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), "recbot-bench-server-"));
  const child: ChildProcess = spawn(process.execPath, [...npmStartFlags(), ...nodeFlags, "--import", "tsx", entry], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", RECBOT_DATA_DIR: dataDir, RECBOT_ANALYST_TOKEN: `bench-${randomBytes(12).toString("hex")}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const output: string[] = [];
  const errors: string[] = [];
  let url: string | undefined;
  const lines = (stream: NodeJS.ReadableStream, onLine: (line: string) => void) => {
    let rest = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop()!;
      parts.forEach(onLine);
    });
  };
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stopping = false;
  let isReady = false;
  const server: ServerProcess = {
    url: "",
    pid: child.pid!,
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    errors,
    async stop() {
      process.off("exit", killOnExit);
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  child.once("exit", (code, signal) => {
    if (!stopping) server.exited = `server exited with ${signal ?? `code ${code}`}`;
  });

  const ready = new Promise<void>((resolve, reject) => {
    lines(child.stdout!, (line) => {
      output.push(line);
      url ??= /listening on (http:\/\/[\d.]+:\d+)/.exec(line)?.[1];
      if (/^recbot: ready:/.test(line) && url) {
        isReady = true;
        resolve();
      } else if (isReady && !stopping) errors.push(line);
    });
    lines(child.stderr!, (line) => {
      output.push(line);
      if (!stopping) errors.push(line);
    });
    child.once("exit", (code, signal) => reject(new Error(`server exited (${signal ?? `code ${code}`}) before it was ready:\n${output.join("\n")}`)));
    setTimeout(() => reject(new Error(`server not ready after ${READY_TIMEOUT_MS / 1000} s:\n${output.join("\n")}`)), READY_TIMEOUT_MS).unref();
  });
  try {
    await ready;
  } catch (error) {
    await server.stop();
    throw error;
  }
  server.url = url!;
  return server;
}
