import { BRANDS, TIER_PRICE, TIERS, type BrandInfo, type Tier } from "./brands.ts";
import { CATEGORIES, type CategoryInfo } from "./categories.ts";
import type { ItemTable } from "./item-table.ts";
import { packTraits, seasonMask, styleMask } from "./item-table.ts";
import { WeightedTable, type Rng } from "./prng.ts";
import {
  COLOUR_WEIGHTS, COLOURS, GENDERS, MATERIAL_INFO, PATTERN_STYLES, PATTERN_WORDS, SEASON_COLOUR_BOOST, SHADES,
  STYLES, type Colour, type Gender, type Length, type Material, type Pattern, type Season, type Style,
} from "./vocabulary.ts";

/** One generated product, before it is written into the catalog. */
export interface DemoItem {
  category: CategoryInfo;
  gender: Gender;
  brand: BrandInfo;
  material: Material;
  /** product noun for the title ("wrap dress") */
  type: string;
  detail?: string;
  pattern?: Pattern;
  patternWord?: string;
  colour: Colour;
  shade: string;
  length?: Length;
  seasons: Season[];
  styles: Style[];
  price: number;
  /** absent while nobody has rated it */
  rating?: number;
  reviews: number;
  appeal: number;
  quality: number;
}

const GRADE_BY_TIER: Record<"fine" | "cheap", Record<Tier, number>> = {
  fine: { budget: 0.25, mid: 1, premium: 2, luxury: 3 },
  cheap: { budget: 2.2, mid: 1, premium: 0.4, luxury: 0.15 },
};

/** Shop-style price endings: 7.99, 24.99, 27.95, 129.99, 74.95, 349.00. */
export function shopPrice(raw: number, rng: Rng): number {
  let p: number;
  if (raw < 10) p = Math.max(3, Math.floor(raw)) + 0.99;
  else if (raw < 50) p = rng.chance(0.75) ? Math.round(raw / 5) * 5 - 0.01 : Math.floor(raw) + 0.95;
  else if (raw < 200) p = rng.chance(0.7) ? Math.round(raw / 10) * 10 - 0.01 : Math.round(raw / 5) * 5 - 0.05;
  else if (raw < 1000) p = Math.round(raw / 10) * 10 - (rng.chance(0.5) ? 0 : 0.05);
  else p = Math.round(raw / 50) * 50;
  return Math.round(p * 100) / 100;
}

/** Draws coherent items: category → gender → brand → material → seasons, pattern, colour, styles, price, popularity. */
export class ItemGenerator {
  private readonly categories = WeightedTable.of(Object.fromEntries(CATEGORIES.map((c, i) => [i, c.share])));
  private readonly cache = new Map<string, WeightedTable<string>>();
  /** per category: weighted mean of its materials' price factors, so `price` stays the category median */
  private readonly materialNorm = CATEGORIES.map((c) => {
    let sum = 0;
    let weight = 0;
    for (const [m, w] of Object.entries(c.materials) as [Material, number][]) {
      sum += w * MATERIAL_INFO[m].price;
      weight += w;
    }
    return sum / weight;
  });
  private readonly styleChoices = new Map<string, StyleChoice>();
  /** a brand's own price positioning within its tier, fixed per brand */
  private readonly brandPrice: number[];

  constructor(private readonly rng: Rng) {
    this.brandPrice = BRANDS.map(() => Math.exp(0.12 * rng.normal()));
  }

  next(index: number, table: ItemTable): DemoItem {
    const rng = this.rng;
    const c = Number(this.categories.draw(rng));
    const category = CATEGORIES[c];
    const gender = this.table(`g${c}`, () => category.gender).draw(rng) as Gender;
    const b = Number(this.table(`b${c}${gender}`, () => this.brandWeights(category, gender)).draw(rng));
    const brand = BRANDS[b];
    const material = this.table(`m${c}${brand.tier}`, () => this.materialWeights(category, brand.tier)).draw(rng) as Material;
    const info = MATERIAL_INFO[material];
    let seasons = category.seasons.filter((s) => info.seasons.includes(s));
    if (seasons.length === 0) seasons = [...info.seasons];

    let pattern: Pattern | undefined;
    if (category.patterns) {
      pattern = this.table(`p${c}${material}`, () => patternWeights(category, material)).draw(rng) as Pattern;
    }
    const warmth = seasons.includes("winter") && !seasons.includes("summer") ? "cold" : seasons.includes("summer") && !seasons.includes("winter") ? "warm" : "";
    const colour: Colour = pattern === "tie-dye" ? "multicolour"
      : (this.table(`c${c}${material}${warmth}`, () => colourWeights(category, material, warmth)).draw(rng) as Colour);
    const shade = rng.pick(info.shades?.[colour] ?? SHADES[colour]);

    const length = category.lengths ? (this.table(`l${c}`, () => category.lengths!).draw(rng) as Length) : undefined;
    const types = category.types[material] ?? (gender === "men" ? category.menTypes : undefined) ?? category.types.any;
    const type = rng.pick(types);
    const detailPick = rng.chance(0.6) ? rng.pick(category.details) : undefined;
    const detail = detailPick && !type.includes(detailPick) ? detailPick : undefined;
    const styles = this.styles(c, b, pattern);

    const median = category.price * TIER_PRICE[brand.tier] * this.brandPrice[b] * (info.price / this.materialNorm[c]);
    const price = shopPrice(median * Math.exp(0.25 * rng.normal()), rng);

    // Popularity is Zipf-like (Pareto tail); quality lifts it, and drives the stars buyers give.
    const quality = rng.normal();
    const appeal = Math.min(500, Math.pow(1 - rng.next(), -1 / 1.2)) * Math.exp(0.45 * quality);
    const reviews = Math.max(0, Math.floor(appeal * 5 * Math.exp(0.6 * rng.normal()) - 2));
    const rating = reviews === 0 ? undefined
      : Math.min(5, Math.max(1, Math.round((4.2 + 0.3 * quality + (0.9 * rng.normal()) / Math.sqrt(reviews)) * 10) / 10));

    table.category[index] = c;
    table.gender[index] = GENDERS.indexOf(gender);
    table.brand[index] = b;
    table.styles[index] = styleMask(styles);
    table.traits[index] = packTraits({
      seasons: seasonMask(seasons), styles: table.styles[index], tier: TIERS.indexOf(brand.tier), colour: COLOURS.indexOf(colour), brand: b,
    });
    table.appeal[index] = appeal;
    table.quality[index] = quality;

    const patternWord = pattern && pattern !== "solid" ? rng.pick(PATTERN_WORDS[pattern]) : undefined;
    return {
      category, gender, brand, material, type, detail, pattern, patternWord, colour, shade, length, seasons, styles,
      price, rating, reviews, appeal, quality,
    };
  }

  /** 1–3 styles: mostly the brand's focus (where it fits the category), nudged by the pattern. */
  private styles(c: number, b: number, pattern: Pattern | undefined): Style[] {
    const rng = this.rng;
    const key = `${c}|${b}|${pattern ?? ""}`;
    let choice = this.styleChoices.get(key);
    if (!choice) {
      choice = styleChoice(CATEGORIES[c], BRANDS[b], pattern);
      this.styleChoices.set(key, choice);
    }
    const first = choice.fitting.length > 0 && rng.chance(0.7) ? rng.pick(choice.fitting) : choice.first.draw(rng);
    const count = rng.chance(0.4) ? 1 : rng.chance(0.75) ? 2 : 3;
    if (count === 1) return [first];
    const weights = choice.others.slice();
    weights[STYLES.indexOf(first)] = 0;
    return [first, ...rng.distinct(STYLES, weights, count - 1)];
  }

  private brandWeights(category: CategoryInfo, gender: Gender): Record<string, number> {
    const weights: Record<string, number> = {};
    BRANDS.forEach((brand, i) => {
      const sells = brand.makes.includes(category.name) || brand.makes.includes(category.group);
      if (sells && brand.genders.includes(gender)) weights[i] = brand.size;
    });
    if (Object.keys(weights).length === 0) throw new Error(`no demo brand sells ${gender} ${category.name}`);
    return weights;
  }

  private materialWeights(category: CategoryInfo, tier: Tier): Record<string, number> {
    const weights: Record<string, number> = {};
    for (const [m, w] of Object.entries(category.materials) as [Material, number][]) {
      const grade = MATERIAL_INFO[m].grade;
      weights[m] = w * (grade ? GRADE_BY_TIER[grade][tier] : 1);
    }
    return weights;
  }

  private table(key: string, weights: () => Readonly<Partial<Record<string, number>>>): WeightedTable<string> {
    let table = this.cache.get(key);
    if (!table) {
      table = WeightedTable.of(weights());
      this.cache.set(key, table);
    }
    return table;
  }
}

interface StyleChoice {
  /** the brand's styles that suit the category */
  fitting: Style[];
  first: WeightedTable<Style>;
  /** weights of further styles, in STYLES order */
  others: number[];
}

function styleChoice(category: CategoryInfo, brand: BrandInfo, pattern: Pattern | undefined): StyleChoice {
  const fitting = brand.styles.filter((s) => (category.styles[s] ?? 0) > 0);
  const nudged = pattern ? (PATTERN_STYLES[pattern] ?? []) : [];
  const others = STYLES.map((s) => {
    let w = category.styles[s] ?? 0;
    if (nudged.includes(s)) w = (w || 0.3) * 3;
    return fitting.includes(s) ? w * 2 : w;
  });
  return { fitting, first: WeightedTable.of(category.styles), others };
}

function patternWeights(category: CategoryInfo, material: Material): Partial<Record<Pattern, number>> {
  const allowed = MATERIAL_INFO[material].patterns;
  const weights: Partial<Record<Pattern, number>> = {};
  for (const [p, w] of Object.entries(category.patterns ?? {}) as [Pattern, number][]) {
    if (!allowed || allowed.includes(p)) weights[p] = w;
  }
  if (Object.keys(weights).length === 0) weights.solid = 1;
  return weights;
}

function colourWeights(category: CategoryInfo, material: Material, warmth: "cold" | "warm" | ""): Partial<Record<Colour, number>> {
  const base = MATERIAL_INFO[material].colours ?? category.colours ?? COLOUR_WEIGHTS;
  const boost = warmth ? SEASON_COLOUR_BOOST[warmth] : {};
  const weights: Partial<Record<Colour, number>> = {};
  for (const [colour, w] of Object.entries(base) as [Colour, number][]) weights[colour] = w * (boost[colour] ?? 1);
  return weights;
}
