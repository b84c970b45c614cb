import { isCategorical, isRange, Preferences, type Constraint } from "../schemas/preferences.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import type { ParserStage } from "./parser-state.ts";

/** Why a constraint cannot be kept against this catalog, or undefined when it is fine. */
function problemOf(c: Constraint, ctx: ToolContext): string | undefined {
  if (c.attribute === "text" || c.attribute === "item") return undefined;
  const column = ctx.catalog.columns.get(c.attribute);
  if (!column) return `unknown attribute ${c.attribute}`;
  if (isRange(c)) return column.kind === "number" ? undefined : `${c.attribute} is not numeric`;
  if (isCategorical(c) && column.kind !== "category") return `${c.attribute} is not categorical`;
  return undefined;
}

/** Checks P_{t+1} against the contract and the catalog; drops what does not fit and says so in the notes. */
export function validatePreferences(candidate: unknown, ctx: ToolContext, notes: string[]): Preferences {
  const parsed = Preferences.safeParse(candidate);
  const prefs = parsed.success ? parsed.data : Preferences.parse({});
  if (!parsed.success) notes.push(`invalid preferences dropped: ${parsed.error.issues[0]?.message}`);
  const seen = new Set<string>();
  for (const polarity of ["positive", "negative"] as const) {
    for (const strength of ["hard", "soft"] as const) {
      prefs[polarity][strength] = prefs[polarity][strength].filter((c) => {
        const problem = problemOf(c, ctx);
        if (problem) notes.push(`dropped a constraint: ${problem}`);
        if (problem) return false;
        if (!("values" in c)) return true;
        // one value of one attribute lives in at most one bucket: the first (hard before soft) keeps it
        c.values = c.values.filter((v) => !seen.has(`${c.attribute}\u0000${v}`) && seen.add(`${c.attribute}\u0000${v}`));
        return c.values.length > 0;
      });
    }
  }
  return prefs;
}

/** Stage 5: validate the consolidated memory. */
export const validate: ParserStage = (state, ctx) => {
  const notes: string[] = [];
  return { preferences: validatePreferences(state.preferences, ctx, notes), notes };
};
