import type { ApiError } from "../../schemas/api.ts";
import type { z } from "zod";

/** An API refusal, with the server's code and its message (which says what to fix). */
export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
  }
}

const ANALYST_KEY = "recbot.analystToken";
const USER_KEY = "recbot.user";

export interface StoredUser {
  id: string;
  token: string;
}

export const tokens = {
  analyst: () => localStorage.getItem(ANALYST_KEY) ?? "",
  setAnalyst: (token: string) => (token ? localStorage.setItem(ANALYST_KEY, token) : localStorage.removeItem(ANALYST_KEY)),
  user: (): StoredUser | null => {
    const raw = localStorage.getItem(USER_KEY);
    return raw ? (JSON.parse(raw) as StoredUser) : null;
  },
  setUser: (user: StoredUser) => localStorage.setItem(USER_KEY, JSON.stringify(user)),
};

/** JSON over HTTP with the given token (default: the analyst token, else the feed user's). */
export async function api<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const bearer = token ?? (tokens.analyst() || tokens.user()?.token || "");
  const headers: Record<string, string> = {};
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const error = (json as z.infer<typeof ApiError> | null)?.error;
    throw new ApiFailure(res.status, error?.code ?? "HTTP_ERROR", error?.message ?? `${method} ${path} answered ${res.status}`, error?.details);
  }
  return json as T;
}

/** The feed user this browser plays as: created once (POST /api/users) and remembered. */
export async function ensureUser(): Promise<StoredUser> {
  const known = tokens.user();
  if (known) {
    try {
      await api("GET", "/api/users/me", undefined, known.token);
      return known;
    } catch {
      // a new data folder forgot this user: make another
    }
  }
  const created = await api<{ user: { id: string }; token: string }>("POST", "/api/users", { name: "studio" }, "");
  const user = { id: created.user.id, token: created.token };
  tokens.setUser(user);
  return user;
}
