import { readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** One recorded exchange: the command it answers and the chat.completion the endpoint returned. */
export interface ReplayFixture {
  file: string;
  command: string;
  response: ChatCompletion;
}

interface ToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

interface ChatCompletion {
  id?: string;
  object?: "chat.completion";
  created?: number;
  model?: string;
  choices: { index: number; finish_reason: string; message: { role: "assistant"; content: string | null; tool_calls?: ToolCall[] } }[];
  usage?: Record<string, number>;
}

/** What to do to the next request instead of replaying normally. */
export type ReplayFault =
  | { kind: "status"; status: number }
  /** the recorded answer with its tool-call arguments (or JSON content) cut in half */
  | { kind: "malformed" }
  /** the recorded answer, sent only after `ms` (unless the client gave up first) */
  | { kind: "delay"; ms: number };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: any;
}

export interface ReplayServer {
  /** base URL for an OpenAI client, e.g. http://127.0.0.1:41234/v1 */
  url: string;
  /** every request received, in order, with its parsed JSON body */
  requests: RecordedRequest[];
  fixtures: ReplayFixture[];
  /** applies these faults to the next requests, one each, then replays normally again */
  failNext(...faults: ReplayFault[]): void;
  close(): Promise<void>;
}

export const defaultFixturesDir = fileURLToPath(new URL("../fixtures/llm/", import.meta.url));

/** Reads every `*.json` fixture of a folder, in file-name order. */
export function loadFixtures(dir = defaultFixturesDir): ReplayFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const data = JSON.parse(readFileSync(join(dir, file), "utf8"));
      if (typeof data.command !== "string" || !Array.isArray(data.response?.choices))
        throw new Error(`${file}: a fixture needs "command" (string) and "response" (a chat.completion object)`);
      return { file, command: data.command, response: data.response };
    });
}

/**
 * A real OpenAI-compatible HTTP server on 127.0.0.1 (port 0) that answers `POST /v1/chat/completions` with
 * recorded chat.completion objects: the fixture whose command appears in the last user message, else the next
 * one in order. It records each request so tests can read the prompt, and can inject faults.
 */
export async function startReplayServer(fixtures: ReplayFixture[] = loadFixtures()): Promise<ReplayServer> {
  const requests: RecordedRequest[] = [];
  const faults: ReplayFault[] = [];
  let cursor = 0;

  const server = createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "POST" || (path !== "/v1/chat/completions" && path !== "/chat/completions"))
      return sendError(res, 404, `no route ${req.method} ${path}`);
    let body: any;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return sendError(res, 400, "request body is not JSON");
    }
    requests.push({ path, headers: req.headers, body });
    const fault = faults.shift();
    if (fault?.kind === "status") return sendError(res, fault.status, `replay server: injected HTTP ${fault.status}`);
    const fixture = pick(body) ?? fixtures[cursor++ % Math.max(fixtures.length, 1)];
    if (!fixture) return sendError(res, 404, "replay server: no recorded answers");
    let answer = adapt(fixture.response, body);
    if (fault?.kind === "malformed") answer = truncate(answer);
    const send = () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(answer));
    };
    if (fault?.kind !== "delay") return send();
    const timer = setTimeout(send, fault.ms);
    res.on("close", () => clearTimeout(timer));
  });

  function pick(body: any): ReplayFixture | undefined {
    const text = lastUserText(body);
    const matching = fixtures.filter((f) => text.includes(f.command));
    return matching.sort((a, b) => b.command.length - a.command.length)[0];
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    fixtures,
    failNext: (...more) => void faults.push(...more),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

function sendError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { message, type: status >= 500 ? "server_error" : "invalid_request_error", code: null } }));
}

function lastUserText(body: any): string {
  const messages: any[] = Array.isArray(body?.messages) ? body.messages : [];
  const user = messages.filter((m) => m?.role === "user").at(-1);
  if (!user) return "";
  if (typeof user.content === "string") return user.content;
  return Array.isArray(user.content) ? user.content.map((p: any) => p?.text ?? "").join("\n") : "";
}

/**
 * The recorded answer as this request expects it: stamped with the requested model, and, when the request asks
 * for `response_format` (json_schema / json_object) instead of a tool, with the tool arguments moved to `content`.
 */
function adapt(recorded: ChatCompletion, body: any): ChatCompletion {
  const answer: ChatCompletion = structuredClone(recorded);
  answer.id ??= "chatcmpl-replay";
  answer.object = "chat.completion";
  answer.created ??= 0;
  answer.model = typeof body?.model === "string" ? body.model : (answer.model ?? "replay");
  if (body?.response_format && !body?.tools) {
    for (const choice of answer.choices) {
      const call = choice.message.tool_calls?.[0];
      if (!call) continue;
      choice.message = { role: "assistant", content: call.function.arguments };
      choice.finish_reason = "stop";
    }
  }
  return answer;
}

function truncate(answer: ChatCompletion): ChatCompletion {
  const cut = (s: string) => s.slice(0, Math.floor(s.length / 2));
  for (const choice of answer.choices) {
    for (const call of choice.message.tool_calls ?? []) call.function.arguments = cut(call.function.arguments);
    if (typeof choice.message.content === "string") choice.message.content = cut(choice.message.content);
  }
  return answer;
}
