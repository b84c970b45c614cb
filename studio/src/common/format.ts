import type { Constraint } from "../../../schemas/preferences.ts";

/** A constraint in a few words: `genre: Horror, Comedy`, `year 1990–1999`, `“summer party”`, `like p00012`. */
export function describeConstraint(c: Constraint): string {
  const record = c as Record<string, unknown>;
  if (Array.isArray(record.values)) return `${c.attribute}: ${(record.values as string[]).join(", ")}`;
  if (typeof record.text === "string") return `“${record.text}”`;
  if (typeof record.item === "string") return `like ${record.item}`;
  const min = record.min as number | undefined;
  const max = record.max as number | undefined;
  if (min !== undefined && max !== undefined) return `${c.attribute} ${min}–${max}`;
  if (min !== undefined) return `${c.attribute} ≥ ${min}`;
  if (max !== undefined) return `${c.attribute} ≤ ${max}`;
  return JSON.stringify(c);
}

export const constraintKey = (c: Constraint) => JSON.stringify(c);

export const ms = (value: number) => (value < 1 ? `${value.toFixed(2)} ms` : value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`);

export const when = (at: number) => new Date(at).toLocaleTimeString();

export const dateTime = (at: number) => new Date(at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
