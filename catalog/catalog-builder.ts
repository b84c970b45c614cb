import type { AttributeValue, CatalogSchema, ItemRecord } from "../schemas/catalog-schema.ts";
import type { Catalog, Column, Interactions, UserHistories } from "./catalog.ts";

interface CategoryDraft {
  kind: "category";
  vocabulary: string[];
  codeOf: Map<string, number>;
  offsets: number[];
  codes: number[];
}
interface NumberDraft {
  kind: "number";
  values: number[];
}

/** Why an item's attribute was refused; the importer adds file and line. */
export interface ItemProblem {
  field: string;
  reason: string;
}

export interface BuilderOptions {
  ref: string;
  name: string;
  schema: CatalogSchema;
  /** Which ratings count as positive; default: no rating, or a rating above 3. */
  isPositive?: (rating: number) => boolean;
}

const defaultPositive = (rating: number) => Number.isNaN(rating) || rating > 3;

/**
 * Collects items and interactions one at a time, checks each against the schema, and builds the
 * column-wise Catalog. Every importer and the demo generator go through it, so they agree on the rules.
 */
export class CatalogBuilder {
  private readonly ids: string[] = [];
  private readonly titles: string[] = [];
  private readonly descriptions: string[] = [];
  private readonly indexOf = new Map<string, number>();
  private readonly drafts = new Map<string, CategoryDraft | NumberDraft>();
  private readonly users: string[] = [];
  private readonly userIndex = new Map<string, number>();
  private readonly iUser: number[] = [];
  private readonly iItem: number[] = [];
  private readonly iRating: number[] = [];
  private readonly iTime: number[] = [];
  private readonly isPositive: (rating: number) => boolean;

  constructor(private readonly options: BuilderOptions) {
    this.isPositive = options.isPositive ?? defaultPositive;
    for (const [name, spec] of Object.entries(options.schema.attributes)) {
      this.drafts.set(
        name,
        spec.type === "number"
          ? { kind: "number", values: [] }
          : { kind: "category", vocabulary: [], codeOf: new Map(), offsets: [0], codes: [] },
      );
    }
  }

  get itemCount(): number {
    return this.ids.length;
  }

  hasItem(id: string): boolean {
    return this.indexOf.has(id);
  }

  /** Checks an item without adding it: the problems that would refuse it (empty when it is fine). */
  check(record: ItemRecord): ItemProblem[] {
    const problems: ItemProblem[] = [];
    if (this.indexOf.has(record.id)) problems.push({ field: "id", reason: `duplicate id "${record.id}"` });
    for (const [name, value] of Object.entries(record.attributes)) {
      const spec = this.options.schema.attributes[name];
      if (!spec) {
        problems.push({ field: `attributes.${name}`, reason: `attribute \`${name}\` is not in the catalog schema` });
      } else if (spec.type === "number") {
        if (typeof value !== "number" || !Number.isFinite(value))
          problems.push({ field: `attributes.${name}`, reason: `must be a number, got ${JSON.stringify(value)}` });
      } else if (typeof value === "number") {
        problems.push({ field: `attributes.${name}`, reason: `must be a string${spec.multi ? " or an array of strings" : ""}, got ${value}` });
      } else if (Array.isArray(value) && !spec.multi && new Set(value).size > 1) {
        problems.push({ field: `attributes.${name}`, reason: `is single-valued, got ${value.length} values` });
      }
    }
    return problems;
  }

  /** Adds an item, or returns the problems that refuse it (nothing is added then). */
  addItem(record: ItemRecord): ItemProblem[] {
    const problems = this.check(record);
    if (problems.length > 0) return problems;
    const index = this.ids.length;
    this.ids.push(record.id);
    this.titles.push(record.title);
    this.descriptions.push(record.description ?? "");
    this.indexOf.set(record.id, index);
    for (const [name, draft] of this.drafts) {
      const value: AttributeValue | undefined = record.attributes[name];
      if (draft.kind === "number") {
        draft.values.push(typeof value === "number" ? value : Number.NaN);
        continue;
      }
      const seen = new Set<number>();
      for (const raw of value === undefined ? [] : Array.isArray(value) ? value : [value as string]) {
        const v = raw.trim();
        if (v === "") continue;
        let code = draft.codeOf.get(v);
        if (code === undefined) {
          code = draft.vocabulary.length;
          draft.vocabulary.push(v);
          draft.codeOf.set(v, code);
        }
        if (!seen.has(code)) {
          seen.add(code);
          draft.codes.push(code);
        }
      }
      draft.offsets.push(draft.codes.length);
    }
    return [];
  }

  /** Records that a user interacted with an item; false when the item is unknown. */
  addInteraction(userId: string, itemId: string, rating = Number.NaN, timestamp = Number.NaN): boolean {
    const item = this.indexOf.get(itemId);
    if (item === undefined) return false;
    let user = this.userIndex.get(userId);
    if (user === undefined) {
      user = this.users.length;
      this.users.push(userId);
      this.userIndex.set(userId, user);
    }
    this.iUser.push(user);
    this.iItem.push(item);
    this.iRating.push(rating);
    this.iTime.push(timestamp);
    return true;
  }

  build(contentHash: string): Catalog {
    const size = this.ids.length;
    const columns = new Map<string, Column>();
    for (const [name, draft] of this.drafts) {
      const spec = this.options.schema.attributes[name];
      if (draft.kind === "number") {
        const values = Float64Array.from(draft.values);
        let min = Infinity;
        let max = -Infinity;
        let count = 0;
        for (const v of values) {
          if (Number.isNaN(v)) continue;
          count++;
          if (v < min) min = v;
          if (v > max) max = v;
        }
        columns.set(name, { kind: "number", name, spec, values, min: count ? min : Number.NaN, max: count ? max : Number.NaN, count });
      } else {
        const codes = Uint32Array.from(draft.codes);
        const counts = new Uint32Array(draft.vocabulary.length);
        for (const c of codes) counts[c]++;
        columns.set(name, {
          kind: "category", name, spec, vocabulary: draft.vocabulary, codeOf: draft.codeOf,
          offsets: Uint32Array.from(draft.offsets), codes, counts,
        });
      }
    }
    const interactions: Interactions = {
      users: this.users,
      userIndex: this.userIndex,
      user: Uint32Array.from(this.iUser),
      item: Uint32Array.from(this.iItem),
      rating: Float32Array.from(this.iRating),
      timestamp: Float64Array.from(this.iTime),
      positive: Uint8Array.from(this.iRating, (r) => (this.isPositive(r) ? 1 : 0)),
    };
    return {
      ref: this.options.ref, name: this.options.name, contentHash, schema: this.options.schema, size,
      ids: this.ids, titles: this.titles, descriptions: this.descriptions, indexOf: this.indexOf,
      columns, interactions, histories: buildHistories(interactions),
    };
  }
}

/** Positive items per user, ordered by timestamp (source order breaks ties), each item once. */
function buildHistories(x: Interactions): UserHistories {
  const userCount = x.users.length;
  const order = Array.from({ length: x.user.length }, (_, i) => i).filter((i) => x.positive[i] === 1);
  order.sort((a, b) => x.user[a] - x.user[b] || (x.timestamp[a] || 0) - (x.timestamp[b] || 0) || a - b);
  const offsets = new Uint32Array(userCount + 1);
  const items: number[] = [];
  let cursor = 0;
  for (let u = 0; u < userCount; u++) {
    offsets[u] = items.length;
    const seen = new Set<number>();
    while (cursor < order.length && x.user[order[cursor]] === u) {
      const it = x.item[order[cursor++]];
      if (!seen.has(it)) {
        seen.add(it);
        items.push(it);
      }
    }
  }
  offsets[userCount] = items.length;
  return { offsets, items: Uint32Array.from(items) };
}
