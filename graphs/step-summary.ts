import type { ParserState } from "../parser/parser-state.ts";
import type { Constraint, Preferences } from "../schemas/preferences.ts";
import type { RankState, RankUpdate } from "../tools/rank-state.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import { currentPreferences } from "./parser-graph-state.ts";
import type { ConstraintSet, NodeEndEvent } from "./step-events.ts";

export type StepSummary = Pick<NodeEndEvent, "input" | "output" | "notes" | "candidates" | "preferenceDiff">;

const MAX_SUMMARY = 160;
const clip = (text: string) => (text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1)}…` : text);
const BUCKETS = [["positive", "hard"], ["positive", "soft"], ["negative", "hard"], ["negative", "soft"]] as const;

const countConstraints = (p: Preferences) => BUCKETS.map(([pol, str]) => `${pol}.${str} ${p[pol][str].length}`).join(", ");

/** A Planner node's input/output in a line each, with candidate counts before and after. */
export function summarizePlannerStep(before: RankState, update: RankUpdate, ctx: ToolContext): StepSummary {
  const size = ctx.catalog.size;
  const candidatesIn = before.candidates?.length ?? size;
  const candidatesOut = update.candidates !== undefined ? (update.candidates?.length ?? size) : candidatesIn;
  const parts: string[] = [];
  if (update.candidates !== undefined) parts.push(`${candidatesOut} candidates`);
  if (update.terms?.length) parts.push(`+${update.terms.length} term(s): ${update.terms.map((t) => t.label).join(", ")}`);
  if (update.feed) parts.push(`${update.feed.items.length} items: ${Array.from(update.feed.items.subarray(0, 5), (i) => ctx.catalog.ids[i]).join(", ")}${update.feed.items.length > 5 ? ", …" : ""}`);
  return {
    input: clip(`${candidatesIn} candidates, ${before.terms.length} term(s), ${countConstraints(before.preferences)}`),
    output: clip(parts.join("; ") || "no change"),
    notes: (update.notes ?? []).map((n) => (n.level === "warning" ? `warning: ${n.text}` : n.text)),
    candidates: { in: candidatesIn, out: candidatesOut },
  };
}

const keyOf = (c: Constraint) => JSON.stringify(c);

/** Constraints in `after` but not `before` (added) and the reverse (removed), bucket by bucket. */
export function preferenceDiff(before: Preferences, after: Preferences): { added: ConstraintSet; removed: ConstraintSet } {
  const empty = (): ConstraintSet => ({ positive: { hard: [], soft: [] }, negative: { hard: [], soft: [] } });
  const added = empty();
  const removed = empty();
  if (before === after) return { added, removed };
  for (const [pol, str] of BUCKETS) {
    const from = before[pol][str];
    const to = after[pol][str];
    if (from === to || (from.length === 0 && to.length === 0)) continue;
    const fromKeys = from.map(keyOf);
    const toKeys = to.map(keyOf);
    const was = new Set(fromKeys);
    const now = new Set(toKeys);
    added[pol][str] = to.filter((_, i) => !was.has(toKeys[i]));
    removed[pol][str] = from.filter((_, i) => !now.has(fromKeys[i]));
  }
  return { added, removed };
}

/** JSON of `value`, cut once it passes `budget` characters: stages hand over large structures, a summary needs a line. */
function brief(value: unknown, budget = MAX_SUMMARY): string {
  let out = "";
  const write = (v: unknown): void => {
    if (out.length > budget) return;
    if (v === null || typeof v !== "object") {
      out += v === undefined ? "undefined" : typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v);
      return;
    }
    const array = Array.isArray(v);
    out += array ? "[" : "{";
    let first = true;
    for (const key of array ? v.keys() : Object.keys(v)) {
      const item = (v as Record<string | number, unknown>)[key];
      if (!array && item === undefined) continue;
      if (out.length > budget) break;
      if (!first) out += ",";
      first = false;
      if (!array) out += `${JSON.stringify(key)}:`;
      write(item);
    }
    out += array ? "]" : "}";
  };
  write(value);
  return out;
}

/** A Parser node's input/output in a line each, with how the memory changed. */
export function summarizeParserStep(before: ParserState, update: Partial<ParserState>): StepSummary {
  const changed = Object.entries(update).filter(([key]) => key !== "notes");
  const from = currentPreferences(before);
  const to = update.preferences ?? from;
  return {
    input: clip(`command ${JSON.stringify(before.input.command)}; memory ${countConstraints(from)}`),
    output: clip(changed.map(([key, value]) => `${key}: ${brief(value)}`).join("; ") || "no change"),
    notes: update.notes ?? [],
    preferenceDiff: preferenceDiff(from, to),
  };
}
