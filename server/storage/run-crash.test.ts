import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "./sqlite-store.ts";
import { tempDbFile } from "./test-fixtures.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const child = fileURLToPath(new URL("./crash-child.ts", import.meta.url));

/** Spawns the child, waits for "ready", SIGKILLs it and resolves with the signal it died of. */
function runAndKill(file: string, runId: string, steps: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", child, file, runId, String(steps)], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    proc.stderr.on("data", (d) => (stderr += d));
    proc.stdout.on("data", (d: Buffer) => {
      if (d.toString().includes("ready")) proc.kill("SIGKILL");
    });
    proc.on("error", reject);
    proc.on("exit", (code, signal) => (signal ? resolve(signal) : reject(new Error(`child exited with ${code} before being killed: ${stderr}`))));
  });
}

describe("a run in a process killed mid-run", () => {
  it("keeps the steps written before the kill and is marked interrupted on reopen", async () => {
    const file = tempDbFile("crash");
    expect(await runAndKill(file, "run-killed", 3)).toBe("SIGKILL");

    const store = openSqliteStore(file);
    const before = await store.getRun("run-killed");
    expect(before?.status).toBe("running");
    expect(before?.steps.map((s) => [s.seq, s.event.type])).toEqual([[1, "run_start"], [2, "node_start"], [3, "node_end"]]);

    expect(await store.markInterruptedRuns()).toBe(1);
    const after = await store.getRun("run-killed");
    expect(after).toMatchObject({ status: "interrupted", stepCount: 3, error: { code: "interrupted" } });
    expect(after?.finishedAt).toBeTypeOf("number");
    expect(await store.markInterruptedRuns()).toBe(0);
    await expect(store.appendStep("run-killed", before!.steps[0].event)).rejects.toMatchObject({ code: "CONFLICT" });
    await store.close();
    rmSync(dirname(file), { recursive: true, force: true });
  });
});
