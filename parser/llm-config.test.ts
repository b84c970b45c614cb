import { describe, expect, it } from "vitest";
import { DUMMY_API_KEY, llmConfigured, llmEndpoint, LlmConfigError, readLlmConfig } from "./llm-config.ts";

describe("readLlmConfig", () => {
  it("defaults: OpenAI's endpoint, a dummy key, function calling, 20 s, no retries", () => {
    const config = readLlmConfig({});
    expect(config).toEqual({ baseURL: undefined, apiKey: DUMMY_API_KEY, model: "gpt-4o-mini", method: "functionCalling", timeoutMs: 20_000, maxRetries: 0 });
    expect(llmEndpoint(config)).toBe("https://api.openai.com/v1");
  });

  it("reads every variable, trimming blanks and a trailing slash", () => {
    const config = readLlmConfig({
      OPENAI_BASE_URL: " http://127.0.0.1:8080/v1/ ", OPENAI_API_KEY: "sk-test", RECBOT_LLM_MODEL: "qwen2.5:7b",
      RECBOT_LLM_METHOD: "jsonMode", RECBOT_LLM_TIMEOUT_MS: "1500",
    });
    expect(config).toMatchObject({ baseURL: "http://127.0.0.1:8080/v1", apiKey: "sk-test", model: "qwen2.5:7b", method: "jsonMode", timeoutMs: 1500 });
  });

  it("treats empty values as unset", () => {
    expect(readLlmConfig({ OPENAI_API_KEY: "", RECBOT_LLM_TIMEOUT_MS: " ", RECBOT_LLM_METHOD: "" })).toMatchObject({
      apiKey: DUMMY_API_KEY, timeoutMs: 20_000, method: "functionCalling",
    });
  });

  it.each([
    [{ OPENAI_BASE_URL: "localhost:8080" }, 'OPENAI_BASE_URL must be an http(s) URL such as http://127.0.0.1:8080/v1, got "localhost:8080"'],
    [{ RECBOT_LLM_METHOD: "tools" }, 'RECBOT_LLM_METHOD must be one of functionCalling, jsonSchema, jsonMode, got "tools"'],
    [{ RECBOT_LLM_TIMEOUT_MS: "20s" }, 'RECBOT_LLM_TIMEOUT_MS must be a whole number of milliseconds, got "20s"'],
    [{ RECBOT_LLM_TIMEOUT_MS: "10" }, 'RECBOT_LLM_TIMEOUT_MS must be at least 100 ms, got "10"'],
  ])("rejects %o with a message naming the variable", (env, message) => {
    expect(() => readLlmConfig(env)).toThrow(LlmConfigError);
    expect(() => readLlmConfig(env)).toThrow(message);
  });

  it("reports every bad variable at once", () => {
    expect(() => readLlmConfig({ RECBOT_LLM_METHOD: "x", RECBOT_LLM_TIMEOUT_MS: "-1" })).toThrow(/RECBOT_LLM_METHOD .*; RECBOT_LLM_TIMEOUT_MS /);
  });
});

describe("llmConfigured", () => {
  it("is true when a base URL or a model is set, not for a key alone", () => {
    expect(llmConfigured({})).toBe(false);
    expect(llmConfigured({ OPENAI_API_KEY: "sk-test" })).toBe(false);
    expect(llmConfigured({ RECBOT_LLM_MODEL: "  " })).toBe(false);
    expect(llmConfigured({ OPENAI_BASE_URL: "http://127.0.0.1:8080/v1" })).toBe(true);
    expect(llmConfigured({ RECBOT_LLM_MODEL: "gpt-4o-mini" })).toBe(true);
  });
});
