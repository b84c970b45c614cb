import { io as connect, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../schemas/live-protocol.ts";
import { startServer, type RunningServer, type ServerOptions } from "../../server/start-server.ts";
import { tempDir } from "../helpers.ts";

export const ANALYST_TOKEN = "analyst-token-for-tests-0123456789";

/** A real server on 127.0.0.1, port 0, with its own SQLite file; responses are checked against their schemas. */
export function startTestServer(options: ServerOptions = {}): Promise<RunningServer> {
  return startServer({ port: 0, host: "127.0.0.1", dataDir: tempDir("server"), analystToken: ANALYST_TOKEN, checkResponses: true, commandsPerSecond: 0, ...options });
}

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

/** JSON over real HTTP, with an optional bearer token. */
export function client(base: string, token?: string) {
  const call = async (method: string, path: string, body?: unknown, raw?: string): Promise<Reply> => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined || raw !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(base + path, { method, headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  return {
    get: (path: string) => call("GET", path),
    post: (path: string, body: unknown = {}) => call("POST", path, body),
    put: (path: string, body: unknown = {}) => call("PUT", path, body),
    postRaw: (path: string, raw: string) => call("POST", path, undefined, raw),
  };
}

/** A feed user with its token, and a session for it. */
export async function newUserSession(base: string, session: Record<string, unknown> = {}) {
  const signup = await client(base).post("/api/users", { name: "tester" });
  if (signup.status !== 201) throw new Error(`signup failed: ${JSON.stringify(signup.body)}`);
  const api = client(base, signup.body.token);
  const created = await api.post("/api/sessions", session);
  if (created.status !== 201) throw new Error(`session failed: ${JSON.stringify(created.body)}`);
  return { token: signup.body.token as string, userId: signup.body.user.id as string, sessionId: created.body.id as string, api };
}

export type LiveClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real Socket.io client, connected (or rejected: the promise fails with the server's reason). */
export function liveClient(base: string, token?: string): Promise<LiveClient> {
  const socket: LiveClient = connect(base, { auth: token ? { token } : {}, transports: ["websocket"], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Saves planner version 2 on the server: the default planner ranking by semantic match alone (matcher α = 1). */
export async function savePlannerVariant(analyst: ReturnType<typeof client>): Promise<void> {
  const planner = (await analyst.get("/api/graphs/planner")).body;
  const spec = structuredClone(planner.spec);
  spec.nodes.find((n: { id: string }) => n.id === "matcher").data.alpha = 1;
  const saved = await analyst.post("/api/graphs/planner/versions", { spec, note: "semantic match only" });
  if (saved.status !== 201) throw new Error(`saving planner v2 failed: ${JSON.stringify(saved.body)}`);
}
