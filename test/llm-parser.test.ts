import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLlmConfig } from "../parser/llm-config.ts";
import { parseWithLlm, PREFERENCES_TOOL } from "../parser/llm-parser.ts";
import { parseOffline } from "../parser/parse-offline.ts";
import type { ParseInput } from "../parser/parser-state.ts";
import { prepareCatalog } from "../runtime/prepared-catalog.ts";
import { emptyPreferences } from "../schemas/preferences.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { mlRef, tempDir } from "./helpers.ts";
import { startReplayServer, type ReplayServer } from "./support/openai-replay-server.ts";

// The only fake is the endpoint: a real HTTP server on 127.0.0.1 replaying test/fixtures/llm/*.json.
let ctx: ToolContext;
let server: ReplayServer;
const config = (env: Record<string, string> = {}) => readLlmConfig({ OPENAI_BASE_URL: server.url, RECBOT_LLM_TIMEOUT_MS: "5000", ...env });

const comedies: ParseInput = {
  command: "only comedies from the 90s, and no horror please",
  feed: ["1", "2571", "296"],
  memory: { ...emptyPreferences(), positive: { hard: [], soft: [{ attribute: "genre", values: ["Sci-Fi"] }] } },
};

beforeAll(async () => {
  ({ context: ctx } = await prepareCatalog(mlRef, { dataDir: tempDir("llm") }));
  server = await startReplayServer();
});
afterAll(() => server?.close());

/** A port on 127.0.0.1 that nothing listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("parseWithLlm against an OpenAI-compatible endpoint", () => {
  it("returns the model's preferences, grounded in the catalog's spelling", async () => {
    const result = await parseWithLlm(comedies, ctx, config());
    expect(result.source).toBe("llm");
    expect(result.notes).toEqual([]);
    expect(result.preferences).toEqual({
      positive: { hard: [{ attribute: "genre", values: ["Comedy"] }, { attribute: "year", min: 1990, max: 1999 }], soft: [{ attribute: "genre", values: ["Sci-Fi"] }] },
      negative: { hard: [{ attribute: "genre", values: ["Horror"] }], soft: [] },
    });
    expect(result.ms).toBeGreaterThanOrEqual(0);
  });

  it("sends the catalog schema, the feed, the memory and the command, and forces the preferences tool", async () => {
    const before = server.requests.length;
    await parseWithLlm(comedies, ctx, config());
    expect(server.requests.length - before).toBe(1);
    const { path, headers, body } = server.requests.at(-1)!;
    expect(path).toBe("/v1/chat/completions");
    expect(headers.authorization).toMatch(/^Bearer \S+/);
    expect(body.model).toBe("gpt-4o-mini");
    const [system, user] = body.messages;
    expect(system.role).toBe("system");
    expect(system.content).toMatch(/- genre: category, multi-valued; values Drama, Comedy, .*Sci-Fi.*Horror/);
    expect(system.content).toContain("- year: number; range 1902–2018; also called released");
    expect(system.content).toMatch(/- tag: open tags, multi-valued \(\d+ values, matched by meaning\); e\.g\. /);
    expect(system.content).toContain("negative.hard = no item may have");
    expect(user.role).toBe("user");
    expect(user.content).toContain("1. [1] Toy Story (1995) — genre=Adventure|Animation|Children|Comedy; year=1995");
    expect(user.content).toContain("2. [2571] Matrix, The (1999)");
    expect(user.content).toContain(`Memory P_t:\n${JSON.stringify(comedies.memory)}`);
    expect(user.content).toContain(`Command: ${JSON.stringify(comedies.command)}`);
    expect(body.tools[0].function.name).toBe(PREFERENCES_TOOL);
    expect(Object.keys(body.tools[0].function.parameters.properties)).toEqual(["positive", "negative"]);
    expect(body.tool_choice).toEqual({ type: "function", function: { name: PREFERENCES_TOOL } });
  });

  it("drops what the catalog does not know, with a note for each", async () => {
    const input = { ...comedies, command: "something feel-good tonight, and less war movies", memory: emptyPreferences() };
    const result = await parseWithLlm(input, ctx, config());
    expect(result.source).toBe("llm");
    expect(result.preferences).toEqual({
      positive: { hard: [], soft: [{ attribute: "tag", values: ["funny"] }, { attribute: "text", text: "heartwarming comfort" }] },
      negative: { hard: [], soft: [{ attribute: "genre", values: ["War"] }] },
    });
    expect(result.notes).toEqual([
      "dropped unknown attribute `mood` (positive.soft)",
      "attribute `Tags` read as `tag` (positive.soft)",
      "unknown `tag` value `heartwarming comfort` kept as a text intent (positive.soft)",
      "dropped unknown value `Gore` of `genre` (negative.soft)",
    ]);
  });

  it.each(["jsonSchema", "jsonMode"])("asks for a response_format with method %s and reads the JSON content", async (method) => {
    const input = { ...comedies, command: "more like the second one", memory: emptyPreferences() };
    const result = await parseWithLlm(input, ctx, config({ RECBOT_LLM_METHOD: method }));
    expect(server.requests.at(-1)!.body.response_format.type).toBe(method === "jsonSchema" ? "json_schema" : "json_object");
    expect(result.source).toBe("llm");
    expect(result.preferences.positive.soft).toEqual([{ attribute: "item", values: ["2571"] }, { attribute: "text", text: "mind-bending" }]);
  });
});

describe("parseWithLlm falls back to the offline parser", () => {
  const offline = () => parseOffline(comedies, ctx);

  it("when the tool arguments are malformed", async () => {
    server.failNext({ kind: "malformed" });
    const result = await parseWithLlm(comedies, ctx, config());
    expect(result.source).toBe("llm-fallback");
    expect(result.notes[0]).toBe(`LLM at ${server.url} gave an invalid answer (tool arguments are not valid JSON): used the offline parser`);
    expect(result.preferences).toEqual(offline().preferences);
    expect(result.notes.slice(1)).toEqual(offline().notes);
  });

  it("when the answer breaks the Preferences schema", async () => {
    const input = { ...comedies, command: "films between 2010 and 2000" };
    const result = await parseWithLlm(input, ctx, config());
    expect(result.source).toBe("llm-fallback");
    expect(result.notes[0]).toMatch(new RegExp(`^LLM at ${server.url} gave an invalid answer \\(positive\\.hard\\.0: .+\\): used the offline parser$`));
    expect(result.preferences).toEqual(parseOffline(input, ctx).preferences);
  });

  it("on HTTP 500, after one request (no retries)", async () => {
    const before = server.requests.length;
    server.failNext({ kind: "status", status: 500 });
    const result = await parseWithLlm(comedies, ctx, config());
    expect(server.requests.length - before).toBe(1);
    expect(result.source).toBe("llm-fallback");
    expect(result.notes[0]).toBe(`LLM at ${server.url} answered HTTP 500 (replay server: injected HTTP 500): used the offline parser`);
    expect(result.preferences).toEqual(offline().preferences);
  });

  it("when nothing listens at the endpoint", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/v1`;
    const result = await parseWithLlm(comedies, ctx, readLlmConfig({ OPENAI_BASE_URL: url }));
    expect(result.source).toBe("llm-fallback");
    expect(result.notes[0]).toBe(`LLM unreachable at ${url} (ECONNREFUSED): used the offline parser`);
    expect(result.preferences).toEqual(offline().preferences);
  });

  it("when the endpoint answers after RECBOT_LLM_TIMEOUT_MS", async () => {
    server.failNext({ kind: "delay", ms: 5_000 });
    const result = await parseWithLlm(comedies, ctx, config({ RECBOT_LLM_TIMEOUT_MS: "300" }));
    expect(result.source).toBe("llm-fallback");
    expect(result.notes[0]).toBe(`LLM at ${server.url} timed out after 300 ms: used the offline parser`);
    expect(result.ms).toBeGreaterThanOrEqual(290);
    expect(result.ms).toBeLessThan(2_000);
    expect(result.preferences).toEqual(offline().preferences);
  });

  it("when the model cannot use the configured method, before any request", async () => {
    const before = server.requests.length;
    const result = await parseWithLlm(comedies, ctx, config({ RECBOT_LLM_MODEL: "gpt-4-turbo", RECBOT_LLM_METHOD: "jsonSchema" }));
    expect(server.requests.length).toBe(before);
    expect(result.source).toBe("llm-fallback");
    expect(result.notes[0]).toMatch(/^LLM call to .* failed \(JSON Schema is not supported for model "gpt-4-turbo".*\): used the offline parser$/);
  });
});
