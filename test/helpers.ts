import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../", import.meta.url));
/** MovieLens is read from the shared folder beside the repository, never copied into it. */
export const mlDir = fileURLToPath(new URL("../../shared/data/ml-latest-small/", import.meta.url));
export const mlRef = `movielens:${mlDir}`;

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `recbot-${prefix}-`));
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `recbot` as a real process, as a user would through npx. */
export function runCli(args: string[], input = "", env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, "bin/recbot.mjs"), ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

export function jsonLines(text: string): any[] {
  return text.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
}
