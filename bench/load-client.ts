import { io as connect, type Socket } from "socket.io-client";
import type { CommandResult } from "../schemas/api.ts";
import type { ClientToServerEvents, LiveFeed, LiveStep, ServerToClientEvents } from "../schemas/live-protocol.ts";
import { checkDelivery } from "./delivery-check.ts";
import type { PhaseTally } from "./phase-tally.ts";

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** An unanswered ack after this long counts as a failure, ACK_TIMEOUT. */
const ACK_TIMEOUT_MS = 60_000;

interface Pending {
  steps: Map<number, LiveStep>;
  feeds: LiveFeed[];
}

async function postJson(url: string, body: unknown, token?: string): Promise<any> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST ${url}: ${res.status} ${text}`);
  return JSON.parse(text);
}

/**
 * One simulated user: its own token, session and Socket.io connection. Sends one command at a time and checks
 * that everything the server pushed for it arrived once, in full, to this socket only, and agrees with the ack.
 * Counts go to `tally`, which the benchmark swaps per phase.
 */
export class LoadClient {
  private readonly pending = new Map<string, Pending>();
  private readonly answered = new Set<string>();
  private sent = 0;
  private closing = false;

  private constructor(readonly name: string, readonly sessionId: string, private readonly socket: LiveSocket, public tally: PhaseTally) {
    socket.on("steps", (messages) => {
      for (const message of messages) {
        const request = this.route(message);
        if (!request) continue;
        if (request.steps.has(message.seq)) this.tally.duplicated++;
        else request.steps.set(message.seq, message);
      }
    });
    socket.on("feed", (message) => {
      const request = this.route(message);
      if (!request) return;
      if (request.feeds.length > 0) this.tally.duplicated++;
      request.feeds.push(message);
    });
    socket.on("command_failed", (message) => void this.route(message));
    socket.on("disconnect", () => {
      if (!this.closing) this.tally.disconnects++;
    });
  }

  /** Signs a user up, starts a session for `catalogUser` and connects its socket. */
  static async open(url: string, name: string, catalogUser: string, tally: PhaseTally): Promise<LoadClient> {
    const { token } = await postJson(`${url}/api/users`, { name });
    const session = await postJson(`${url}/api/sessions`, { catalogUser }, token);
    const socket: LiveSocket = connect(url, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    return new LoadClient(name, session.id, socket, tally);
  }

  /** Sends a command and resolves at its ack with performance.now() and whether it succeeded. */
  send(command: string): Promise<{ at: number; ok: boolean }> {
    const requestId = `${this.name}-${++this.sent}`;
    const request: Pending = { steps: new Map(), feeds: [] };
    this.pending.set(requestId, request);
    this.tally.sent++;
    return new Promise((resolve) => {
      if (!this.socket.connected) {
        this.pending.delete(requestId);
        this.tally.fail("DISCONNECTED");
        return resolve({ at: performance.now(), ok: false });
      }
      this.socket.timeout(ACK_TIMEOUT_MS).emit("command", { sessionId: this.sessionId, command, requestId }, (timeout, result) => {
        const at = performance.now();
        this.pending.delete(requestId);
        this.answered.add(requestId);
        this.tally.lastAckAt = at;
        if (timeout) this.tally.fail(this.socket.connected ? "ACK_TIMEOUT" : "DISCONNECTED");
        else if (!result.ok) this.tally.fail(result.error.code);
        else this.check(request, result.value);
        resolve({ at, ok: !timeout && result.ok });
      });
    });
  }

  close(): void {
    this.closing = true;
    this.socket.close();
  }

  /** The pending request a message belongs to; anything else is counted misrouted or late. */
  private route(message: { sessionId: string; requestId: string | null }): Pending | undefined {
    const request = message.requestId === null ? undefined : this.pending.get(message.requestId);
    if (message.sessionId !== this.sessionId || message.requestId === null) this.tally.misrouted++;
    else if (request) return request;
    else if (this.answered.has(message.requestId)) this.tally.late++;
    else this.tally.misrouted++;
    return undefined;
  }

  private check(request: Pending, result: CommandResult): void {
    this.tally.ok++;
    this.tally.serverMs.push(result.ms);
    const verdict = checkDelivery(request.steps, request.feeds, result);
    if (verdict === "lost") this.tally.lost++;
    else this.tally.steps += request.steps.size;
    if (verdict === "mismatched") this.tally.mismatched++;
  }
}
