import { BRANDS, TIERS } from "./brands.ts";
import { CATEGORIES } from "./categories.ts";
import { DEPARTMENTS, type ItemIndex } from "./item-index.ts";
import { styleMask } from "./item-table.ts";
import { WeightedTable, type Rng } from "./prng.ts";
import { COLOURS, STYLES, type Colour, type Style } from "./vocabulary.ts";

export type PriceSensitivity = "budget" | "mid" | "premium";

/** A simulated shopper's latent taste; interactions are sampled from it. */
export interface Taste {
  /** index into DEPARTMENTS */
  department: number;
  styles: Style[];
  /** bit i set: STYLES[i] is one of theirs */
  styleMask: number;
  /** bit i set: COLOURS[i] is in their palette */
  palette: number;
  price: PriceSensitivity;
  /** log-preference per TIERS entry */
  tierFit: number[];
  lovedBrands: number[];
  /** (category, style) pairs they shop, weighted by affinity */
  clusters: WeightedTable<readonly [category: number, style: number]>;
}

const PALETTES: Colour[][] = [
  ["black", "white", "grey", "beige", "navy", "cream"],
  ["brown", "beige", "khaki", "green", "cream", "orange"],
  ["red", "pink", "yellow", "blue", "orange", "multicolour"],
  ["black", "navy", "burgundy", "grey", "green"],
  ["pink", "purple", "blue", "cream", "white"],
  ["black", "white", "grey", "silver"],
];

const STYLE_POPULARITY: Record<Style, number> = {
  casual: 6, minimalist: 3, office: 3, streetwear: 2.5, elegant: 2.5, sporty: 2, boho: 2, vintage: 2, party: 2, outdoor: 1.5,
};

const TIER_FIT: Record<PriceSensitivity, number[]> = {
  budget: [1, 0.45, 0.08, 0.02],
  mid: [0.5, 1, 0.45, 0.1],
  premium: [0.12, 0.5, 1, 0.7],
};

const colourBit = (c: Colour) => 1 << COLOURS.indexOf(c);

/** Draws a shopper: department, 1–3 styles, palette, price sensitivity, category affinities, a loved brand or two. */
export function generateTaste(rng: Rng, index: ItemIndex): Taste {
  const department = rng.chance(0.62) ? 0 : 1;
  const styleCount = rng.chance(0.35) ? 1 : rng.chance(0.7) ? 2 : 3;
  const styles = rng.weightedDistinct(STYLE_POPULARITY, styleCount);
  let palette = 0;
  for (const c of rng.pick(PALETTES)) palette |= colourBit(c);
  if (rng.chance(0.4)) for (const c of rng.pick(PALETTES)) palette |= colourBit(c);
  palette |= colourBit(rng.chance(0.5) ? "silver" : "gold");
  const price = rng.weighted<PriceSensitivity>({ budget: 4, mid: 5, premium: 2 });
  const tierFit = TIER_FIT[price].map(Math.log);

  const gender = DEPARTMENTS[department];
  const passions = new Set([rng.int(CATEGORIES.length), rng.int(CATEGORIES.length)]);
  const styleCodes = styles.map((s) => STYLES.indexOf(s));
  const entries: [readonly [number, number], number][] = [];
  for (let c = 0; c < CATEGORIES.length; c++) {
    const category = CATEGORIES[c];
    if ((category.gender[gender] ?? 0) + (category.gender.unisex ?? 0) === 0) continue;
    const affinity = category.share * Math.exp(0.8 * rng.normal()) * (passions.has(c) ? 4 : 1);
    for (let rank = 0; rank < styleCodes.length; rank++) {
      // the first style is the main one; a style weighs by how much of the category carries it
      const weight = affinity * (rank === 0 ? 2 : 1) * index.styleShare(department, c, styleCodes[rank]);
      if (weight > 0) entries.push([[c, styleCodes[rank]], weight]);
    }
  }

  const brandWeights: Record<string, number> = {};
  BRANDS.forEach((brand, b) => {
    if (!brand.genders.includes(gender)) return;
    const overlap = brand.styles.filter((s) => styles.includes(s)).length;
    brandWeights[b] = brand.size * Math.exp(tierFit[TIERS.indexOf(brand.tier)]) * (1 + 3 * overlap);
  });
  const lovedBrands = rng.weightedDistinct(brandWeights, rng.chance(0.6) ? 1 : 2).map(Number);

  return { department, styles, styleMask: styleMask(styles), palette, price, tierFit, lovedBrands, clusters: new WeightedTable(entries) };
}
