import { itemRecord } from "../catalog/catalog.ts";
import type { FeedItem } from "../schemas/api.ts";
import type { ToolContext } from "../tools/tool-context.ts";

/**
 * Items for a search box: titles containing the query's words first (more words, then more popular), then
 * items whose text is semantically closest (the catalog's own embedding space), so a paraphrase still finds
 * something. One pass over the catalog: fine for lookups, not for the feed's hot path.
 */
export function searchItems(ctx: ToolContext, query: string, limit: number): FeedItem[] {
  const { catalog, models } = ctx;
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const vector = models.semantic.embedText(query);
  const { dim, items: rows } = models.semantic;
  const popularity = models.collaborative.popularity;
  const scored: { item: number; score: number }[] = [];
  for (let item = 0; item < catalog.size; item++) {
    const title = catalog.titles[item].toLowerCase();
    let hits = 0;
    for (const word of words) if (title.includes(word)) hits++;
    let similarity = 0;
    if (vector) for (let d = 0, base = item * dim; d < dim; d++) similarity += vector[d] * rows[base + d];
    const score = hits * 10 + similarity + 0.01 * popularity[item];
    if (hits > 0 || similarity > 0.2) scored.push({ item, score });
  }
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, limit).map(({ item, score }, position) => ({ ...itemRecord(catalog, item), position, score }));
}
