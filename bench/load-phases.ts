import type { LoadClient } from "./load-client.ts";
import { PhaseTally } from "./phase-tally.ts";
import type { ServerProcess } from "./server-process.ts";

/** A connected client with its own command stream and random stream. */
export interface Driver {
  client: LoadClient;
  nextCommand: () => string;
  random: () => number;
}

export interface PhaseResult {
  name: string;
  clients: number;
  tally: PhaseTally;
  /** commands per second the schedule offered (open loop); undefined when clients send as acks allow */
  offered?: number;
  /** from the phase's start to its last ack */
  seconds: number;
  /** CPU over the phase, % of one core: the server process, and this load generator */
  serverCpu: number;
  benchCpu: number;
}

const sleepUntil = (at: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));

/** Runs one phase with a fresh tally, a progress line a second on stderr, and CPU sampled around it. */
async function phase(name: string, drivers: Driver[], server: ServerProcess, body: (tally: PhaseTally, start: number) => Promise<number | undefined>): Promise<PhaseResult> {
  const tally = new PhaseTally();
  for (const d of drivers) d.client.tally = tally;
  const serverCpu = server.cpuSeconds();
  const benchCpu = process.cpuUsage();
  const start = performance.now();
  let lastOk = 0;
  const progress = setInterval(() => {
    const s = Math.round((performance.now() - start) / 1000);
    const done = tally.ok + tally.failures;
    const problems = tally.problems().filter((p) => !p.startsWith("failed"));
    process.stderr.write(`[${name}] ${s} s: ${tally.sent} sent, ${tally.ok} ok (+${tally.ok - lastOk}/s), ${tally.failures} failed, ${tally.sent - done} in flight${problems.length ? `; ${problems.join(", ")}` : ""}\n`);
    lastOk = tally.ok;
  }, 1000);
  try {
    const offered = await body(tally, start);
    const wall = (performance.now() - start) / 1000;
    const bench = process.cpuUsage(benchCpu);
    return {
      name, clients: drivers.length, tally, offered,
      seconds: ((tally.lastAckAt || performance.now()) - start) / 1000,
      serverCpu: ((server.cpuSeconds() - serverCpu) / wall) * 100,
      benchCpu: ((bench.user + bench.system) / 1e6 / wall) * 100,
    };
  } finally {
    clearInterval(progress);
  }
}

/** A few commands per client, all clients at once, one at a time each: JIT, caches and sessions warmed. */
export function warmUp(drivers: Driver[], server: ServerProcess, commands: number): Promise<PhaseResult> {
  return phase("warm-up", drivers, server, async (tally, start) => {
    await Promise.all(drivers.map(async ({ client, nextCommand }) => {
      for (let i = 0; i < commands && !server.exited; i++) {
        const sentAt = performance.now();
        const ack = await client.send(nextCommand());
        if (ack.ok) tally.latencies.push(ack.at - sentAt);
      }
    }));
    return undefined;
  });
}

/**
 * Open loop: each client sends at rate/N with ±50% jitter on a fixed schedule. A command whose client is
 * still waiting for its previous ack goes out when that ack comes, and its latency counts from its scheduled
 * time, so queueing shows in the latencies (no coordinated omission).
 */
export function openLoop(drivers: Driver[], server: ServerProcess, rate: number, seconds: number): Promise<PhaseResult> {
  return phase("open loop", drivers, server, async (tally, start) => {
    const interval = (drivers.length / rate) * 1000;
    const end = start + seconds * 1000;
    let scheduled = 0;
    await Promise.all(drivers.map(async ({ client, nextCommand, random }) => {
      for (let at = start + random() * interval; at < end && !server.exited; at += interval * (0.5 + random())) {
        scheduled++;
        await sleepUntil(at);
        const ack = await client.send(nextCommand());
        if (ack.ok) tally.latencies.push(ack.at - at);
      }
    }));
    return scheduled / seconds;
  });
}

/**
 * Closed loop: each client sends its next command as soon as the previous is acked, but no faster than
 * `perClientCap` a second (the server's per-user limit would refuse more); latency from send to ack.
 */
export function closedLoop(drivers: Driver[], server: ServerProcess, seconds: number, perClientCap: number): Promise<PhaseResult> {
  return phase("closed loop", drivers, server, async (tally, start) => {
    const end = start + seconds * 1000;
    const gap = 1000 / perClientCap;
    await Promise.all(drivers.map(async ({ client, nextCommand }) => {
      for (let last = -Infinity; performance.now() < end && !server.exited;) {
        await sleepUntil(last + gap);
        const sentAt = (last = performance.now());
        const ack = await client.send(nextCommand());
        if (ack.ok) tally.latencies.push(ack.at - sentAt);
      }
    }));
    return undefined;
  });
}
