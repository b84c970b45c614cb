import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Store } from "./storage/store.ts";

/** Who is asking: an analyst (API token), a feed user (their user token), or nobody. */
export type Principal = { role: "analyst" } | { role: "user"; userId: string } | { role: "anonymous" };

const ANALYST_SETTING = "analyst_token_sha256";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const newToken = (prefix: string) => `${prefix}_${randomBytes(24).toString("base64url")}`;

/** The token out of `Authorization: Bearer <token>` (or a bare token, as Socket.io's `auth.token` sends it). */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== "string") return null;
  const match = /^\s*(?:Bearer\s+)?(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

export interface AnalystToken {
  hash: string;
  /** the token in clear, only when this start created it (to print once) */
  created?: string;
}

/**
 * The analyst token: `RECBOT_ANALYST_TOKEN` when set, else the one created on the first start (only its hash is
 * stored; the clear token is returned once so the caller can print it).
 */
export async function ensureAnalystToken(store: Store, fromEnv: string | undefined): Promise<AnalystToken> {
  if (fromEnv !== undefined && fromEnv !== "") {
    if (fromEnv.length < 16) throw new Error("RECBOT_ANALYST_TOKEN must be at least 16 characters");
    return { hash: hashToken(fromEnv) };
  }
  const stored = await store.getSetting(ANALYST_SETTING);
  if (stored) return { hash: stored };
  const token = newToken("analyst");
  const hash = hashToken(token);
  // two servers starting on one file at once: the first write wins and only its starter prints a token
  const winner = await store.setSetting(ANALYST_SETTING, hash, { ifAbsent: true });
  return winner === hash ? { hash, created: token } : { hash: winner };
}

/** Resolves tokens to principals; user tokens are looked up by hash, so the store never holds one in clear. */
export class Authenticator {
  private readonly analystHash: Buffer;

  constructor(private readonly store: Store, analystTokenHash: string) {
    this.analystHash = Buffer.from(analystTokenHash, "hex");
  }

  async principalOf(token: string | null): Promise<Principal> {
    if (!token) return { role: "anonymous" };
    const hash = hashToken(token);
    if (timingSafeEqual(Buffer.from(hash, "hex"), this.analystHash)) return { role: "analyst" };
    const user = await this.store.getUserByTokenHash(hash);
    return user ? { role: "user", userId: user.id } : { role: "anonymous" };
  }
}

/** Whether the principal may read and act on things belonging to this user. */
export const mayActFor = (principal: Principal, userId: string) =>
  principal.role === "analyst" || (principal.role === "user" && principal.userId === userId);
