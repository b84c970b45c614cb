import { z } from "zod";
import { defineTool } from "./define-tool.ts";
import { dot } from "./history-attention.ts";
import type { Feed, RankState, ToolNote } from "./rank-state.ts";
import type { ScoreTerm, Space } from "./score-terms.ts";
import type { ToolContext } from "./tool-context.ts";
import type { EmbeddingMatrix } from "../models/embedding-matrix.ts";
import { TopK } from "./top-k.ts";

/** Above this share of the catalog, one contiguous scan beats gathering the candidates' rows. */
const FULL_SCAN_SHARE = 0.2;

/** Per-catalog buffers reused across turns (turns run synchronously, one at a time). */
const buffersOf = new WeakMap<ToolContext, { base: Float32Array; zeros: Float32Array }>();

function buffers(ctx: ToolContext) {
  let b = buffersOf.get(ctx);
  if (!b) {
    b = { base: new Float32Array(ctx.catalog.size), zeros: new Float32Array(ctx.catalog.size) };
    buffersOf.set(ctx, b);
  }
  return b;
}

/**
 * Dense scores per space, for every item (candidates null) or in candidate order. When both spaces
 * have a query, one pass over the joint matrix scores them together: its parts are returned as the
 * semantic score and a null collaborative one.
 */
function denseScores(terms: ScoreTerm[], ctx: ToolContext, candidates: Uint32Array | null): [Float32Array | null, Float32Array | null] {
  const semQuery = sumQueries(terms, "semantic", ctx.semantic.dim);
  const colQuery = sumQueries(terms, "collaborative", ctx.collaborative.dim);
  const run = (matrix: EmbeddingMatrix, query: Float32Array) => (candidates ? matrix.scoreSome(query, candidates) : matrix.scoreAll(query));
  if (semQuery && colQuery) {
    const query = new Float32Array(ctx.joint.dim);
    query.set(semQuery);
    query.set(colQuery, semQuery.length);
    return [run(ctx.joint, query), null];
  }
  return [semQuery && run(ctx.semantic, semQuery), colQuery && run(ctx.collaborative, colQuery)];
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
    const size = ctx.catalog.size;
    const candidates = state.candidates;
    const count = candidates ? candidates.length : size;
    const byItem = candidates === null || count > FULL_SCAN_SHARE * size;
    const [sem, col] = denseScores(all, ctx, byItem ? null : candidates!);
    const base = fillBase(buffers(ctx).base, all, candidates, state, ctx);
    const top = new TopK(Math.min(state.k, count));
    const zeros = buffers(ctx).zeros;
    if (byItem) rankAll(top, base, sem ?? zeros, col ?? zeros);
    else rankSome(top, base, candidates!, sem ?? zeros, col ?? zeros);
    const feed = exactFeed(all, top.result().items, ctx);
    const { items } = feed;
    notes.push({ tool: "aggregator", level: "info", text: `${items.length} of ${count} candidates returned (k = ${state.k})` });
    if (items.length < state.k) notes.push({ tool: "aggregator", level: "warning", text: `only ${items.length} unseen candidates for k = ${state.k}` });
    return { terms, feed, notes };
  },
});

/**
 * The score of every item apart from its dense terms: −∞ for items that are not candidates or are
 * banned (history, excluded), otherwise the priors plus the bonuses of the predicates it satisfies.
 */
function fillBase(base: Float32Array, terms: ScoreTerm[], candidates: Uint32Array | null, state: RankState, ctx: ToolContext): Float32Array {
  const priors = terms.filter((t): t is ScoreTerm & { kind: "prior" } => t.kind === "prior");
  const [first, ...rest] = priors;
  const prior0 = first?.values ?? buffers(ctx).zeros;
  const weight0 = first?.weight ?? 0;
  if (candidates === null) {
    for (let i = 0; i < base.length; i++) base[i] = weight0 * prior0[i];
  } else {
    base.fill(-Infinity);
    for (let k = 0; k < candidates.length; k++) base[candidates[k]] = weight0 * prior0[candidates[k]];
  }
  for (const { values, weight } of rest) {
    if (candidates === null) for (let i = 0; i < base.length; i++) base[i] += weight * values[i];
    else for (let k = 0; k < candidates.length; k++) base[candidates[k]] += weight * values[candidates[k]];
  }
  for (const t of terms) {
    if (t.kind !== "bonus") continue;
    for (const list of ctx.index.matchingLists(t.predicate)) {
      for (let k = 0; k < list.length; k++) base[list[k]] += t.weight;
    }
  }
  for (const item of state.history) base[item] = -Infinity;
  for (const item of state.excluded) base[item] = -Infinity;
  return base;
}

/** Top-k over every item: score i = base[i] + a[i] + b[i] (base is −∞ where an item may not appear). */
function rankAll(top: TopK, base: Float32Array, a: Float32Array, b: Float32Array): void {
  let threshold = -Infinity;
  for (let i = 0; i < base.length; i++) {
    const s = base[i] + a[i] + b[i];
    if (s > threshold || (s === threshold && s !== -Infinity)) {
      top.push(i, s);
      threshold = top.threshold;
    }
  }
}

/** Top-k over a candidate list whose dense scores a, b were gathered in list order. */
function rankSome(top: TopK, base: Float32Array, candidates: Uint32Array, a: Float32Array, b: Float32Array): void {
  let threshold = -Infinity;
  for (let k = 0; k < candidates.length; k++) {
    const item = candidates[k];
    const s = base[item] + a[k] + b[k];
    if (s > threshold || (s === threshold && s !== -Infinity)) {
      top.push(item, s);
      threshold = top.threshold;
    }
  }
}

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

/**
 * The returned items with exact scores: the scan ranks with quantised rows, so each item's score is
 * recomputed term by term from exact f32 rows (the breakdown traces show) and the k items re-ordered by it.
 */
function exactFeed(terms: ScoreTerm[], ranked: Uint32Array, ctx: ToolContext): Feed {
  const width = terms.length;
  const contributions = Array.from(ranked, (item) => {
    const parts = terms.map((t) => {
      if (t.kind === "dense") return t.weight * dot((t.space === "semantic" ? ctx.semantic : ctx.collaborative).row(item), t.query);
      if (t.kind === "bonus") return ctx.index.matches(t.predicate, item) ? t.weight : 0;
      return t.weight * t.values[item];
    });
    return { item, parts, score: parts.reduce((a, b) => a + b, 0) };
  });
  contributions.sort((a, b) => b.score - a.score || a.item - b.item);
  const breakdown = new Float32Array(contributions.length * width);
  contributions.forEach((row, r) => breakdown.set(row.parts, r * width));
  return {
    items: Uint32Array.from(contributions, (row) => row.item),
    scores: Float32Array.from(contributions, (row) => row.score),
    terms: terms.map((t) => `${t.tool}: ${t.label}`),
    breakdown,
  };
}
