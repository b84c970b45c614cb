import { createApp } from "./app.ts";
import { CatalogHolder } from "./catalog-holder.ts";
import { prepareCatalog } from "../runtime/prepared-catalog.ts";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const ref = process.env.RECBOT_CATALOG ?? "demo";
const log = (m: string) => console.log(`recbot: ${m}`);

const holder = new CatalogHolder(ref);
const server = createApp({ catalog: holder }).listen(port, host, () => {
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  log(`listening on http://${host}:${actual} (health: /api/health)`);
});

prepareCatalog(ref, { dataDir: process.env.RECBOT_DATA_DIR, progress: true, skipBadLines: process.env.RECBOT_SKIP_BAD_LINES === "1", log })
  .then((prepared) => {
    holder.resolve(prepared);
    log(`ready: ${prepared.catalog.name}`);
  })
  .catch((error: unknown) => {
    holder.fail(error);
    console.error(`recbot: catalog ${ref} failed to load: ${error instanceof Error ? error.message : String(error)}`);
  });

function shutdown(signal: string) {
  log(`${signal}: closing`);
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
