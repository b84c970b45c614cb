import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { withParserModel } from "../distillation/agreement.ts";
import { chatExample } from "../distillation/chat-export.ts";
import { llmLabels } from "../distillation/teacher-labels.ts";
import { trainParserModel } from "../distillation/train-parser-model.ts";
import { readLlmConfig } from "../parser/llm-config.ts";
import { booksContext, parse } from "../parser/test-catalogs.ts";
import { emptyPreferences } from "../schemas/preferences.ts";
import type { SimulatedSession } from "../schemas/simulated-session.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { loadFixtures, startReplayServer, type ReplayServer } from "./support/openai-replay-server.ts";

// The teacher is a real OpenAI-compatible HTTP server on 127.0.0.1 replaying test/fixtures/llm-distill/*.json.
let rules: ToolContext;
let server: ReplayServer;
beforeAll(async () => {
  rules = withParserModel(await booksContext(), undefined);
  server = await startReplayServer(loadFixtures(fileURLToPath(new URL("./fixtures/llm-distill/", import.meta.url))));
});
afterAll(() => server?.close());

const session = (id: string, commands: string[]): SimulatedSession => ({
  id, scenario: "MR", catalog: "test:books", user: id, targets: ["b6"], seed: 1,
  turns: commands.map((command) => ({ command, intents: [{ kind: "text", strength: "soft", text: command }], gold: emptyPreferences(), feed: ["b1", "b6"], target: 0 })),
});

describe("distillation with an LLM teacher", () => {
  it("labels commands with the model's answers, drops failed ones, learns an alias, and exports chat lines", async () => {
    const sessions = [
      session("a", ["a proper gumshoe story tonight", "gumshoe stuff again, but only in English"]),
      session("b", ["got any gumshoe yarns"]),
      session("c", ["more gumshoe tales please"]),
    ];
    server.failNext({ kind: "status", status: 500 });
    const config = readLlmConfig({ OPENAI_BASE_URL: server.url, RECBOT_LLM_TIMEOUT_MS: "5000" });
    const labels = await llmLabels(sessions, rules, config);

    expect(labels.teacher).toBe("llm");
    expect(labels.dropped).toEqual([expect.objectContaining({ session: "a", turn: 0, command: "a proper gumshoe story tonight" })]);
    expect(labels.dropped[0].reason).toMatch(/500/);
    expect(labels.examples.map((e) => e.command)).toEqual(["gumshoe stuff again, but only in English", "got any gumshoe yarns", "more gumshoe tales please"]);
    const second = labels.examples[0];
    expect(second.label.positive.hard).toEqual([{ attribute: "language", values: ["English"] }]);
    expect(second.label.positive.soft).toEqual([{ attribute: "genre", values: ["Mystery"] }]);
    // teacher forcing: the memory of turn 1 is what turn 0 produced (here the fallback, since the model failed)
    expect(second.memory.positive.soft).not.toContainEqual({ attribute: "genre", values: ["Mystery"] });
    expect(server.requests).toHaveLength(4);

    expect(parse(rules, "any gumshoe novels?").positive.soft).not.toContainEqual({ attribute: "genre", values: ["Mystery"] });
    const { model, log } = trainParserModel([{ labels, rules }], { catalogs: ["test:books"], seed: 1, sessions: 3 });
    expect(model.training.teacher).toBe("llm");
    expect(model.aliases).toEqual([expect.objectContaining({ phrase: "gumshoe", attribute: "genre", value: "Mystery", support: 3, purity: 1 })]);
    expect(log.accepted.some((a) => a.startsWith('alias "gumshoe" → genre=Mystery'))).toBe(true);
    expect(parse(withParserModel(rules, model), "any gumshoe novels?").positive.soft).toContainEqual({ attribute: "genre", values: ["Mystery"] });

    const chat = chatExample(second, rules);
    expect(chat.messages.map((m) => m.role)).toEqual(["system", "user", "assistant"]);
    expect(chat.messages[0].content).toMatch(/^You update a recommender's preference memory/);
    expect(chat.messages[1].content).toContain('Command: "gumshoe stuff again, but only in English"');
    expect(JSON.parse(chat.messages[2].content)).toEqual(second.label);
  });
});
