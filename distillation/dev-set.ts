import { readFile } from "node:fs/promises";
import { z } from "zod";
import { Preferences, emptyPreferences } from "../schemas/preferences.ts";
import type { ScoredCommand } from "./agreement.ts";

/** One hand-written parser case (shared/eval format): a command, optional memory and feed, and the gold memory. */
const DevCase = z.object({
  id: z.string(),
  command: z.string(),
  memory: Preferences.optional(),
  feed: z.array(z.string()).optional(),
  gold: Preferences,
});

export class DevSetError extends Error {
  override name = "DevSetError";
}

/** Reads a JSON Lines file of parser cases; a bad line is an error naming the line and the field. */
export async function readDevSet(file: string): Promise<ScoredCommand[]> {
  const text = await readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => {
    throw new DevSetError(`${file}: cannot read it (${e.code ?? e.message})`);
  });
  const out: ScoredCommand[] = [];
  for (const [i, line] of text.split("\n").entries()) {
    if (!line.trim()) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      throw new DevSetError(`${file} line ${i + 1}: not valid JSON (${(e as Error).message})`);
    }
    const parsed = DevCase.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DevSetError(`${file} line ${i + 1}: field ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    }
    const c = parsed.data;
    out.push({ command: c.command, feed: c.feed ?? [], memory: c.memory ?? emptyPreferences(), label: c.gold });
  }
  return out;
}
