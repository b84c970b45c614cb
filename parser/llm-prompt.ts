import { categoryValues, type Catalog } from "../catalog/catalog.ts";
import type { ToolContext } from "../tools/tool-context.ts";
import type { ParseInput } from "./parser-state.ts";

/** Token budget: a vocabulary longer than `vocabulary` is cut to its most frequent values; the feed to `feedItems`. */
export const PROMPT_LIMITS = { vocabulary: 40, openExamples: 12, feedItems: 20, valuesPerItem: 4, titleChars: 80 };

/** The two messages sent to the model: the stable part (rules + catalog, cacheable) and the turn. */
export interface ParserPrompt {
  system: string;
  user: string;
}

const RULES = `You update a recommender's preference memory from one user command.
Return the COMPLETE new memory P_{t+1} (old memory with the command applied), as JSON:
{"positive":{"hard":[...],"soft":[...]},"negative":{"hard":[...],"soft":[...]}}
A constraint is one of:
- categorical {"attribute":"genre","values":["Comedy"]}: values copied exactly from the catalog vocabulary below
- numeric range {"attribute":"year","min":1990,"max":1999}: inclusive; omit an unbounded side
- free text {"attribute":"text","text":"time travel"}: an intent no attribute expresses exactly
- item reference {"attribute":"item","values":["<id>"]}: "like this one", ids from the feed
Buckets: positive.hard = every item must satisfy; positive.soft = rank higher; negative.hard = no item may have; negative.soft = rank lower.
Strength comes from the words: only/must/no/never/without/exclude/anything but → hard; more/less/prefer/rather/a bit/not so much/in the mood for → soft. A bare request ("comedies please") is soft. Numeric limits (under, before, after, between, from the 90s) are hard; a hedged number ("around 200") is a hard range of about ±15%.
Consolidation: a command that adds nothing ("ok", "show me more") keeps the memory unchanged. Same attribute and bucket: unite values, newer numeric bounds replace older ones. A contradicting new constraint wins and the old one is removed from its bucket ("no more comedies" moves Comedy from positive to negative). "forget X"/"start over"/"reset" remove constraints. One value of one attribute lives in at most one bucket.
Use only the attributes listed below (plus "text" and "item"); for an open tag attribute, prefer a "text" constraint unless the user names a listed tag.`;

/** The prompt for one turn; the same input always gives the same text. */
export function buildParserPrompt(input: ParseInput, ctx: ToolContext): ParserPrompt {
  return {
    system: `${RULES}\n\n${describeCatalog(ctx.catalog)}`,
    user: [
      `Feed (what the user sees, top first):\n${describeFeed(input.feed, ctx.catalog)}`,
      `Memory P_t:\n${JSON.stringify(input.memory)}`,
      `Command: ${JSON.stringify(input.command)}`,
    ].join("\n\n"),
  };
}

const described = new WeakMap<Catalog, string>();

/** The catalog's attributes with type, unit, synonyms, vocabulary (most frequent first) or range; cached per catalog. */
export function describeCatalog(catalog: Catalog): string {
  const cached = described.get(catalog);
  if (cached !== undefined) return cached;
  const lines = [`Catalog "${catalog.name}" (${catalog.size} items). Attributes:`];
  for (const column of catalog.columns.values()) {
    const { spec } = column;
    const also = spec.synonyms?.length ? `; also called ${spec.synonyms.join(", ")}` : "";
    if (column.kind === "number") {
      const unit = spec.unit ? ` ${spec.unit}` : "";
      const range = column.count ? `; range ${round(column.min)}–${round(column.max)}${unit}` : "; no values";
      lines.push(`- ${column.name}: number${range}${also}`);
      continue;
    }
    const byFrequency = Array.from(column.counts.keys()).sort(
      (a, b) => column.counts[b] - column.counts[a] || (column.vocabulary[a] < column.vocabulary[b] ? -1 : 1),
    );
    const multi = spec.multi ? ", multi-valued" : "";
    if (spec.open) {
      const examples = byFrequency.slice(0, PROMPT_LIMITS.openExamples).map((c) => column.vocabulary[c]);
      lines.push(`- ${column.name}: open tags${multi} (${column.vocabulary.length} values, matched by meaning); e.g. ${examples.join(", ")}${also}`);
      continue;
    }
    const shown = byFrequency.slice(0, PROMPT_LIMITS.vocabulary).map((c) => column.vocabulary[c]);
    const more = column.vocabulary.length > shown.length ? ` … (${column.vocabulary.length - shown.length} rarer values)` : "";
    lines.push(`- ${column.name}: category${multi}; values ${shown.join(", ")}${more}${also}`);
  }
  const text = lines.join("\n");
  described.set(catalog, text);
  return text;
}

/** One line per feed item: id, title and its closed attributes (open tags and descriptions left out). */
export function describeFeed(feed: string[], catalog: Catalog): string {
  const lines: string[] = [];
  feed.slice(0, PROMPT_LIMITS.feedItems).forEach((id, position) => {
    const item = catalog.indexOf.get(id);
    if (item === undefined) return;
    const parts: string[] = [];
    for (const column of catalog.columns.values()) {
      if (column.kind === "number") {
        const v = column.values[item];
        if (!Number.isNaN(v)) parts.push(`${column.name}=${round(v)}`);
      } else if (!column.spec.open) {
        const values = categoryValues(column, item).slice(0, PROMPT_LIMITS.valuesPerItem);
        if (values.length) parts.push(`${column.name}=${values.join("|")}`);
      }
    }
    // numbered by feed position, so "the second one" means what the user sees second
    lines.push(`${position + 1}. [${id}] ${clip(catalog.titles[item])}${parts.length ? ` — ${parts.join("; ")}` : ""}`);
  });
  if (feed.length > PROMPT_LIMITS.feedItems) lines.push(`(${feed.length - PROMPT_LIMITS.feedItems} more not shown)`);
  return lines.length ? lines.join("\n") : "(empty)";
}

function clip(title: string): string {
  return title.length > PROMPT_LIMITS.titleChars ? `${title.slice(0, PROMPT_LIMITS.titleChars - 1)}…` : title;
}

function round(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100);
}
