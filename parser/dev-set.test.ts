import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { emptyPreferences, type Preferences } from "../schemas/preferences.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { parseOffline } from "./parse-offline.ts";
import type { ParseInput } from "./parser-state.ts";
import { contextOf, mlRef } from "./test-catalogs.ts";

// The MovieLens dev set measures the parser; it is never a source of rules (see shared/eval/README.md).
const evalDir = fileURLToPath(new URL("../../shared/eval/", import.meta.url));
const gold = join(evalDir, "parser-dev.jsonl");
const scorer = join(evalDir, "score-parser.mjs");

interface DevCase {
  id: string;
  command: string;
  memory?: Preferences;
  feed?: string[];
}

let ctx: ToolContext;
let cases: { id: string; input: ParseInput }[];
beforeAll(async () => {
  ctx = await contextOf(mlRef);
  cases = readFileSync(gold, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DevCase)
    .map((c) => ({ id: c.id, input: { command: c.command, memory: c.memory ?? emptyPreferences(), feed: c.feed ?? [] } }));
});

describe.skipIf(!existsSync(gold))("the MovieLens dev set", () => {
  it("meets the quality bar: strict slot-F1 ≥ 0.90 and exact match ≥ 0.70 (scored by the shared scorer)", () => {
    const pred = join(mkdtempSync(join(tmpdir(), "recbot-parser-dev-")), "pred.jsonl");
    writeFileSync(pred, cases.map(({ id, input }) => JSON.stringify({ id, preferences: parseOffline(input, ctx).preferences })).join("\n") + "\n");
    const out = execFileSync(process.execPath, [scorer, "--gold", gold, "--pred", pred, "--json"], { encoding: "utf8" });
    const score = JSON.parse(out.trim().split("\n").at(-1)!);
    expect(score.predictions).toEqual({ ok: cases.length, error: 0, missing: 0 });
    expect(score.strict.f1).toBeGreaterThanOrEqual(0.9);
    expect(score.exact_match).toBeGreaterThanOrEqual(0.7);
  });

  it("parses in p99 ≤ 2 ms once warm", () => {
    for (const { input } of cases) parseOffline(input, ctx);
    // each case's median over repeats, so that other test files sharing the CPU do not decide the tail
    const perCase = cases.map(({ input }) => {
      const times: number[] = [];
      for (let rep = 0; rep < 15; rep++) {
        const t0 = performance.now();
        parseOffline(input, ctx);
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b)[times.length >> 1];
    });
    perCase.sort((a, b) => a - b);
    expect(perCase[Math.floor(perCase.length * 0.99)]).toBeLessThanOrEqual(2);
  });

  it("keeps every stage's output plain JSON and never mutates the input memory", () => {
    for (const { input } of cases) {
      const before = JSON.stringify(input.memory);
      const { preferences } = parseOffline(input, ctx);
      expect(JSON.parse(JSON.stringify(preferences))).toEqual(preferences);
      expect(JSON.stringify(input.memory)).toBe(before);
    }
  });
});
