import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { corsOrigins } from "./cors.ts";
import { startServer } from "./start-server.ts";

const log = (m: string) => console.log(`recbot: ${m}`);

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  RECBOT_CATALOG: z.string().min(1).default("demo"),
  RECBOT_DATA_DIR: z.string().min(1).optional(),
  RECBOT_ANALYST_TOKEN: z.string().optional(),
  RECBOT_CORS_ORIGINS: z.string().optional(),
  RECBOT_COMMANDS_PER_SECOND: z.coerce.number().min(0).default(10),
  RECBOT_COMMAND_BURST: z.coerce.number().int().min(1).default(20),
  RECBOT_GRAPH_THREADS: z.coerce.number().int().min(0).max(64).default(1),
  RECBOT_SIGNUPS_PER_SECOND: z.coerce.number().min(0).default(1),
  RECBOT_SKIP_BAD_LINES: z.enum(["0", "1"]).default("0"),
  RECBOT_CHECK_RESPONSES: z.enum(["0", "1"]).default("0"),
});

const parsed = Env.safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`recbot: environment variable ${issue.path.join(".")}: ${issue.message}`);
  process.exit(2);
}
const env = parsed.data;
const studio = fileURLToPath(new URL("../studio/dist/", import.meta.url));
if (!existsSync(studio)) console.warn("recbot: the studio is not built (npm start builds it; or npm run build:studio); serving the API only");

try {
  const server = await startServer({
    port: env.PORT, host: env.HOST, catalogRef: env.RECBOT_CATALOG.split(",").map((ref) => ref.trim()).filter(Boolean), dataDir: env.RECBOT_DATA_DIR,
    analystToken: env.RECBOT_ANALYST_TOKEN, corsOrigins: corsOrigins(env.RECBOT_CORS_ORIGINS),
    commandsPerSecond: env.RECBOT_COMMANDS_PER_SECOND, commandBurst: env.RECBOT_COMMAND_BURST,
    signupsPerSecond: env.RECBOT_SIGNUPS_PER_SECOND, graphThreads: env.RECBOT_GRAPH_THREADS,
    skipBadLines: env.RECBOT_SKIP_BAD_LINES === "1", checkResponses: env.RECBOT_CHECK_RESPONSES === "1",
    staticDir: existsSync(studio) ? studio : undefined, progress: process.stderr.isTTY, log,
  });
  log(`listening on ${server.url} (studio: ${server.url}/, API: ${server.url}/api/openapi.json)`);
  if (server.createdAnalystToken) {
    log(`analyst token (shown once; keep it): ${server.createdAnalystToken}`);
  }
  server.ready.then(
    () => log(`ready: ${[...server.deps.catalogs.holders.values()].map((h) => h.prepared?.catalog.name).join(", ")}`),
    (error: unknown) => console.error(`recbot: a catalog failed to load: ${error instanceof Error ? error.message : String(error)}`),
  );
  const shutdown = (signal: string) => {
    log(`${signal}: finishing running commands, then closing`);
    server.close().then(() => process.exit(0), () => process.exit(1));
    setTimeout(() => process.exit(1), 15_000).unref();
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
} catch (error) {
  console.error(`recbot: cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
