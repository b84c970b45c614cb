import { mkdirSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import Database from "better-sqlite3";
import { resolveDataDir } from "../models/model-cache.ts";
import { prepareCatalog, type PreparedCatalog } from "../runtime/prepared-catalog.ts";
import { createApp } from "./app.ts";
import { Authenticator, ensureAnalystToken } from "./auth.ts";
import type { CatalogHolder } from "./catalog-holder.ts";
import { CatalogSet } from "./catalog-set.ts";
import { CommandRunner } from "./command-runner.ts";
import { ExperimentService } from "./experiments/experiment-service.ts";
import { ExperimentSimulator } from "./experiments/experiment-simulator.ts";
import { startExperimentTicker } from "./experiments/experiment-ticker.ts";
import { GraphRegistry, seedShippedGraphs } from "./graph-registry.ts";
import { attachLiveHandlers, createLiveServer, livePublisher, type LiveServer } from "./live/live-channel.ts";
import { RateLimiter } from "./rate-limiter.ts";
import { LocalTurnExecutor, type TurnExecutor } from "../runtime/turn-graphs.ts";
import { ThreadTurnExecutor } from "../runtime/turn-threads.ts";
import type { ServerDeps } from "./server-deps.ts";
import { SqliteStore } from "./storage/sqlite-store.ts";

export interface ServerOptions {
  port?: number;
  host?: string;
  /** catalog references (`demo`, `movielens:<dir>`, a folder); the first is the default */
  catalogRef?: string | string[];
  /** the (default) catalog already prepared, or being prepared elsewhere (the server answers 503 until it resolves) */
  prepared?: PreparedCatalog | Promise<PreparedCatalog>;
  /** data folder: the SQLite file and the model cache; default RECBOT_DATA_DIR or ./recbot-data */
  dataDir?: string;
  analystToken?: string;
  corsOrigins?: string[];
  /** per client: sustained commands per second and burst; 0 turns the limit off */
  commandsPerSecond?: number;
  commandBurst?: number;
  /** new users per second from one address (burst 30); 0 turns the limit off */
  signupsPerSecond?: number;
  skipBadLines?: boolean;
  /**
   * graph threads running the turns' graphs, each with its own copy of the catalog (0: run them on the thread
   * serving requests); only when the server prepares the catalog itself
   */
  graphThreads?: number;
  staticDir?: string;
  checkResponses?: boolean;
  /** how long shutdown waits for running commands */
  drainMs?: number;
  log?: (message: string) => void;
  progress?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  deps: ServerDeps;
  io: LiveServer;
  /** resolves when the catalog is ready (rejects if it failed to load) */
  ready: Promise<void>;
  /** the analyst token when this start created it (printed once), else undefined */
  createdAnalystToken?: string;
  close(): Promise<void>;
}

/**
 * Opens the store (migrating it, marking runs a crash left `running` as interrupted, seeding the shipped
 * graphs), then listens at once while the catalog and its models load; routes answer 503 until it is ready.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const dataDir = resolveDataDir(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "recbot.sqlite");
  const store = new SqliteStore(new Database(file), { writer: "thread" }, true);
  const interrupted = await store.markInterruptedRuns();
  if (interrupted > 0) log(`${interrupted} run(s) left running by a previous process marked interrupted`);
  const seeded = await seedShippedGraphs(store);
  if (seeded.length > 0) log(`saved shipped graphs: ${seeded.join(", ")}`);
  const analyst = await ensureAnalystToken(store, options.analystToken);

  const refs = [options.catalogRef ?? (options.prepared && !(options.prepared instanceof Promise) ? options.prepared.catalog.ref : "demo")].flat();
  const catalogs = new CatalogSet(refs);
  const http = createServer();
  const corsOrigins = options.corsOrigins ?? [];
  const io = createLiveServer(http, corsOrigins);
  const graphs = new GraphRegistry(store);
  // each catalog's turns run on this thread until (if asked) its graph threads are up
  const executors = new Map<string, TurnExecutor>([...catalogs.holders].map(([id, holder]) => [id, new LocalTurnExecutor(() => holder.require().context)]));
  const turns = (catalogId: string) => executors.get(catalogId)!;
  const experiments = new ExperimentService(store, graphs, catalogs);
  await experiments.load();
  const runner = new CommandRunner({ store, catalogs, graphs, turns, publish: livePublisher(io), experiments });
  const deps: ServerDeps = {
    catalogs, store, graphs, runner, experiments, simulator: new ExperimentSimulator(store, graphs, catalogs),
    auth: new Authenticator(store, analyst.hash),
    limits: {
      commands: new RateLimiter(options.commandsPerSecond ?? 10, options.commandBurst ?? 20),
      signups: new RateLimiter(options.signupsPerSecond ?? 1, 30),
    },
    startedAt: Date.now(),
    checkResponses: options.checkResponses ?? false,
  };
  http.on("request", createApp(deps, { corsOrigins, staticDir: options.staticDir }));
  attachLiveHandlers(io, deps);
  const stopTicker = startExperimentTicker(experiments, io, log);

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? 3000, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const url = `http://${options.host ?? "127.0.0.1"}:${port}`;

  const threads = options.graphThreads ?? 0;
  if (threads > 0 && options.prepared) throw new Error("graph threads load the catalog themselves: pass `catalogRef`, not `prepared`");
  const load = async (id: string, holder: CatalogHolder, given?: PreparedCatalog | Promise<PreparedCatalog>) => {
    try {
      const prepared = await (given ?? prepareCatalog(holder.ref, { dataDir, progress: options.progress, skipBadLines: options.skipBadLines, log }));
      if (threads > 0) {
        // after the main thread: the models are in the cache by now, so the threads only read them
        executors.set(id, await ThreadTurnExecutor.start({ ref: holder.ref, dataDir, skipBadLines: options.skipBadLines, threads }));
        log(`${id}: ${threads} graph thread(s) ready`);
      }
      holder.resolve(prepared);
    } catch (error) {
      holder.fail(error);
      throw error;
    }
  };
  // one after another: model training takes every core it can, and the first catalog is the default
  const ready = (async () => {
    const failures: unknown[] = [];
    for (const [id, holder] of catalogs.holders) {
      await load(id, holder, id === catalogs.defaultId ? options.prepared : undefined).catch((error: unknown) => failures.push(error));
    }
    if (failures.length > 0) throw failures[0];
  })();
  ready.catch(() => undefined);

  let closing: Promise<void> | undefined;
  const close = () => (closing ??= (async () => {
    http.close();
    stopTicker();
    const left = await deps.runner.drain(options.drainMs ?? 10_000);
    if (left > 0) log(`${left} command(s) still running at shutdown; their runs will be marked interrupted at the next start`);
    // the last commands' acks are queued behind their results; give the sockets a moment to flush them
    await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await Promise.all([...executors.values()].map((executor) => executor.close()));
    http.closeAllConnections();
    await store.close();
  })());
  return { url, port, deps, io, ready, createdAnalystToken: analyst.created, close };
}
