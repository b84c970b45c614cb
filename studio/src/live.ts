import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../schemas/live-protocol.ts";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A Socket.io connection to this server with a token; reconnects on its own. */
export function connectLive(token: string): LiveSocket {
  return io({ auth: { token }, transports: ["websocket"] });
}
