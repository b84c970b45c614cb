import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonLines, mlRef, runCli, tempDir } from "./helpers.ts";
import { startReplayServer, type ReplayServer } from "./support/openai-replay-server.ts";

const dataDir = tempDir("cli-parse");
let server: ReplayServer;

beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server?.close());

const line = JSON.stringify({ id: "p1", command: "only comedies from the 90s, and no horror please", feed: ["1", "2571", "296"] });

describe("recbot parse", () => {
  it("answers each line in order with the consolidated memory and its time, and an error line for a bad one", async () => {
    const input = [line, JSON.stringify({ id: "p2", command: 42 }), JSON.stringify({ id: "p3", command: "ok" })].join("\n");
    const result = await runCli(["parse", "--catalog", mlRef, "--quiet", "--data-dir", dataDir], input);
    expect(result.code, result.stderr).toBe(0);
    const [p1, p2, p3] = jsonLines(result.stdout);
    expect(p1.id).toBe("p1");
    expect(p1.preferences.negative.hard).toEqual([{ attribute: "genre", values: ["Horror"] }]);
    expect(typeof p1.ms).toBe("number");
    expect(p2).toMatchObject({ id: "p2", error: expect.stringMatching(/line 2: .*command/) });
    expect(p3.preferences).toEqual({ positive: { hard: [], soft: [] }, negative: { hard: [], soft: [] } });
  });

  it("--llm asks the configured OpenAI-compatible endpoint", async () => {
    const result = await runCli(["parse", "--catalog", mlRef, "--llm", "--quiet", "--data-dir", dataDir], line, { OPENAI_BASE_URL: server.url });
    expect(result.code, result.stderr).toBe(0);
    const [out] = jsonLines(result.stdout);
    expect(out.source).toBe("llm");
    expect(server.requests.length).toBeGreaterThan(0);
    expect(JSON.stringify(out.preferences)).toContain("Comedy");
  });

  it("--llm falls back to the offline parser visibly when the endpoint is unreachable", async () => {
    const result = await runCli(["parse", "--catalog", mlRef, "--llm", "--data-dir", dataDir], line, {
      OPENAI_BASE_URL: "http://127.0.0.1:1/v1", RECBOT_LLM_TIMEOUT_MS: "2000",
    });
    expect(result.code, result.stderr).toBe(0);
    const [out] = jsonLines(result.stdout);
    expect(out.source).toBe("llm-fallback");
    expect(out.notes.join(" ")).toMatch(/offline parser/);
    expect(result.stderr).toMatch(/1 fell back to the offline parser/);
  });

  it("refuses a bad LLM setting with a message naming it", async () => {
    const result = await runCli(["parse", "--catalog", mlRef, "--llm", "--quiet", "--data-dir", dataDir], line, { RECBOT_LLM_TIMEOUT_MS: "soon" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/RECBOT_LLM_TIMEOUT_MS/);
  });
});
