import type { Intent } from "../schemas/simulated-session.ts";
import { emptyPreferences, isCategorical, isRange, type Polarity, type Preferences, type Strength } from "../schemas/preferences.ts";

const BUCKETS: [Polarity, Strength][] = [["positive", "hard"], ["positive", "soft"], ["negative", "hard"], ["negative", "soft"]];

/**
 * The memory a perfect parser holds after a turn (consolidation rules of shared/spec/preferences.md): values merge
 * into the constraint of the same attribute and bucket, a value restated elsewhere leaves its old bucket, a newer
 * numeric bound replaces the older one, and a reset empties everything.
 */
export function applyIntents(memory: Preferences, intents: Intent[]): Preferences {
  let next: Preferences = structuredClone(memory);
  for (const intent of intents) {
    switch (intent.kind) {
      case "reset":
        next = emptyPreferences();
        break;
      case "want":
      case "avoid":
      case "critique":
        placeValues(next, intent.kind === "want" ? "positive" : "negative", intent.strength, intent.attribute, intent.values);
        break;
      case "range": {
        const { attribute, min, max } = intent;
        const old = next.positive.hard.find((c) => c.attribute === attribute && isRange(c));
        const merged = { ...(old ?? { attribute }), ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
        next.positive.hard = [...next.positive.hard.filter((c) => c !== old), merged];
        break;
      }
      case "text":
        if (!next.positive.soft.some((c) => "text" in c && c.text === intent.text)) next.positive.soft.push({ attribute: "text", text: intent.text });
        break;
    }
  }
  return next;
}

function placeValues(memory: Preferences, polarity: Polarity, strength: Strength, attribute: string, values: string[]): void {
  for (const [p, s] of BUCKETS) {
    memory[p][s] = memory[p][s]
      .map((c) => (isCategorical(c) && c.attribute === attribute ? { ...c, values: c.values.filter((v) => !values.includes(v)) } : c))
      .filter((c) => !isCategorical(c) || c.values.length > 0);
  }
  const bucket = memory[polarity][strength];
  const same = bucket.find((c) => isCategorical(c) && c.attribute === attribute);
  if (same && isCategorical(same)) same.values.push(...values);
  else bucket.push({ attribute, values: [...values] });
}
