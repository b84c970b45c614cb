import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { ZodError, z } from "zod";
import { LiveCommand, roomOf, Subscription, type Ack, type LiveStep, type ClientToServerEvents, type ServerToClientEvents } from "../../schemas/live-protocol.ts";
import { AppError } from "../app-error.ts";
import { bearerToken, type Principal } from "../auth.ts";
import { takeCommandToken } from "../command-limit.ts";
import { sessionFor, type Publisher } from "../command-runner.ts";
import type { ServerDeps } from "../server-deps.ts";

interface SocketData {
  principal: Principal;
}
export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Socket.io on the HTTP server, path /socket.io; CORS as the HTTP API's. */
export function createLiveServer(http: HttpServer, corsOrigins: string[]): LiveServer {
  return new Server(http, {
    cors: corsOrigins.length > 0 ? { origin: corsOrigins.includes("*") ? "*" : corsOrigins } : undefined,
    maxHttpBufferSize: 64 * 1024,
  });
}

/**
 * Publishes a command's events to its session's room and to the room watching every run (each socket once).
 * Steps produced in one turn of the event loop go out as one `steps` message per session (a run's fast nodes
 * take microseconds each, and a message each cost more than the nodes); a feed or failure first sends the
 * steps before it, so order always holds.
 */
export function livePublisher(io: LiveServer): Publisher {
  const rooms = (sessionId: string) => [roomOf({ sessionId }), roomOf({ all: true })];
  const pending = new Map<string, LiveStep[]>();
  let scheduled = false;
  const send = (sessionId: string) => {
    const steps = pending.get(sessionId);
    if (!steps) return;
    pending.delete(sessionId);
    io.to(rooms(sessionId)).emit("steps", steps);
  };
  const sendAll = () => {
    scheduled = false;
    for (const sessionId of [...pending.keys()]) send(sessionId);
  };
  return {
    step: (message) => {
      const steps = pending.get(message.sessionId);
      if (steps) steps.push(message);
      else pending.set(message.sessionId, [message]);
      if (!scheduled) {
        scheduled = true;
        setImmediate(sendAll);
      }
    },
    feed: (message, origin) => {
      send(message.sessionId);
      const to = io.to(rooms(message.sessionId));
      (origin ? to.except(origin) : to).emit("feed", message);
    },
    failed: (message) => {
      send(message.sessionId);
      io.to(rooms(message.sessionId)).emit("command_failed", message);
    },
  };
}

function failure(error: unknown): Ack<never> {
  if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
  if (error instanceof ZodError) return { ok: false, error: { code: "VALIDATION_FAILED", message: z.prettifyError(error).replace(/\n/g, "; ") } };
  console.error(error);
  return { ok: false, error: { code: "INTERNAL", message: "internal error; the server log has the details" } };
}

/** Wraps a handler so that whatever happens, the client's ack (when it sent one) gets exactly one answer. */
function answer<T>(ack: unknown, work: () => Promise<T>): void {
  const reply = typeof ack === "function" ? (ack as (r: Ack<T>) => void) : () => {};
  work().then((value) => reply({ ok: true, value }), (error) => reply(failure(error)));
}

/**
 * Sockets must authenticate (`auth: {token}`, a user or the analyst token). They may send commands (acked with
 * the result, steps streamed to the session's room first) and watch one session or, analysts only, every run.
 */
export function attachLiveHandlers(io: LiveServer, deps: ServerDeps): void {
  io.use(async (socket, next) => {
    const token = bearerToken(socket.handshake.auth?.token ?? socket.handshake.headers.authorization);
    const principal = await deps.auth.principalOf(token);
    if (principal.role === "anonymous") return next(new Error("UNAUTHORIZED: connect with `auth: {token}`, a user token (POST /api/users) or the analyst token"));
    socket.data.principal = principal;
    next();
  });
  io.on("connection", (socket: LiveSocket) => {
    const { principal } = socket.data;
    const watching = () => [...socket.rooms].filter((room) => room !== socket.id);

    socket.on("command", (raw, ack) => answer(ack, async () => {
      const request = LiveCommand.parse(raw);
      takeCommandToken(deps.limits.commands, principal);
      const session = await sessionFor(deps.store, principal, request.sessionId);
      await socket.join(roomOf({ sessionId: request.sessionId }));
      const { sessionId, requestId, ...command } = request;
      return deps.runner.run(principal, sessionId, command, { requestId: requestId ?? null, checked: session, origin: socket.id });
    }));

    socket.on("subscribe", (raw, ack) => answer(ack, async () => {
      const subscription = Subscription.parse(raw);
      if ("all" in subscription) {
        if (principal.role !== "analyst") throw new AppError(403, "FORBIDDEN", "only analysts may watch every run; subscribe to one of your sessions instead");
      } else if ("experimentId" in subscription) {
        if (principal.role !== "analyst") throw new AppError(403, "FORBIDDEN", "only analysts may watch experiments");
        await deps.experiments.mustGet(subscription.experimentId);
      } else {
        await sessionFor(deps.store, principal, subscription.sessionId);
      }
      await socket.join(roomOf(subscription));
      return { watching: watching() };
    }));

    socket.on("unsubscribe", (raw, ack) => answer(ack, async () => {
      await socket.leave(roomOf(Subscription.parse(raw)));
      return { watching: watching() };
    }));
  });
}
