import type { Catalog, CategoryColumn, NumberColumn } from "../catalog/catalog.ts";
import type { Constraint, Preferences } from "../schemas/preferences.ts";

/**
 * Realistic mixed preferences for any catalog: what a few turns of commands accumulate — a hard category or
 * two, a numeric limit, positive soft values and free text, a negative soft value, sometimes a negative hard one.
 * Values are drawn by item frequency, as users name common things more often.
 */
export function samplePreferences(catalog: Catalog, random: () => number): Preferences {
  const categories = [...catalog.columns.values()].filter((c): c is CategoryColumn => c.kind === "category" && !c.spec.open && c.vocabulary.length > 1);
  const numbers = [...catalog.columns.values()].filter((c): c is NumberColumn => c.kind === "number" && c.count > 0);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const valueOf = (column: CategoryColumn) => {
    const item = Math.floor(random() * catalog.size);
    const start = column.offsets[item];
    const end = column.offsets[item + 1];
    return end > start ? column.vocabulary[column.codes[start + Math.floor(random() * (end - start))]] : column.vocabulary[0];
  };
  const categorical = (): Constraint => {
    const column = pick(categories);
    return { attribute: column.name, values: [valueOf(column)] };
  };
  const prefs: Preferences = { positive: { hard: [], soft: [] }, negative: { hard: [], soft: [] } };
  if (categories.length > 0) {
    prefs.positive.hard.push(categorical());
    prefs.positive.soft.push(categorical(), categorical());
    prefs.negative.soft.push(categorical());
    if (random() < 0.5) prefs.negative.hard.push(categorical());
  }
  if (numbers.length > 0) {
    const column = pick(numbers);
    const span = column.max - column.min;
    prefs.positive.hard.push(random() < 0.5 ? { attribute: column.name, max: column.min + span * (0.3 + 0.6 * random()) } : { attribute: column.name, min: column.min + span * 0.4 * random() });
  }
  const words = catalog.titles[Math.floor(random() * catalog.size)].split(/\s+/).filter((w) => w.length > 3);
  if (words.length > 0) prefs.positive.soft.push({ attribute: "text", text: pick(words).toLowerCase() });
  return prefs;
}

/** A command a shopper might type for sampled preferences, for timing full turns (parse + plan). */
export function commandFor(preferences: Preferences, catalog: Catalog): string {
  const words = (c: Constraint) => ("values" in c ? c.values.join(" or ") : "text" in c ? c.text : "");
  const parts: string[] = [];
  for (const c of preferences.positive.hard) {
    if ("values" in c) parts.push(`only ${words(c)}`);
    else if ("min" in c || "max" in c) {
      const unit = catalog.columns.get(c.attribute)?.spec.unit ?? "";
      const bound = (x: number) => `${Math.round(x)}${unit ? ` ${unit}` : ""}`;
      parts.push(c.max !== undefined ? `${c.attribute} under ${bound(c.max)}` : `${c.attribute} over ${bound(c.min!)}`);
    }
  }
  for (const c of preferences.negative.hard) parts.push(`no ${words(c)}`);
  for (const c of preferences.positive.soft) parts.push(`something ${words(c)}`);
  for (const c of preferences.negative.soft) parts.push(`less ${words(c)}`);
  return parts.join(", ");
}
