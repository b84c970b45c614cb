import { ApiFailure } from "../api.ts";

/** The server's complaints by field path (`name`, `variants.1.graphs.planner`, …); the empty path is the whole form. */
export type FieldErrors = Map<string, string[]>;

// the service's own checks name the field in the message: "variants[1] (B).graphs.planner: no saved graph …"
const VARIANT_MESSAGE = /^variants\[(\d+)\] \([^)]*\)\.([\w.]+): (.*)$/s;

/** Where each of a save's validation errors belongs: zod issues carry paths, the rest are read from their message. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const out: FieldErrors = new Map();
  const add = (path: string, message: string) => out.set(path, [...(out.get(path) ?? []), message]);
  if (!(error instanceof ApiFailure) || error.status !== 400) return out;
  if (Array.isArray(error.details)) {
    for (const issue of error.details as { path?: unknown; message?: unknown }[]) {
      if (typeof issue.message === "string") add(typeof issue.path === "string" ? issue.path : "", issue.message);
    }
    return out;
  }
  const match = VARIANT_MESSAGE.exec(error.message);
  if (match) add(`variants.${match[1]}.${match[2]}`, match[3]);
  return out;
}

/** A control's aria props: invalid and described by its FieldError (`errorId`) while there are messages. */
export const invalidProps = (errorId: string, messages: string[]) =>
  messages.length > 0 ? { "aria-invalid": true, "aria-describedby": errorId } : {};

/** Messages at this path or below it. */
export function errorsAt(errors: FieldErrors, path: string): string[] {
  return [...errors].flatMap(([at, messages]) => (at === path || at.startsWith(`${path}.`) ? messages : []));
}
