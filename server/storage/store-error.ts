import type { z } from "zod";

/** Stable codes of everything the store refuses. */
export type StoreErrorCode =
  /** the user, session, graph, version or run does not exist */
  | "NOT_FOUND"
  /** the write contradicts what is stored (a duplicate id, a turn out of order, a finished run) */
  | "CONFLICT"
  /** the value does not fit its schema */
  | "INVALID";

/** An error the store throws on purpose, with a message a person can act on; routes map `code` to a status. */
export class StoreError extends Error {
  override readonly name = "StoreError";
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Parses `value` with `schema`, turning a zod failure into an `INVALID` StoreError naming what and where. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`);
  throw new StoreError("INVALID", `${what} is invalid: ${issues.join("; ")}`);
}
