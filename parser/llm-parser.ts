import { HumanMessage, SystemMessage, type AIMessage } from "@langchain/core/messages";
import { ChatOpenAI } from "@langchain/openai";
import { normalizeValue, type AttributeEntry } from "../catalog/attribute-index.ts";
import { emptyPreferences, isRange, Preferences, type Constraint } from "../schemas/preferences.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { llmEndpoint, readLlmConfig, type LlmConfig } from "./llm-config.ts";
import { buildParserPrompt } from "./llm-prompt.ts";
import { parseOffline } from "./parse-offline.ts";
import type { ParseInput, ParseSource } from "./parser-state.ts";

/** The function name the model is asked to call (functionCalling) or the schema name (jsonSchema). */
export const PREFERENCES_TOOL = "set_preferences";

export interface LlmParseResult {
  preferences: Preferences;
  notes: string[];
  source: ParseSource;
  ms: number;
}

/** An answer the model gave that is not a Preferences object. */
class InvalidAnswerError extends Error {}

/**
 * The LLM Parser: asks an OpenAI-compatible endpoint for P_{t+1}, validates it against the Preferences schema and
 * grounds it in the catalog. Any failure (unreachable, timeout, HTTP error, invalid answer) falls back to the
 * offline parser, so a turn never fails because of the model.
 */
export async function parseWithLlm(input: ParseInput, ctx: ToolContext, config: LlmConfig = readLlmConfig()): Promise<LlmParseResult> {
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  try {
    const answer = await askModel(input, ctx, config);
    const grounded = groundPreferences(answer, ctx);
    return { ...grounded, source: "llm", ms: ms() };
  } catch (error) {
    const offline = parseOffline(input, ctx);
    const note = `${describeFailure(error, config)}: used the offline parser`;
    return { preferences: offline.preferences, notes: [note, ...offline.notes], source: "llm-fallback", ms: ms() };
  }
}

async function askModel(input: ParseInput, ctx: ToolContext, config: LlmConfig): Promise<Preferences> {
  const model = new ChatOpenAI({
    model: config.model,
    apiKey: config.apiKey,
    configuration: { baseURL: llmEndpoint(config) },
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    temperature: 0,
  });
  const structured = model.withStructuredOutput(Preferences, { method: config.method, name: PREFERENCES_TOOL, includeRaw: true });
  const prompt = buildParserPrompt(input, ctx);
  const { raw, parsed } = await structured.invoke([new SystemMessage(prompt.system), new HumanMessage(prompt.user)]);
  const checked = Preferences.safeParse(parsed);
  if (parsed === null || !checked.success) throw new InvalidAnswerError(explainInvalid(raw as AIMessage));
  return checked.data;
}

/** Why the answer could not be read, in one short clause. */
function explainInvalid(raw: AIMessage): string {
  if (raw.invalid_tool_calls?.length) return "tool arguments are not valid JSON";
  let value: unknown;
  if (raw.tool_calls?.length) value = raw.tool_calls[0].args;
  else {
    const text = typeof raw.content === "string" ? raw.content : "";
    if (!text.trim()) return "no tool call and no content";
    try {
      value = JSON.parse(text);
    } catch {
      return "content is not valid JSON";
    }
  }
  const checked = Preferences.safeParse(value);
  if (checked.success) return "answer could not be parsed";
  const issue = checked.error.issues[0];
  return `${issue.path.join(".") || "answer"}: ${issue.message}`;
}

/** "LLM unreachable at http://… (ECONNREFUSED)", "LLM at … timed out after 500 ms", … */
export function describeFailure(error: unknown, config: LlmConfig): string {
  const at = llmEndpoint(config);
  if (error instanceof InvalidAnswerError) return `LLM at ${at} gave an invalid answer (${error.message})`;
  const e = (error ?? {}) as { name?: string; status?: unknown; message?: string; cause?: unknown };
  if (e.name === "TimeoutError" || e.name === "AbortError") return `LLM at ${at} timed out after ${config.timeoutMs} ms`;
  if (typeof e.status === "number") {
    const detail = firstLine(String(e.message ?? "").replace(new RegExp(`^${e.status}\\s*`), ""));
    return `LLM at ${at} answered HTTP ${e.status}${detail ? ` (${detail})` : ""}`;
  }
  // the OpenAI client wraps fetch failures in APIConnectionError ("Connection error."), the reason in its causes
  if (error?.constructor?.name === "APIConnectionError" || e.cause) return `LLM unreachable at ${at} (${rootCause(error)})`;
  return `LLM call to ${at} failed (${firstLine(e.message ?? String(error))})`;
}

/** The system error code (ECONNREFUSED, ENOTFOUND, …) down the cause chain of a fetch error, else its deepest message. */
function rootCause(error: unknown): string {
  let message = "connection error";
  for (let e = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined, depth = 0; e && depth < 6; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string" && /^E[A-Z_]+$/.test(e.code)) return e.code;
    if (depth > 0 && typeof e.message === "string" && e.message) message = firstLine(e.message);
  }
  return message;
}

function firstLine(message: string): string {
  const line = message.split("\n")[0].trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

/**
 * Keeps what the catalog knows: attribute names and categorical values are re-spelled the catalog's way, unknown
 * attributes, values and item ids are dropped with a note, unknown tags of an open attribute become a text intent.
 */
export function groundPreferences(preferences: Preferences, ctx: ToolContext): { preferences: Preferences; notes: string[] } {
  const out = emptyPreferences();
  const notes: string[] = [];
  for (const polarity of ["positive", "negative"] as const) {
    for (const strength of ["hard", "soft"] as const) {
      const where = `${polarity}.${strength}`;
      const bucket = out[polarity][strength];
      for (const c of preferences[polarity][strength]) {
        for (const kept of groundConstraint(c, ctx, (text) => notes.push(`${text} (${where})`))) addTo(bucket, kept);
      }
    }
  }
  return { preferences: out, notes };
}

function groundConstraint(c: Constraint, ctx: ToolContext, note: (text: string) => void): Constraint[] {
  if ("text" in c) return c.text.trim() ? [{ attribute: "text", text: c.text.trim() }] : [];
  if (c.attribute === "item" && "values" in c) {
    const known = c.values.filter((id) => ctx.catalog.indexOf.has(id));
    for (const id of c.values) if (!ctx.catalog.indexOf.has(id)) note(`dropped unknown item \`${id}\``);
    return known.length ? [{ attribute: "item", values: known }] : [];
  }
  const entry = ctx.index.attribute(c.attribute) ?? bySynonym(c.attribute, ctx, note);
  if (!entry) {
    note(`dropped unknown attribute \`${c.attribute}\``);
    return [];
  }
  const attribute = entry.column.name;
  if (isRange(c)) {
    if (entry.kind === "number") return [{ ...c, attribute }];
    note(`dropped range on \`${attribute}\`, which is not numeric`);
    return [];
  }
  if (entry.kind === "number") {
    note(`dropped values ${c.values.join(", ")} of \`${attribute}\`, which is numeric`);
    return [];
  }
  const values: string[] = [];
  const texts: Constraint[] = [];
  for (const value of c.values) {
    const found = ctx.index.lookupValue(attribute, value);
    if (found) {
      if (!values.includes(found.value)) values.push(found.value);
    } else if (entry.column.spec.open) {
      texts.push({ attribute: "text", text: value });
      note(`unknown \`${attribute}\` value \`${value}\` kept as a text intent`);
    } else {
      note(`dropped unknown value \`${value}\` of \`${attribute}\``);
    }
  }
  return [...(values.length ? [{ attribute, values }] : []), ...texts];
}

const synonymMaps = new WeakMap<ToolContext["catalog"], Map<string, string>>();

/** An attribute named by one of its schema synonyms ("Tags" → tag, "release" → year), with a note. */
function bySynonym(name: string, ctx: ToolContext, note: (text: string) => void): AttributeEntry | undefined {
  let synonyms = synonymMaps.get(ctx.catalog);
  if (!synonyms) {
    synonyms = new Map();
    for (const [attribute, spec] of Object.entries(ctx.catalog.schema.attributes))
      for (const word of spec.synonyms ?? []) if (!synonyms.has(normalizeValue(word))) synonyms.set(normalizeValue(word), attribute);
    synonymMaps.set(ctx.catalog, synonyms);
  }
  const attribute = synonyms.get(normalizeValue(name));
  const entry = attribute === undefined ? undefined : ctx.index.attribute(attribute);
  if (entry) note(`attribute \`${name}\` read as \`${entry.column.name}\``);
  return entry;
}

/** Adds a grounded constraint, uniting it with one of the same attribute already in the bucket. */
function addTo(bucket: Constraint[], c: Constraint): void {
  if (!("values" in c)) {
    const same = bucket.find((b) => JSON.stringify(b) === JSON.stringify(c) || ("text" in b && "text" in c && normalizeValue(b.text) === normalizeValue(c.text)));
    if (!same) bucket.push(c);
    return;
  }
  const same = bucket.find((b) => b.attribute === c.attribute && "values" in b);
  if (same && "values" in same) {
    for (const v of c.values) if (!same.values.includes(v)) same.values.push(v);
  } else bucket.push({ attribute: c.attribute, values: [...c.values] });
}
