import type { Predicate } from "../catalog/attribute-index.ts";
import { isCategorical, isRange, type Constraint } from "../schemas/preferences.ts";
import type { ToolNote } from "./rank-state.ts";
import type { ToolContext } from "./tool-context.ts";

/** One thing the user wants more (or less) of: a semantic direction, an exact predicate, or both. */
export interface Intent {
  label: string;
  /** unit vector in the semantic space, or null when only the exact predicate applies */
  vector: Float32Array | null;
  /** items that match exactly (categorical value, numeric range), or null */
  predicate: Predicate | null;
}

/** Notes collected while resolving, so unknown attributes and values are reported, never thrown. */
export type NoteSink = (level: ToolNote["level"], text: string) => void;

const fmt = (n: number | undefined) => (n === undefined ? "" : String(n));

/** A categorical, range or item constraint as one predicate, or null (with a note) when nothing of it is known. */
export function resolvePredicate(c: Constraint, ctx: ToolContext, note: NoteSink): Predicate | null {
  if (c.attribute === "text") return null;
  if (c.attribute === "item" && "values" in c) {
    const items = resolveItems(c.values, ctx, note);
    return items.length ? { kind: "items", items: Uint32Array.from(items).sort() } : null;
  }
  const entry = ctx.index.attribute(c.attribute);
  if (!entry) {
    note("warning", `unknown attribute \`${c.attribute}\` ignored`);
    return null;
  }
  const attribute = entry.column.name;
  if (isRange(c)) {
    if (entry.kind !== "number") {
      note("warning", `attribute \`${attribute}\` is not numeric; range ${fmt(c.min)}..${fmt(c.max)} ignored`);
      return null;
    }
    return { kind: "range", attribute, min: c.min ?? -Infinity, max: c.max ?? Infinity };
  }
  if (!isCategorical(c)) return null;
  if (entry.kind !== "category") {
    note("warning", `attribute \`${attribute}\` is numeric; values ${c.values.join(", ")} ignored`);
    return null;
  }
  const codes: number[] = [];
  for (const value of c.values) {
    const found = ctx.index.lookupValue(attribute, value);
    if (found) codes.push(found.code);
    else note("warning", `unknown value \`${value}\` of \`${attribute}\` ignored`);
  }
  return codes.length ? { kind: "category", attribute, codes } : null;
}

/** Item ids → indices; unknown ids are noted and skipped. */
export function resolveItems(ids: string[], ctx: ToolContext, note: NoteSink): number[] {
  const out: number[] = [];
  for (const id of ids) {
    const item = ctx.catalog.indexOf.get(id);
    if (item === undefined) note("warning", `unknown item \`${id}\` ignored`);
    else out.push(item);
  }
  return out;
}

/** Soft constraints as intents: one per categorical value, text, referenced item or range. */
export function resolveIntents(constraints: Constraint[], ctx: ToolContext, note: NoteSink): Intent[] {
  const intents: Intent[] = [];
  const { semantic } = ctx.models;
  for (const c of constraints) {
    if ("text" in c) {
      const vector = semantic.embedText(c.text);
      if (vector) intents.push({ label: `text "${c.text}"`, vector, predicate: null });
      else note("warning", `no known word in text "${c.text}"; ignored`);
    } else if (c.attribute === "item" && "values" in c) {
      for (const item of resolveItems(c.values, ctx, note)) {
        const vector = ctx.semantic.row(item);
        intents.push({ label: `like item ${ctx.catalog.ids[item]}`, vector, predicate: null });
      }
    } else if (isRange(c)) {
      const predicate = resolvePredicate(c, ctx, note);
      if (predicate?.kind === "range")
        intents.push({ label: `${predicate.attribute} in ${fmt(c.min)}..${fmt(c.max)}`, vector: null, predicate });
    } else {
      const predicate = resolvePredicate(c, ctx, note);
      if (predicate?.kind !== "category") continue;
      const entry = ctx.index.attribute(predicate.attribute);
      if (entry?.kind !== "category") continue;
      for (const code of predicate.codes) {
        const value = entry.column.vocabulary[code];
        const vector = semantic.embedValue(predicate.attribute, value);
        const exact: Predicate = { kind: "category", attribute: predicate.attribute, codes: [code] };
        intents.push({ label: `${predicate.attribute}=${value}`, vector, predicate: exact });
      }
    }
  }
  return intents;
}
