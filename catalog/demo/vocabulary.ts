/** The demo catalog's attribute vocabularies and the coherence rules that tie them together. */

export const GENDERS = ["women", "men", "unisex"] as const;
export type Gender = (typeof GENDERS)[number];

export const SEASONS = ["spring", "summer", "autumn", "winter"] as const;
export type Season = (typeof SEASONS)[number];

export const STYLES = [
  "casual", "office", "party", "sporty", "boho", "minimalist", "streetwear", "vintage", "elegant", "outdoor",
] as const;
export type Style = (typeof STYLES)[number];

export const LENGTHS = ["mini", "midi", "maxi", "cropped", "full-length", "short", "long"] as const;
export type Length = (typeof LENGTHS)[number];

export const PATTERNS = [
  "solid", "striped", "floral", "checked", "polka dot", "animal print", "camouflage", "graphic", "paisley",
  "houndstooth", "tie-dye", "colour-block",
] as const;
export type Pattern = (typeof PATTERNS)[number];

/** How a pattern reads in a title ("leopard-print"), one picked at random. */
export const PATTERN_WORDS: Record<Pattern, string[]> = {
  solid: [],
  striped: ["striped", "pinstripe", "Breton-stripe"],
  floral: ["floral", "ditsy floral", "rose-print"],
  checked: ["checked", "gingham", "tartan"],
  "polka dot": ["polka-dot", "spot-print"],
  "animal print": ["leopard-print", "zebra-print", "snake-effect"],
  camouflage: ["camo"],
  graphic: ["graphic", "slogan", "logo"],
  paisley: ["paisley"],
  houndstooth: ["houndstooth", "dogtooth"],
  "tie-dye": ["tie-dye"],
  "colour-block": ["colour-block"],
};

/** Styles a pattern pulls an item towards (camouflage reads streetwear or outdoor, florals boho). */
export const PATTERN_STYLES: Partial<Record<Pattern, Style[]>> = {
  floral: ["boho", "vintage"],
  paisley: ["boho", "vintage"],
  "tie-dye": ["boho", "casual"],
  "polka dot": ["vintage", "party"],
  "animal print": ["party", "vintage"],
  camouflage: ["streetwear", "outdoor"],
  graphic: ["streetwear", "casual"],
  houndstooth: ["office", "vintage"],
  "colour-block": ["sporty", "streetwear"],
};

export const COLOURS = [
  "black", "white", "cream", "beige", "brown", "grey", "navy", "blue", "green", "khaki", "red", "burgundy", "pink",
  "purple", "orange", "yellow", "silver", "gold", "multicolour",
] as const;
export type Colour = (typeof COLOURS)[number];

/** Shade names a shop prints after the title; the `colour` attribute is the family a shopper filters on. */
export const SHADES: Record<Colour, string[]> = {
  black: ["black", "jet black", "washed black"],
  white: ["white", "optic white", "off-white"],
  cream: ["cream", "ivory", "ecru", "oat"],
  beige: ["beige", "sand", "stone", "camel", "taupe"],
  brown: ["chocolate brown", "tan", "cognac", "mocha", "espresso"],
  grey: ["grey marl", "charcoal", "light grey", "slate"],
  navy: ["navy", "midnight navy", "ink blue"],
  blue: ["cobalt", "sky blue", "powder blue", "cornflower", "French blue"],
  green: ["forest green", "sage", "emerald", "bottle green", "mint"],
  khaki: ["khaki", "olive", "army green"],
  red: ["red", "cherry red", "tomato red", "scarlet"],
  burgundy: ["burgundy", "wine", "oxblood", "bordeaux"],
  pink: ["blush pink", "dusty pink", "hot pink", "rose", "pale pink"],
  purple: ["lilac", "lavender", "plum", "violet"],
  orange: ["rust", "burnt orange", "terracotta", "apricot"],
  yellow: ["mustard", "lemon", "butter yellow", "ochre"],
  silver: ["silver"],
  gold: ["gold"],
  multicolour: ["multi", "rainbow"],
};

/** How often each colour family appears on clothing, before category, material and season adjust it. */
export const COLOUR_WEIGHTS: Partial<Record<Colour, number>> = {
  black: 14, white: 9, cream: 5, beige: 6, brown: 5, grey: 7, navy: 7, blue: 6, green: 5, khaki: 4, red: 4,
  burgundy: 3, pink: 4, purple: 2, orange: 2, yellow: 2, multicolour: 0.5,
};

/** Seasonal palettes: darker, earthier colours in autumn/winter ranges, lighter and brighter ones in summer. */
export const SEASON_COLOUR_BOOST: Record<"cold" | "warm", Partial<Record<Colour, number>>> = {
  cold: { black: 1.3, grey: 1.4, navy: 1.3, brown: 1.5, burgundy: 1.8, green: 1.3, khaki: 1.3, beige: 1.2, yellow: 0.6, pink: 0.7, white: 0.6 },
  warm: { white: 1.6, cream: 1.4, blue: 1.4, pink: 1.3, yellow: 1.6, orange: 1.3, green: 1.1, burgundy: 0.5, brown: 0.6, grey: 0.7, black: 0.8 },
};

export const MATERIALS = [
  "cotton", "linen", "wool", "cashmere", "denim", "leather", "faux leather", "suede", "silk", "satin", "polyester",
  "nylon", "canvas", "viscose", "corduroy", "fleece", "mesh", "rubber", "straw", "sterling silver", "gold-plated",
  "stainless steel",
] as const;
export type Material = (typeof MATERIALS)[number];

export interface MaterialInfo {
  /** seasons the material can be worn in; an item's seasons are its category's seasons within these */
  seasons: readonly Season[];
  /** price multiplier against the category's typical material */
  price: number;
  /** how the material is named in a title; empty when the title does not name it */
  words: string[];
  /** "fine" materials show up more at premium brands, "cheap" ones at budget brands */
  grade?: "fine" | "cheap";
  /** patterns that make sense on it; absent = any */
  patterns?: readonly Pattern[];
  /** colour families, replacing the clothing default */
  colours?: Partial<Record<Colour, number>>;
  /** shade names, replacing the default for these families */
  shades?: Partial<Record<Colour, string[]>>;
}

const ALL: readonly Season[] = SEASONS;
const SMOOTH: readonly Pattern[] = ["solid", "animal print", "colour-block"];
const LEATHER_COLOURS: Partial<Record<Colour, number>> = {
  black: 10, brown: 8, beige: 3, burgundy: 2, white: 1.5, cream: 1, navy: 1, khaki: 1, red: 0.7, green: 0.5, silver: 0.3, gold: 0.3,
};
const METAL: Pick<MaterialInfo, "seasons" | "patterns"> = { seasons: ALL, patterns: ["solid"] };

export const MATERIAL_INFO: Record<Material, MaterialInfo> = {
  cotton: { seasons: ALL, price: 1, words: ["cotton", "organic cotton", "cotton"] },
  linen: { seasons: ["spring", "summer"], price: 1.15, words: ["linen", "linen-blend"] },
  wool: { seasons: ["autumn", "winter"], price: 1.3, words: ["wool", "merino", "lambswool", "wool-blend"] },
  cashmere: { seasons: ["autumn", "winter"], price: 2.6, words: ["cashmere"], grade: "fine", patterns: ["solid", "striped", "checked"] },
  denim: {
    seasons: ALL, price: 1, words: ["denim"], patterns: ["solid", "striped", "floral", "camouflage"],
    colours: { blue: 10, black: 4, grey: 1.5, white: 1.5, cream: 1 },
    shades: { blue: ["light wash", "mid blue", "dark indigo", "vintage wash", "stonewash"], black: ["washed black", "black"], grey: ["grey wash"], white: ["white", "ecru"] },
  },
  leather: { seasons: ALL, price: 1.7, words: ["leather", "leather"], grade: "fine", patterns: SMOOTH, colours: LEATHER_COLOURS },
  "faux leather": { seasons: ALL, price: 0.8, words: ["faux-leather", "vegan leather"], grade: "cheap", patterns: SMOOTH, colours: LEATHER_COLOURS },
  suede: { seasons: ["spring", "autumn", "winter"], price: 1.6, words: ["suede"], grade: "fine", patterns: ["solid", "animal print"],
    colours: { brown: 6, beige: 6, khaki: 2, black: 3, navy: 1.5, burgundy: 1.5, green: 1, grey: 1, pink: 0.5 } },
  silk: { seasons: ["spring", "summer", "autumn"], price: 2.1, words: ["silk", "washed silk"], grade: "fine" },
  satin: { seasons: ["spring", "summer", "autumn"], price: 1.2, words: ["satin"] },
  polyester: { seasons: ALL, price: 0.8, words: ["recycled"], grade: "cheap" },
  nylon: { seasons: ALL, price: 1, words: ["nylon", "ripstop"] },
  canvas: { seasons: ["spring", "summer", "autumn"], price: 0.85, words: ["canvas"] },
  viscose: { seasons: ["spring", "summer"], price: 0.9, words: ["viscose", "crinkle"], grade: "cheap" },
  corduroy: { seasons: ["spring", "autumn", "winter"], price: 1.05, words: ["corduroy", "cord"], patterns: ["solid", "checked"],
    colours: { brown: 5, beige: 4, khaki: 3, green: 3, navy: 2, burgundy: 2, cream: 2, black: 2, orange: 1.5, grey: 1 } },
  fleece: { seasons: ["autumn", "winter"], price: 0.9, words: ["fleece", "brushed fleece"], patterns: ["solid", "colour-block", "checked"] },
  mesh: { seasons: ["spring", "summer", "autumn"], price: 1, words: ["mesh", "knit"], patterns: ["solid", "colour-block"] },
  rubber: { seasons: ALL, price: 0.7, words: ["rubber"], patterns: ["solid"],
    colours: { black: 5, khaki: 4, navy: 2, green: 2, yellow: 1.5, red: 1, pink: 0.7 } },
  straw: { seasons: ["spring", "summer"], price: 0.9, words: ["straw", "woven straw", "raffia"], patterns: ["solid", "striped"],
    colours: { beige: 8, cream: 4, brown: 2, black: 1, multicolour: 0.5 } },
  "sterling silver": { ...METAL, price: 1.3, words: ["sterling silver"], colours: { silver: 1 } },
  "gold-plated": { ...METAL, price: 1, words: ["gold-plated", "18k gold-plated"], colours: { gold: 1 } },
  "stainless steel": { ...METAL, price: 0.7, words: ["stainless steel"], colours: { silver: 3, gold: 1, black: 0.5 } },
};

/** The season a timestamp falls in (northern hemisphere, meteorological seasons). */
export function seasonOfMonth(month: number): Season {
  if (month >= 2 && month <= 4) return "spring";
  if (month >= 5 && month <= 7) return "summer";
  if (month >= 8 && month <= 10) return "autumn";
  return "winter";
}
