import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ParserModel } from "../schemas/parser-model.ts";
import { fileURLToPath } from "node:url";
import { jsonLines, runCli, tempDir } from "./helpers.ts";
import { loadFixtures, startReplayServer } from "./support/openai-replay-server.ts";

describe("recbot distill", () => {
  it("trains a versioned parser model from simulated sessions, reports agreement before and after, and exports chat lines; same seed, same model", async () => {
    const dir = tempDir("distill");
    const args = (out: string) => ["distill", "--catalog", "demo", "--scenario", "SR,MR", "--sessions", "40", "--held-out", "10", "--out", join(dir, out), "--data-dir", join(dir, "data"), "--quiet"];
    const first = await runCli(args("a"));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^parser model pm-[0-9a-f]{12}: \d+ cues, \d+ aliases; teacher: simulator gold/);
    expect(first.stdout).toMatch(/held-out \(20 sessions, \d+ commands\)\s+\d\.\d{3} → \d\.\d{3}/);

    const model = ParserModel.parse(JSON.parse(readFileSync(join(dir, "a", "parser-model.json"), "utf8")));
    expect(model.training).toMatchObject({ catalogs: ["demo"], teacher: "simulator", seed: 1, sessions: 40 });
    const report = JSON.parse(readFileSync(join(dir, "a", "distill.json"), "utf8"));
    expect(report.model.version).toBe(model.version);
    expect(report.agreement.heldOut.before.commands).toBe(report.commands.heldOut);
    // a model is kept only when it raises agreement on its training commands
    expect(report.agreement.train.after.strictF1).toBeGreaterThanOrEqual(report.agreement.train.before.strictF1);
    if (model.cues.length > 0) expect(report.agreement.train.after.strictF1).toBeGreaterThan(report.agreement.train.before.strictF1);

    const chat = jsonLines(readFileSync(join(dir, "a", "train.chat.jsonl"), "utf8"));
    expect(chat).toHaveLength(report.commands.train);
    for (const line of chat) {
      expect(line.messages.map((m: { role: string }) => m.role)).toEqual(["system", "user", "assistant"]);
      expect(() => JSON.parse(line.messages[2].content)).not.toThrow();
    }

    const again = await runCli(args("b"));
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "b", "parser-model.json"), "utf8")).version).toBe(model.version);
  }, 180_000);

  it("rejects bad options and unreadable files with a clear message", async () => {
    const teacher = await runCli(["distill", "--catalog", "demo", "--teacher", "oracle"]);
    expect(teacher.code).toBe(2);
    expect(teacher.stderr).toMatch(/--teacher must be auto, llm or simulator, got "oracle"/);
    const scenario = await runCli(["distill", "--catalog", "demo", "--scenario", "MR,XX"]);
    expect(scenario.stderr).toMatch(/--scenario takes SR, MR and MRID, comma-separated; got "XX"/);

    const dir = tempDir("distill-bad");
    const bad = join(dir, "model.json");
    writeFileSync(bad, JSON.stringify({ format: 1, version: "pm-000000000000", createdAt: "x", training: {}, cues: [], aliases: [] }));
    const parse = await runCli(["parse", "--catalog", "demo:200", "--data-dir", join(dir, "data"), "--quiet"], '{"id":"1","command":"no horror"}\n', { RECBOT_PARSER_MODEL: bad });
    expect(parse.code).toBe(1);
    expect(parse.stderr).toMatch(/parser model .*model\.json: field training\.catalogs: /);
  }, 120_000);

  it("uses the configured LLM as the teacher (auto), over a real OpenAI-compatible endpoint", async () => {
    const server = await startReplayServer(loadFixtures(fileURLToPath(new URL("./fixtures/llm-distill/", import.meta.url))));
    try {
      const dir = tempDir("distill-llm");
      const run = await runCli(
        ["distill", "--catalog", "demo", "--scenario", "MR", "--sessions", "4", "--held-out", "2", "--out", join(dir, "out"), "--data-dir", join(dir, "data"), "--quiet"],
        "",
        { OPENAI_BASE_URL: server.url, RECBOT_LLM_TIMEOUT_MS: "5000" },
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/teacher: the LLM parser/);
      const report = JSON.parse(readFileSync(join(dir, "out", "distill.json"), "utf8"));
      expect(report.teacher).toBe("llm");
      // every command of the training and held-out sessions was put to the model once
      expect(server.requests.length).toBe(report.commands.train + report.commands.heldOut + report.commands.dropped);
      expect(server.requests[0].body.messages[0].content).toMatch(/^You update a recommender's preference memory/);
    } finally {
      await server.close();
    }
  }, 180_000);
});
