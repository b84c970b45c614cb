import { z } from "zod";
import { defineTool } from "./define-tool.ts";
import { attendHistory, meanVector, poolHistory } from "./history-attention.ts";
import type { ToolNote } from "./rank-state.ts";
import { resolveIntents, type NoteSink } from "./resolve-constraint.ts";
import type { ScoreTerm } from "./score-terms.ts";

/**
 * s_match = α·s_sem + (1−α)·s_history, recorded as score terms for the Aggregator.
 * s_sem(i) = (1/m) Σ_j [ e_i·u_j + γ·1(i matches intent j exactly) ] over the m positive intents;
 * s_history(i) = c_i · Σ_t w_t c_{h_t}, w = softmax(τ · e_{h_t}·ū) (recency weights without intent).
 * With only one of the two terms available it gets weight 1; with neither, popularity ranks.
 */
export const matcher = defineTool({
  id: "matcher",
  description: "Scores items by how well they match what the user asked for more of, blended with their history.",
  params: z.object({
    alpha: z.number().min(0).max(1).default(0.5).describe("α: weight of the semantic match against the history match"),
    temperature: z.number().min(0).max(50).default(5).describe("τ: how sharply history attention follows the current intent"),
    historyWindow: z.int().min(1).max(1000).default(50).describe("How many of the most recent history items are attended to"),
    recencyDecay: z.number().min(0).max(1).default(0.9).describe("Without an intent, weight ratio between a history item and the next newer one"),
    exactMatchWeight: z.number().min(0).max(5).default(0.5).describe("γ: bonus for an item that has a requested value or lies in a requested range"),
  }),
  run(state, params, ctx) {
    const notes: ToolNote[] = [];
    const note: NoteSink = (level, text) => notes.push({ tool: "matcher", level, text });
    const { positive } = state.preferences;
    const asIntent = positive.hard.filter((c) => c.attribute === "text" || c.attribute === "item");
    const intents = resolveIntents([...positive.soft, ...asIntent], ctx, note);
    const m = intents.length;
    const hasHistory = state.history.length > 0;
    const terms: ScoreTerm[] = [];
    if (m === 0 && !hasHistory) {
      note("info", "no positive intent and no history: ranking by popularity");
      terms.push({ kind: "prior", tool: "matcher", label: "popularity", values: ctx.models.collaborative.popularity, weight: 1 });
      return { terms, notes };
    }
    const semWeight = m === 0 ? 0 : hasHistory ? params.alpha : 1;
    const historyWeight = hasHistory ? (m === 0 ? 1 : 1 - params.alpha) : 0;
    if (semWeight > 0) {
      for (const intent of intents) {
        if (intent.vector)
          terms.push({ kind: "dense", tool: "matcher", label: `semantic ${intent.label}`, space: "semantic", query: intent.vector, weight: semWeight / m });
        if (intent.predicate && params.exactMatchWeight > 0)
          terms.push({ kind: "bonus", tool: "matcher", label: `exact ${intent.label}`, predicate: intent.predicate, weight: (semWeight * params.exactMatchWeight) / m });
      }
      note("info", `${m} positive intent(s): ${intents.map((i) => i.label).join(", ")}; semantic weight ${round(semWeight)}`);
    }
    if (historyWeight > 0) {
      const intent = meanVector(intents.flatMap((i) => (i.vector ? [i.vector] : [])));
      const attention = attendHistory(state.history, intent, ctx.semantic, {
        temperature: params.temperature, window: params.historyWindow, recencyDecay: params.recencyDecay,
      });
      const query = poolHistory(attention, ctx.collaborative);
      terms.push({ kind: "dense", tool: "matcher", label: "history", space: "collaborative", query, weight: historyWeight });
      note("info", `history: ${attention.items.length} item(s) attended by ${attention.intentAware ? "intent" : "recency"}; weight ${round(historyWeight)}`);
    }
    return { terms, notes };
  },
});

const round = (x: number) => Math.round(x * 1000) / 1000;
