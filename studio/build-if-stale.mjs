// Builds the studio (vite) when its build is missing or older than any of its sources; `npm start` and
// `npm test` run this first, so a fresh clone serves a current studio without a separate build step.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const studio = fileURLToPath(new URL(".", import.meta.url));
const root = join(studio, "..");
const built = join(studio, "dist", "index.html");

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).filter((name) => name !== "dist" && name !== "node_modules").map((name) => newest(join(path, name))));
}

const sources = [join(studio, "src"), join(studio, "index.html"), join(studio, "vite.config.ts"), join(root, "schemas"), join(root, "package-lock.json")];
const stale = !existsSync(built) || Math.max(...sources.filter(existsSync).map(newest)) > statSync(built).mtimeMs;
if (stale) {
  const started = Date.now();
  process.stdout.write("recbot: building the studio… ");
  const { build } = await import("vite");
  await build({ configFile: join(studio, "vite.config.ts"), logLevel: "warn" });
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
