import { z } from "zod";
import { generateDemoCatalog } from "../catalog/demo/demo-catalog.ts";
import { createRandom } from "../models/seeded-random.ts";
import { createCommandMix } from "./command-mix.ts";
import { LoadClient } from "./load-client.ts";
import { closedLoop, openLoop, warmUp, type Driver, type PhaseResult } from "./load-phases.ts";
import { PhaseTally } from "./phase-tally.ts";
import { startServerProcess, type ServerProcess } from "./server-process.ts";
import { quantile } from "./stats.ts";

// Load benchmark of the live server: N users on Socket.io sending natural commands, every command's step
// and feed messages checked, latency measured against the schedule (open loop), then peak throughput (closed loop).

const Env = z.object({
  RECBOT_BENCH_CLIENTS: z.coerce.number().int().min(1).default(200),
  RECBOT_BENCH_RATE: z.coerce.number().positive().default(300),
  RECBOT_BENCH_SECONDS: z.coerce.number().positive().default(20),
  RECBOT_BENCH_CLOSED_SECONDS: z.coerce.number().positive().default(10),
  /** extra node flags for the server process, space-separated (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) */
  RECBOT_BENCH_SERVER_FLAGS: z.string().default(""),
});
/** Below the per-user limit the server runs with (its default, 10/s, burst 20), so no command is refused for rate. */
const PER_CLIENT_CAP = 9;
const WARM_UP_COMMANDS = 3;
const TARGET_P99_MS = 100;

const parsed = Env.safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`bench:server: ${issue.path.join(".")}: ${issue.message}`);
  process.exit(2);
}
const { RECBOT_BENCH_CLIENTS: clients, RECBOT_BENCH_RATE: rate, RECBOT_BENCH_SECONDS: seconds, RECBOT_BENCH_CLOSED_SECONDS: closedSeconds } = parsed.data;
const serverFlags = parsed.data.RECBOT_BENCH_SERVER_FLAGS.split(/\s+/).filter(Boolean);
if (rate / clients > PER_CLIENT_CAP * 0.8) {
  console.error(`bench:server: ${rate} cmd/s over ${clients} clients is ${(rate / clients).toFixed(1)}/s each, too close to the server's per-user limit of 10/s; raise RECBOT_BENCH_CLIENTS`);
  process.exit(2);
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Runs `work` over `xs`, `width` at a time. */
async function pool<T, R>(xs: T[], width: number, work: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(xs.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, xs.length) }, async () => {
    while (next < xs.length) {
      const i = next++;
      out[i] = await work(xs[i], i);
    }
  }));
  return out;
}

console.log(`Live server load: ${clients} clients on Socket.io, each its own user and session, demo catalog (20,000 items)`);
console.log(`open loop ${rate} cmd/s offered for ${seconds} s (latency from each command's scheduled time to its ack), then closed loop for ${closedSeconds} s (≤ ${PER_CLIENT_CAP} cmd/s per client)\n`);

const results: PhaseResult[] = [];
const drivers: Driver[] = [];
let server: ServerProcess | undefined;
let crash: unknown;
try {
  log("… starting the server (fresh data folder, models trained from scratch)");
  const starting = startServerProcess({ ...(process.env.RECBOT_GRAPH_THREADS ? { RECBOT_GRAPH_THREADS: process.env.RECBOT_GRAPH_THREADS } : {}), RECBOT_CATALOG: "demo", RECBOT_SIGNUPS_PER_SECOND: "0", RECBOT_COMMANDS_PER_SECOND: "10", RECBOT_COMMAND_BURST: "20" }, serverFlags);
  const catalog = generateDemoCatalog();
  server = await starting;
  const running = server;
  log(`… server ready at ${running.url} (pid ${running.pid}); opening ${clients} clients`);
  const random = createRandom(2024);
  const users = catalog.interactions.users;
  const opened = await pool(Array.from({ length: clients }, (_, i) => i), 20, (i) =>
    LoadClient.open(running.url, `c${i + 1}`, users[Math.floor(random() * users.length)], new PhaseTally()));
  opened.forEach((client, i) => {
    const clientRandom = createRandom(1000 + i);
    drivers.push({ client, random: clientRandom, nextCommand: createCommandMix(catalog, clientRandom) });
  });
  results.push(await warmUp(drivers, running, WARM_UP_COMMANDS));
  if (!running.exited) results.push(await openLoop(drivers, running, rate, seconds));
  if (!running.exited) results.push(await closedLoop(drivers, running, closedSeconds, PER_CLIENT_CAP));
} catch (error) {
  crash = error;
} finally {
  for (const d of drivers) d.client.close();
  await server?.stop();
}

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "–");
if (results.length > 0) {
  console.table(results.map((r) => ({
    phase: r.name,
    clients: r.clients,
    "offered cmd/s": r.offered === undefined ? "as acked" : f(r.offered),
    "achieved cmd/s": f(r.tally.ok / r.seconds),
    commands: r.tally.ok,
    "p50 ms": f(quantile(r.tally.latencies, 0.5)),
    "p90 ms": f(quantile(r.tally.latencies, 0.9)),
    "p99 ms": f(quantile(r.tally.latencies, 0.99)),
    "server p50/p99 ms": `${f(quantile(r.tally.serverMs, 0.5))}/${f(quantile(r.tally.serverMs, 0.99))}`,
    "max ms": f(quantile(r.tally.latencies, 1)),
    "steps/cmd": f(r.tally.steps / (r.tally.ok - r.tally.lost), 1),
    lost: r.tally.lost,
    misrouted: r.tally.misrouted,
    duplicated: r.tally.duplicated,
    mismatched: r.tally.mismatched,
    failed: r.tally.failures,
    "server CPU %": f(r.serverCpu, 0),
    "bench CPU %": f(r.benchCpu, 0),
  })));
  console.log("(warm-up not measured for the target; CPU % of one core; lost = commands with a step or the feed missing at the ack)");
}

const closed = results.find((r) => r.name === "closed loop");
if (closed) {
  const throughput = closed.tally.ok / closed.seconds;
  const cap = clients * PER_CLIENT_CAP;
  console.log(`closed loop: max sustained throughput ${f(throughput)} cmd/s with ${clients} clients${throughput >= 0.9 * cap ? ` (at the client cap of ${cap} cmd/s: the server may do more)` : ""}`);
}
const open = results.find((r) => r.name === "open loop");
if (open) {
  const achieved = open.tally.ok / open.seconds;
  const p99 = quantile(open.tally.latencies, 0.99);
  const met = achieved >= 0.98 * rate && p99 <= TARGET_P99_MS;
  console.log(`target ≥ ${rate} cmd/s at p99 ≤ ${TARGET_P99_MS} ms with ${clients} clients: ${met ? "met" : "MISSED"} (achieved ${f(achieved)} cmd/s, p99 ${f(p99)} ms)`);
}

let failed = false;
const loud = (message: string) => {
  failed = true;
  console.log(message);
  if (!process.stdout.isTTY || !process.stderr.isTTY) console.error(message);
};
for (const r of results) {
  const problems = r.tally.problems();
  if (problems.length > 0) loud(`!!! PROBLEMS in ${r.name}: ${problems.join(", ")}`);
}
if (server?.errors.length) {
  console.log(`\nthe server wrote (stderr, or stdout after ready; ${server.errors.length} lines, last 40):`);
  console.log(server.errors.slice(-40).map((line) => `  ${line}`).join("\n"));
} else if (server) {
  console.log("the server wrote nothing to stderr (nor to stdout after ready)");
}
if (server?.exited) loud(`!!! ${server.exited} during the benchmark`);
if (crash) loud(`!!! benchmark aborted: ${crash instanceof Error ? crash.stack ?? crash.message : String(crash)}`);
process.exit(failed ? 1 : 0);
