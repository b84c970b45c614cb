import type { Catalog } from "../../catalog/catalog.ts";
import { tokenize, valueToken } from "../tokenizer.ts";

/** Every item as a bag of vocabulary tokens (CSR over items), with the vocabulary's document frequencies. */
export interface ItemDocuments {
  vocabulary: string[];
  /** number of items containing each token */
  df: Uint32Array;
  offsets: Uint32Array;
  tokens: Uint32Array;
  /** weighted occurrences of each token in each item (title words weigh less) */
  counts: Float32Array;
}

/** Vocabulary cap: the most frequent tokens are kept when a catalog has more. */
export const MAX_VOCABULARY = 120_000;

/** Weighted counts are stored as fixed-point integers. */
const COUNT_SCALE = 256;

class GrowableU32 {
  data = new Uint32Array(1 << 16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * How much a title word counts when the item has other text: titles are short and often figurative
 * ("Dead Man Walking"), so descriptions and attribute values carry the meaning. Measured on MovieLens
 * (intent → genre/tag precision@20), 0.25–0.3 is clearly better than 1.
 */
export const TITLE_WEIGHT = 0.3;

/** The words an item is described by: its title, and the rest (description, values as `attr=value` and as words). */
export function itemText(catalog: Catalog, item: number, categoryColumns = categoryColumnsOf(catalog)) {
  const title = tokenize(catalog.titles[item]);
  const body: string[] = [];
  const description = catalog.descriptions[item];
  if (description) for (const t of tokenize(description)) body.push(t);
  for (const column of categoryColumns) {
    for (let p = column.offsets[item]; p < column.offsets[item + 1]; p++) {
      const value = column.vocabulary[column.codes[p]];
      if (!column.spec.open) body.push(valueToken(column.name, value));
      for (const t of tokenize(value)) body.push(t);
    }
  }
  return { title, body };
}

function categoryColumnsOf(catalog: Catalog) {
  return [...catalog.columns.values()].filter((c) => c.kind === "category");
}

/** Tokenizes every item once and keeps the `maxVocabulary` most frequent tokens. */
export function buildItemDocuments(
  catalog: Catalog,
  maxVocabulary = MAX_VOCABULARY,
  onItem?: (done: number) => void,
): ItemDocuments {
  const columns = categoryColumnsOf(catalog);
  const idOf = new Map<string, number>();
  const names: string[] = [];
  let dfRaw = new Uint32Array(1024);
  const offsets = new Uint32Array(catalog.size + 1);
  const flat = new GrowableU32();
  const counts = new GrowableU32();
  for (let i = 0; i < catalog.size; i++) {
    const bag = new Map<number, number>();
    const { title, body } = itemText(catalog, i, columns);
    const titleWeight = body.length > 0 ? TITLE_WEIGHT : 1;
    for (let k = 0; k < title.length + body.length; k++) {
      const token = k < title.length ? title[k] : body[k - title.length];
      const weight = k < title.length ? titleWeight : 1;
      let id = idOf.get(token);
      if (id === undefined) {
        id = names.length;
        idOf.set(token, id);
        names.push(token);
        if (id >= dfRaw.length) {
          const next = new Uint32Array(dfRaw.length * 2);
          next.set(dfRaw);
          dfRaw = next;
        }
      }
      bag.set(id, (bag.get(id) ?? 0) + weight);
    }
    for (const [id, n] of bag) {
      dfRaw[id]++;
      flat.push(id);
      counts.push(Math.round(n * COUNT_SCALE));
    }
    offsets[i + 1] = flat.length;
    if ((i & 4095) === 0) onItem?.(i);
  }
  let keep = names.map((_, id) => id);
  if (keep.length > maxVocabulary) {
    keep.sort((a, b) => dfRaw[b] - dfRaw[a] || a - b);
    keep = keep.slice(0, maxVocabulary).sort((a, b) => a - b);
  }
  const remap = new Int32Array(names.length).fill(-1);
  keep.forEach((old, id) => (remap[old] = id));
  const tokens = new Uint32Array(flat.length);
  const weights = new Float32Array(flat.length);
  const newOffsets = new Uint32Array(catalog.size + 1);
  let w = 0;
  for (let i = 0; i < catalog.size; i++) {
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const id = remap[flat.data[p]];
      if (id < 0) continue;
      tokens[w] = id;
      weights[w++] = counts.data[p] / COUNT_SCALE;
    }
    newOffsets[i + 1] = w;
  }
  return {
    vocabulary: keep.map((old) => names[old]),
    df: Uint32Array.from(keep, (old) => dfRaw[old]),
    offsets: newOffsets,
    tokens: tokens.slice(0, w),
    counts: weights.slice(0, w),
  };
}
