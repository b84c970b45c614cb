import { z } from "zod";
import { defineTool } from "./define-tool.ts";
import type { ToolNote } from "./rank-state.ts";
import { resolveIntents, type NoteSink } from "./resolve-constraint.ts";
import type { ScoreTerm } from "./score-terms.ts";

/**
 * s_atten(i) = −β · (1/n) Σ_j [ e_i·v_j + γ·1(i matches negative intent j exactly) ] over the n
 * negative soft intents (and negative hard free text, which the Filter cannot apply).
 */
export const attenuator = defineTool({
  id: "attenuator",
  description: "Pushes down items similar to what the user said they want less of.",
  params: z.object({
    beta: z.number().min(0).max(5).default(0.8).describe("β: penalty strength"),
    exactMatchWeight: z.number().min(0).max(5).default(0.5).describe("γ: extra penalty for an item that has an unwanted value or lies in an unwanted range"),
  }),
  run(state, params, ctx) {
    const notes: ToolNote[] = [];
    const note: NoteSink = (level, text) => notes.push({ tool: "attenuator", level, text });
    const { negative } = state.preferences;
    const intents = resolveIntents([...negative.soft, ...negative.hard.filter((c) => c.attribute === "text")], ctx, note);
    const n = intents.length;
    if (n === 0 || params.beta === 0) {
      note("info", n === 0 ? "no negative soft intent: nothing to attenuate" : "β = 0: nothing attenuated");
      return { notes };
    }
    const terms: ScoreTerm[] = [];
    for (const intent of intents) {
      if (intent.vector)
        terms.push({ kind: "dense", tool: "attenuator", label: `less ${intent.label}`, space: "semantic", query: intent.vector, weight: -params.beta / n });
      if (intent.predicate && params.exactMatchWeight > 0)
        terms.push({ kind: "bonus", tool: "attenuator", label: `exact less ${intent.label}`, predicate: intent.predicate, weight: (-params.beta * params.exactMatchWeight) / n });
    }
    note("info", `${n} negative intent(s): ${intents.map((i) => i.label).join(", ")}; β = ${params.beta}`);
    return { terms, notes };
  },
});
