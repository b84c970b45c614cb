import { spawn } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import { repoRoot, tempDir } from "./helpers.ts";
import { client } from "./support/test-server.ts";

it("`npm start`'s entry point serves the demo catalog and exits cleanly on SIGTERM", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "server/index.ts")], {
    cwd: repoRoot,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", RECBOT_DATA_DIR: tempDir("start") },
  });
  let output = "";
  child.stderr.on("data", (d) => (output += d));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      output += d;
      if (/ready:/.test(output)) resolve(output.match(/listening on (http:\/\/[\d.:]+)/)![1]);
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  const base = await ready;
  const health = (await client(base).get("/api/health")).body;
  expect(health).toMatchObject({ status: "ok", catalog: { ref: "demo" } });
  const feed = await client(base).post("/api/recommendations", { user: "u0001", k: 5 });
  expect(feed.body.items).toHaveLength(5);
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
});
