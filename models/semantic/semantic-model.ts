import type { Catalog, CategoryColumn } from "../../catalog/catalog.ts";
import { unitVector } from "../linalg/dense.ts";
import type { SemanticModel } from "../model-types.ts";
import { PARAPHRASES } from "../paraphrase-lexicon.ts";
import { tokenize, valueKey, valueToken, words } from "../tokenizer.ts";
import type { SemanticArtifacts } from "./semantic-trainer.ts";
import { TypoIndex } from "./typo-index.ts";

/** How much a paraphrase counts against the word the user actually typed. */
const PARAPHRASE_WEIGHT = 0.5;
const TYPO_WEIGHT = 0.9;
/** Longest run of words tried as one attribute value ("science fiction film"). */
const MAX_VALUE_WORDS = 3;

/**
 * A SemanticModel over trained artefacts. Value vectors come from the mean of the items carrying the value,
 * summed per column in one pass: eagerly for closed vocabularies, on first use for open ones (tags).
 */
export class LsaSemanticModel implements SemanticModel {
  readonly dim: number;
  readonly items: Float32Array;
  private readonly tokenIndex = new Map<string, number>();
  /** valueKey → `attr=value` token ids carrying it, across attributes */
  private readonly valueTokens = new Map<string, number[]>();
  private readonly valueCache = new Map<string, Float32Array | null>();
  /** column name → per-code sum of item vectors (codes × dim) */
  private readonly valueSums = new Map<string, Float64Array>();
  private typos: TypoIndex | null = null;
  private typoWords: string[] = [];

  constructor(
    readonly artifacts: SemanticArtifacts,
    private readonly catalog: Catalog,
  ) {
    this.dim = artifacts.dim;
    this.items = artifacts.items;
    artifacts.vocabulary.forEach((token, id) => {
      this.tokenIndex.set(token, id);
      const eq = token.indexOf("=");
      if (eq < 0) return;
      const key = token.slice(eq + 1);
      const list = this.valueTokens.get(key);
      if (list) list.push(id);
      else this.valueTokens.set(key, [id]);
    });
    for (const column of catalog.columns.values()) if (column.kind === "category" && !column.spec.open) this.sumsOf(column);
  }

  embedText(text: string): Float32Array | null {
    const weights = new Map<number, number>();
    const add = (id: number | undefined, w: number) => {
      if (id !== undefined) weights.set(id, Math.max(weights.get(id) ?? 0, w));
    };
    const raw = words(text);
    this.addValueTokens(raw, add, 1);
    for (const word of raw) {
      const [token] = tokenize(word);
      if (token === undefined) continue;
      let known = this.tokenIndex.get(token);
      let paraphrases = PARAPHRASES[word] ?? PARAPHRASES[token];
      if (known === undefined && paraphrases === undefined) {
        const fixed = this.correct(token);
        if (fixed !== null) {
          known = this.tokenIndex.get(fixed);
          paraphrases = PARAPHRASES[fixed];
          add(known, TYPO_WEIGHT);
        }
      } else {
        add(known, 1);
      }
      for (const phrase of paraphrases ?? []) {
        this.addValueTokens(words(phrase), add, PARAPHRASE_WEIGHT);
        for (const t of tokenize(phrase)) add(this.tokenIndex.get(t), PARAPHRASE_WEIGHT);
      }
    }
    return this.combine(weights);
  }

  embedValue(attribute: string, value: string): Float32Array | null {
    const column = this.categoryColumn(attribute);
    if (!column) return null;
    const cacheKey = `${column.name}\u0000${valueKey(value)}`;
    if (this.valueCache.has(cacheKey)) return this.valueCache.get(cacheKey)!;
    const vector = this.computeValue(column, value);
    this.valueCache.set(cacheKey, vector);
    return vector;
  }

  private computeValue(column: CategoryColumn, value: string): Float32Array | null {
    const key = valueKey(value);
    const code = column.vocabulary.findIndex((v) => valueKey(v) === key);
    if (code < 0) return null;
    const fromItems = unitVector(this.sumsOf(column).subarray(code * this.dim, (code + 1) * this.dim));
    const tokenId = this.tokenIndex.get(valueToken(column.name, column.vocabulary[code]));
    const fromToken = tokenId !== undefined ? this.combine(new Map([[tokenId, 1]])) : this.embedText(column.vocabulary[code]);
    if (!fromItems || !fromToken) return fromItems ?? fromToken;
    return unitVector(fromItems.map((x, j) => x + fromToken[j]));
  }

  private sumsOf(column: CategoryColumn): Float64Array {
    let sums = this.valueSums.get(column.name);
    if (sums) return sums;
    const { dim, items } = this;
    sums = new Float64Array(column.vocabulary.length * dim);
    for (let i = 0; i < this.catalog.size; i++) {
      for (let p = column.offsets[i]; p < column.offsets[i + 1]; p++) {
        const base = column.codes[p] * dim;
        for (let j = 0; j < dim; j++) sums[base + j] += items[i * dim + j];
      }
    }
    this.valueSums.set(column.name, sums);
    return sums;
  }

  private categoryColumn(attribute: string): CategoryColumn | undefined {
    const exact = this.catalog.columns.get(attribute);
    const column = exact ?? [...this.catalog.columns.values()].find((c) => valueKey(c.name) === valueKey(attribute));
    return column?.kind === "category" ? column : undefined;
  }

  /** Runs of 1..3 words that spell an attribute value ("sci fi" → genre=scifi). */
  private addValueTokens(raw: string[], add: (id: number, w: number) => void, weight: number): void {
    for (let n = 1; n <= MAX_VALUE_WORDS; n++) {
      for (let i = 0; i + n <= raw.length; i++) {
        for (const id of this.valueTokens.get(raw.slice(i, i + n).join("")) ?? []) add(id, weight);
      }
    }
  }

  /** The nearest known word or lexicon entry to a misspelt token, or null. */
  private correct(token: string): string | null {
    if (token.length < 4) return null;
    if (!this.typos) {
      this.typoWords = [
        ...new Set([...this.artifacts.vocabulary.filter((t) => !t.includes("=")), ...Object.keys(PARAPHRASES)]),
      ];
      const df = (i: number) => this.tokenIndex.has(this.typoWords[i]) ? 1 / this.artifacts.idf[this.tokenIndex.get(this.typoWords[i])!] : 0;
      this.typos = new TypoIndex(this.typoWords, df);
    }
    const i = this.typos.nearest(token);
    return i < 0 ? null : this.typoWords[i];
  }

  private combine(weights: Map<number, number>): Float32Array | null {
    if (weights.size === 0) return null;
    const { dim } = this;
    const { tokenVectors, idf } = this.artifacts;
    const sum = new Float64Array(dim);
    for (const [id, w] of weights) {
      const scale = w * idf[id];
      for (let j = 0; j < dim; j++) sum[j] += scale * tokenVectors[id * dim + j];
    }
    return unitVector(sum);
  }
}
