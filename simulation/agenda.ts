import type { Catalog } from "../catalog/catalog.ts";
import type { Intent } from "../schemas/simulated-session.ts";
import { closedCategories, hasValue, type TargetFacts } from "./target-facts.ts";
import { widenedRange } from "./widen-range.ts";

/** One thing the user means to say; a range can be restated wider when the catalog has too few matches. */
export interface AgendaItem {
  intent: Intent;
  widen?: (slack: number) => Intent | null;
}

/** Values held by more than this share of the catalog say too little to be worth stating ("solid", "spring"). */
const COMMON_SHARE = 0.5;
/** Attribute values a user would name as dislikes are drawn from the most common ones of the attribute. */
const AVOID_POOL = 8;

/**
 * The user's agenda for one target, in the order it will be told: what it is (values of the target, hard or soft),
 * widened numeric limits, a taste in words, and a dislike or two the target does not have. Seeded by `random`.
 */
export function buildAgenda(catalog: Catalog, facts: TargetFacts, random: () => number, pHard = 0.5): AgendaItem[] {
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const weighted: { item: AgendaItem; order: number }[] = [];
  const add = (item: AgendaItem, bias: number) => weighted.push({ item, order: bias + random() * 0.6 });

  facts.categories.forEach(({ column, values }, rank) => {
    const informative = values.filter((v) => column.counts[column.codeOf.get(v)!] / catalog.size <= COMMON_SHARE);
    if (informative.length === 0) return;
    const strength = random() < pHard ? "hard" : "soft";
    add({ intent: { kind: "want", strength, attribute: column.name, values: [pick(informative)] } }, rank * 0.05);
  });
  for (const { column, value } of facts.numbers) {
    const draw = (slack: number): Intent | null => {
      const range = widenedRange(column, value, random, slack);
      return range && { kind: "range", strength: "hard", attribute: column.name, ...range };
    };
    const first = draw(0);
    if (first) add({ intent: first, widen: draw }, 0.3);
  }
  const tags = facts.tags.filter((t) => /^[a-z][a-z -]{2,30}$/.test(t));
  if (tags.length > 0) add({ intent: { kind: "text", strength: "soft", text: pick(tags) } }, 0.5);

  const avoidable = closedCategories(catalog).flatMap((column) => {
    const common = [...column.vocabulary.keys()].sort((a, b) => column.counts[b] - column.counts[a] || a - b).slice(0, AVOID_POOL);
    return common
      .filter((code) => !hasValue(column, facts.item, column.vocabulary[code]) && column.counts[code] / catalog.size <= COMMON_SHARE)
      .map((code) => ({ attribute: column.name, value: column.vocabulary[code] }));
  });
  const avoids = 1 + Math.floor(random() * 2);
  for (let n = 0; n < avoids && avoidable.length > 0; n++) {
    const { attribute, value } = avoidable.splice(Math.floor(random() * avoidable.length), 1)[0];
    const strength = random() < pHard ? "hard" : "soft";
    add({ intent: { kind: "avoid", strength, attribute, values: [value] } }, 0.6);
  }
  return weighted.sort((a, b) => a.order - b.order).map((w) => w.item);
}
