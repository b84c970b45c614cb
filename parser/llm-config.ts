import { z } from "zod";

/** How the structured answer is asked for: a forced tool call (works with most local servers), or response_format. */
export const LlmMethod = z.enum(["functionCalling", "jsonSchema", "jsonMode"]);
export type LlmMethod = z.infer<typeof LlmMethod>;

export const DEFAULT_LLM_MODEL = "gpt-4o-mini";
export const DEFAULT_LLM_TIMEOUT_MS = 20_000;
/** Stand-in key: the OpenAI client refuses to start without one, and local servers ignore it. */
export const DUMMY_API_KEY = "sk-local-no-key";

/** The environment variables the LLM Parser reads; an empty value counts as unset. */
const LlmEnv = z.object({
  OPENAI_BASE_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://127.0.0.1:8080/v1" })
    .optional(),
  OPENAI_API_KEY: z.string().optional(),
  RECBOT_LLM_MODEL: z.string().trim().min(1).optional(),
  RECBOT_LLM_METHOD: z
    .enum(LlmMethod.options, { error: `must be one of ${LlmMethod.options.join(", ")}` })
    .default("functionCalling"),
  RECBOT_LLM_TIMEOUT_MS: z.coerce
    .number({ error: "must be a whole number of milliseconds" })
    .int({ error: "must be a whole number of milliseconds" })
    .min(100, { error: "must be at least 100 ms" })
    .max(600_000, { error: "must be at most 600000 ms (10 minutes)" })
    .default(DEFAULT_LLM_TIMEOUT_MS),
});
const VARIABLES = Object.keys(LlmEnv.shape) as (keyof typeof LlmEnv.shape)[];

export interface LlmConfig {
  /** undefined means OpenAI's own endpoint */
  baseURL?: string;
  apiKey: string;
  model: string;
  method: LlmMethod;
  timeoutMs: number;
  /** one attempt only: a slow or failing endpoint falls back to the offline parser instead of stalling the turn */
  maxRetries: number;
}

/** An environment variable with a value the LLM Parser cannot use; the message names it and says what it expects. */
export class LlmConfigError extends Error {
  override readonly name = "LlmConfigError";
  readonly code = "LLM_CONFIG_INVALID";
}

type Env = Record<string, string | undefined>;

function present(env: Env): Partial<Record<(typeof VARIABLES)[number], string>> {
  const out: Partial<Record<(typeof VARIABLES)[number], string>> = {};
  for (const name of VARIABLES) {
    const value = env[name]?.trim();
    if (value) out[name] = value;
  }
  return out;
}

/** The LLM settings from the environment, validated; throws LlmConfigError naming each bad variable. */
export function readLlmConfig(env: Env = process.env): LlmConfig {
  const raw = present(env);
  const parsed = LlmEnv.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name} ${issue.message}, got ${JSON.stringify(raw[name as keyof typeof raw])}`;
    });
    throw new LlmConfigError(`invalid LLM settings: ${problems.join("; ")}`);
  }
  const v = parsed.data;
  return {
    baseURL: v.OPENAI_BASE_URL?.replace(/\/+$/, ""),
    apiKey: v.OPENAI_API_KEY ?? DUMMY_API_KEY,
    model: v.RECBOT_LLM_MODEL ?? DEFAULT_LLM_MODEL,
    method: v.RECBOT_LLM_METHOD,
    timeoutMs: v.RECBOT_LLM_TIMEOUT_MS,
    maxRetries: 0,
  };
}

/** True when the environment asks for the LLM Parser: a base URL or a model is set. */
export function llmConfigured(env: Env = process.env): boolean {
  const raw = present(env);
  return raw.OPENAI_BASE_URL !== undefined || raw.RECBOT_LLM_MODEL !== undefined;
}

/** Where the LLM is asked, for notes ("LLM unreachable at …"). */
export function llmEndpoint(config: LlmConfig): string {
  return config.baseURL ?? "https://api.openai.com/v1";
}
