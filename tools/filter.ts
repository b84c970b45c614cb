import { z } from "zod";
import type { Predicate } from "../catalog/attribute-index.ts";
import { defineTool } from "./define-tool.ts";
import type { ToolNote } from "./rank-state.ts";
import { resolvePredicate, type NoteSink } from "./resolve-constraint.ts";

/**
 * Keeps the items that satisfy every positive hard constraint and none of the negative ones.
 * Categorical: the item has any of the values; numeric: inclusive range, and an item without a
 * value fails a positive range and passes a negative one. Free text is never filtered.
 */
export const filter = defineTool({
  id: "filter",
  description: "Keeps only the items that obey the user's hard constraints (only / no / never / under / after).",
  params: z.object({}),
  run(state, _params, ctx) {
    const notes: ToolNote[] = [];
    const note: NoteSink = (level, text) => notes.push({ tool: "filter", level, text });
    const { positive, negative } = state.preferences;
    const must: Predicate[] = [];
    const mustNot: Predicate[] = [];
    for (const c of positive.hard) {
      if (c.attribute === "text") note("info", `text "${"text" in c ? c.text : ""}" is matched by meaning, not filtered`);
      else if (c.attribute === "item") note("info", `positive hard item reference is ranked as "more like this", not filtered`);
      else {
        const p = resolvePredicate(c, ctx, note);
        if (p) must.push(p);
      }
    }
    for (const c of negative.hard) {
      if (c.attribute === "text") note("info", `text "${"text" in c ? c.text : ""}" is matched by meaning, not filtered`);
      else {
        const p = resolvePredicate(c, ctx, note);
        if (p) mustNot.push(p);
      }
    }
    if (must.length === 0 && mustNot.length === 0) {
      note("info", "no hard constraint: every candidate kept");
      return { notes };
    }
    const required = must.length;
    if (state.candidates) must.push({ kind: "items", items: state.candidates });
    const candidates = ctx.index.select(must, mustNot);
    const before = state.candidates?.length ?? ctx.catalog.size;
    note("info", `${candidates.length} of ${before} items pass ${required} required and ${mustNot.length} excluded constraints`);
    if (candidates.length === 0) note("warning", "no item satisfies the hard constraints");
    return { candidates, notes };
  },
});
