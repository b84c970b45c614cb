import { z } from "zod";
import { defineTool } from "./define-tool.ts";
import { dot } from "./history-attention.ts";
import type { Feed, ToolNote } from "./rank-state.ts";
import type { ScoreTerm, Space } from "./score-terms.ts";
import type { ToolContext } from "./tool-context.ts";
import { TopK } from "./top-k.ts";

/** Above this share of the catalog, one contiguous scan beats gathering the candidates' rows. */
const FULL_SCAN_SHARE = 0.25;

interface Scratch {
  bonus: Float32Array;
  banned: Uint8Array;
}
const scratchOf = new WeakMap<ToolContext, Scratch>();

/** Per-catalog buffers reused across turns (turns run synchronously, one at a time). */
function scratch(ctx: ToolContext): Scratch {
  let s = scratchOf.get(ctx);
  if (!s) {
    s = { bonus: new Float32Array(ctx.catalog.size), banned: new Uint8Array(ctx.catalog.size) };
    scratchOf.set(ctx, s);
  }
  return s;
}

/**
 * s_final = s_match + s_atten (+ a small popularity prior), top-k over the Filter's candidates,
 * never the user's history or excluded items. Dense terms of one space are summed into one query
 * and scanned once; per-term contributions are computed afterwards for the k returned items only.
 */
export const aggregator = defineTool({
  id: "aggregator",
  description: "Adds up every score term, and returns the k best candidates the user has not seen.",
  params: z.object({
    popularityPrior: z.number().min(0).max(1).default(0.01).describe("Weight of item popularity added to every score, to break ties"),
  }),
  run(state, params, ctx) {
    const notes: ToolNote[] = [];
    const terms: ScoreTerm[] = params.popularityPrior > 0
      ? [{ kind: "prior", tool: "aggregator", label: "popularity prior", values: ctx.models.collaborative.popularity, weight: params.popularityPrior }]
      : [];
    const all = [...state.terms, ...terms];
    const { bonus, banned } = scratch(ctx);
    const size = ctx.catalog.size;
    const candidates = state.candidates;
    const count = candidates ? candidates.length : size;
    const byItem = candidates === null || count > FULL_SCAN_SHARE * size;
    const scan = (space: Space): Float32Array | null => {
      const query = sumQueries(all, space, space === "semantic" ? ctx.semantic.dim : ctx.collaborative.dim);
      if (!query) return null;
      const matrix = space === "semantic" ? ctx.semantic : ctx.collaborative;
      return byItem ? matrix.scoreAll(query) : matrix.scoreSome(query, candidates!);
    };
    const sem = scan("semantic");
    const col = scan("collaborative");

    bonus.fill(0);
    let priorValues: Float32Array | null = null;
    let priorWeight = 0;
    for (const t of all) {
      if (t.kind === "bonus") {
        for (const item of ctx.index.matchingItems(t.predicate)) bonus[item] += t.weight;
      } else if (t.kind === "prior" && (priorValues === null || priorValues === t.values)) {
        priorValues = t.values;
        priorWeight += t.weight;
      } else if (t.kind === "prior") {
        for (let i = 0; i < size; i++) bonus[i] += t.weight * t.values[i];
      }
    }
    for (const item of state.history) banned[item] = 1;
    for (const item of state.excluded) banned[item] = 1;

    const top = new TopK(Math.min(state.k, count));
    let threshold = -Infinity;
    for (let k = 0; k < count; k++) {
      const item = candidates ? candidates[k] : k;
      if (banned[item] === 1) continue;
      const at = byItem ? item : k;
      let s = bonus[item];
      if (sem) s += sem[at];
      if (col) s += col[at];
      if (priorValues) s += priorWeight * priorValues[item];
      if (s < threshold) continue;
      top.push(item, s);
      threshold = top.threshold;
    }
    for (const item of state.history) banned[item] = 0;
    for (const item of state.excluded) banned[item] = 0;

    const { items, scores } = top.result();
    const feed: Feed = { items, scores, terms: all.map((t) => `${t.tool}: ${t.label}`), breakdown: breakdown(all, items, ctx) };
    notes.push({ tool: "aggregator", level: "info", text: `${items.length} of ${count} candidates returned (k = ${state.k})` });
    if (items.length < state.k) notes.push({ tool: "aggregator", level: "warning", text: `only ${items.length} unseen candidates for k = ${state.k}` });
    return { terms, feed, notes };
  },
});

/** Σ weight·query over the dense terms of one space, or null when there are none. */
function sumQueries(terms: ScoreTerm[], space: Space, dim: number): Float32Array | null {
  let query: Float32Array | null = null;
  for (const t of terms) {
    if (t.kind !== "dense" || t.space !== space || t.weight === 0) continue;
    query ??= new Float32Array(dim);
    for (let j = 0; j < dim; j++) query[j] += t.weight * t.query[j];
  }
  return query;
}

/** What each term contributed to each returned item, row-major items × terms. */
function breakdown(terms: ScoreTerm[], items: Uint32Array, ctx: ToolContext): Float32Array {
  const out = new Float32Array(items.length * terms.length);
  items.forEach((item, r) => {
    terms.forEach((t, c) => {
      let v = 0;
      if (t.kind === "dense") v = t.weight * dot((t.space === "semantic" ? ctx.semantic : ctx.collaborative).row(item), t.query);
      else if (t.kind === "bonus") v = ctx.index.matches(t.predicate, item) ? t.weight : 0;
      else v = t.weight * t.values[item];
      out[r * terms.length + c] = v;
    });
  });
  return out;
}
