import { normalizeValue } from "../catalog/attribute-index.ts";
import { emptyPreferences, Preferences } from "../schemas/preferences.ts";
import type { ParserStages } from "./parser-state.ts";

/** The offline Parser's five stages (first naive version: exact value mentions only). */
export const parserStages: ParserStages = {
  normalize: (state) => ({ normalized: state.input.command.toLowerCase() }),
  extract: (state) => ({ mentions: String(state.normalized ?? "").split(/[^a-z0-9]+/).filter(Boolean) }),
  ground: (state, ctx) => {
    const words = (state.mentions as string[]) ?? [];
    const delta = emptyPreferences();
    for (const column of ctx.catalog.columns.values()) {
      if (column.kind !== "category" || column.spec.open) continue;
      const hits = words.map((w) => ctx.index.lookupValue(column.name, w)?.value).filter((v): v is string => !!v);
      if (hits.length > 0) delta.positive.soft.push({ attribute: column.name, values: [...new Set(hits)] });
    }
    void normalizeValue;
    return { delta };
  },
  consolidate: (state) => {
    const delta = state.delta as Preferences;
    const out = structuredClone(state.input.memory);
    out.positive.soft.push(...delta.positive.soft);
    return { preferences: out };
  },
  validate: (state) => ({ preferences: Preferences.parse(state.preferences ?? emptyPreferences()) }),
};
