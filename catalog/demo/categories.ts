import type { Colour, Gender, Length, Material, Pattern, Season, Style } from "./vocabulary.ts";
import { CLOTHING } from "./categories-clothing.ts";
import { FOOTWEAR_AND_ACCESSORIES } from "./categories-accessories.ts";

export type Group = "clothing" | "shoes" | "accessories";

/** Everything the generator knows about one category: who wears it, what it is made of, what it costs. */
export interface CategoryInfo {
  /** the catalog's spelling (plural, as shoppers ask for them: "dresses", "jeans") */
  name: string;
  group: Group;
  /** relative share of the catalog */
  share: number;
  gender: Partial<Record<Gender, number>>;
  /** median price in EUR at a mid-tier brand */
  price: number;
  materials: Partial<Record<Material, number>>;
  /** absent: the attribute means nothing for this category (jewellery) and is left out */
  patterns?: Partial<Record<Pattern, number>>;
  /** absent: no `length` attribute */
  lengths?: Partial<Record<Length, number>>;
  /** length values printed in a title ("midi wrap dress"); others stay in the attributes only */
  titleLengths?: Length[];
  seasons: readonly Season[];
  styles: Partial<Record<Style, number>>;
  /** product nouns for titles, by material ("any" as fallback); `men` replaces them for menswear */
  types: Partial<Record<Material | "any", string[]>> & { any: string[] };
  menTypes?: string[];
  /** title adjectives ("ribbed", "relaxed") */
  details: string[];
  /** construction details for descriptions ("side pockets"), true of every product type */
  features: string[];
  /** details true of one product type only ("a kangaroo pocket" on a hoodie, not on a sweatshirt) */
  typeFeatures?: Record<string, string[]>;
  /** colour families replacing the clothing default (before the material's own) */
  colours?: Partial<Record<Colour, number>>;
}

export const CATEGORIES: readonly CategoryInfo[] = [...CLOTHING, ...FOOTWEAR_AND_ACCESSORIES];

export const CATEGORY_NAMES: readonly string[] = CATEGORIES.map((c) => c.name);
