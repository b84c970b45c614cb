import type { Group } from "./categories.ts";
import type { Gender, Style } from "./vocabulary.ts";

export const TIERS = ["budget", "mid", "premium", "luxury"] as const;
export type Tier = (typeof TIERS)[number];

/** Price multiplier of a tier against the mid-tier median. */
export const TIER_PRICE: Record<Tier, number> = { budget: 0.55, mid: 1, premium: 1.85, luxury: 3.4 };

/** An invented label: a price tier, a style focus, and the departments and categories it sells. */
export interface BrandInfo {
  name: string;
  tier: Tier;
  styles: Style[];
  /** groups ("clothing") or category names ("coats") it sells */
  makes: (Group | string)[];
  genders: Gender[];
  /** relative size of its range */
  size: number;
}

const ANY: Gender[] = ["women", "men", "unisex"];
const WOMEN: Gender[] = ["women", "unisex"];
const MEN: Gender[] = ["men", "unisex"];

/** Invented brand names (not real labels), with their tier and style focus. */
export const BRANDS: readonly BrandInfo[] = [
  { name: "Nordvik", tier: "mid", styles: ["minimalist", "casual"], makes: ["clothing"], genders: ANY, size: 5 },
  { name: "Maison Aurelle", tier: "luxury", styles: ["elegant", "party"], makes: ["clothing", "shoes", "bags"], genders: WOMEN, size: 2 },
  { name: "Calder & Finch", tier: "premium", styles: ["office", "elegant"], makes: ["clothing", "shoes"], genders: ANY, size: 3 },
  { name: "Solenne", tier: "mid", styles: ["boho", "casual"], makes: ["clothing", "accessories", "sandals"], genders: WOMEN, size: 4 },
  { name: "Bramwell & Co", tier: "premium", styles: ["vintage", "outdoor"], makes: ["clothing", "boots", "belts"], genders: ANY, size: 2.5 },
  { name: "Ostra", tier: "budget", styles: ["casual", "streetwear"], makes: ["clothing", "sneakers", "hats"], genders: ANY, size: 7 },
  { name: "Fernhill", tier: "mid", styles: ["outdoor", "casual"], makes: ["clothing", "boots", "hats", "bags"], genders: ANY, size: 3 },
  { name: "Lumen Row", tier: "budget", styles: ["party", "casual"], makes: ["clothing", "shoes", "accessories"], genders: WOMEN, size: 6 },
  { name: "Halvard", tier: "premium", styles: ["minimalist", "office"], makes: ["clothing", "loafers", "belts"], genders: ANY, size: 2.5 },
  { name: "Juniper Lane", tier: "mid", styles: ["boho", "vintage"], makes: ["clothing", "accessories"], genders: WOMEN, size: 3 },
  { name: "Cobalt Street", tier: "budget", styles: ["streetwear", "sporty"], makes: ["clothing", "sneakers", "hats", "bags"], genders: ANY, size: 5 },
  { name: "Rue Odile", tier: "premium", styles: ["elegant", "vintage"], makes: ["clothing", "accessories", "heels"], genders: WOMEN, size: 2.5 },
  { name: "Sable & Stone", tier: "premium", styles: ["minimalist", "elegant"], makes: ["bags", "belts", "jewellery"], genders: ANY, size: 2 },
  { name: "Wrenfield", tier: "mid", styles: ["casual", "vintage"], makes: ["clothing", "boots"], genders: MEN, size: 3 },
  { name: "Tidewell", tier: "mid", styles: ["casual", "outdoor"], makes: ["shorts", "t-shirts", "shirts", "sandals", "hats", "jackets"], genders: ANY, size: 2.5 },
  { name: "Atelier Noor", tier: "luxury", styles: ["minimalist", "elegant"], makes: ["clothing", "bags", "heels"], genders: WOMEN, size: 1.5 },
  { name: "Kavala Studio", tier: "mid", styles: ["boho", "party"], makes: ["dresses", "skirts", "blouses", "jewellery", "sandals"], genders: WOMEN, size: 2.5 },
  { name: "Pellmoor", tier: "premium", styles: ["outdoor", "casual"], makes: ["coats", "jackets", "boots", "jumpers"], genders: ANY, size: 2 },
  { name: "Ardenne Knit", tier: "premium", styles: ["minimalist", "casual"], makes: ["jumpers", "cardigans", "scarves", "hats"], genders: ANY, size: 2 },
  { name: "Motto Basics", tier: "budget", styles: ["casual", "minimalist"], makes: ["t-shirts", "hoodies", "jumpers", "trousers", "shorts", "shirts", "jeans"], genders: ANY, size: 6 },
  { name: "Veloce Athletic", tier: "mid", styles: ["sporty", "streetwear"], makes: ["t-shirts", "hoodies", "shorts", "jackets", "sneakers", "bags", "hats"], genders: ANY, size: 4 },
  { name: "Greyhaven", tier: "mid", styles: ["office", "minimalist"], makes: ["clothing", "loafers", "belts"], genders: MEN, size: 3 },
  { name: "Marlowe & Reed", tier: "premium", styles: ["vintage", "office"], makes: ["shoes", "belts", "bags"], genders: ANY, size: 2.5 },
  { name: "Corso Nine", tier: "mid", styles: ["streetwear", "casual"], makes: ["sneakers", "hoodies", "t-shirts", "hats", "jackets", "jeans"], genders: ANY, size: 3 },
  { name: "Elsbeth", tier: "budget", styles: ["casual", "vintage"], makes: ["clothing"], genders: WOMEN, size: 5 },
  { name: "Brisa", tier: "budget", styles: ["boho", "casual"], makes: ["dresses", "skirts", "blouses", "sandals", "bags", "hats", "jewellery"], genders: WOMEN, size: 4 },
  { name: "Oaken Trail", tier: "mid", styles: ["outdoor", "casual"], makes: ["boots", "jackets", "coats", "hats", "trousers", "shorts", "sneakers"], genders: ANY, size: 3 },
  { name: "Lisette Aubry", tier: "premium", styles: ["elegant", "party"], makes: ["dresses", "heels", "bags", "blouses", "skirts", "jewellery"], genders: WOMEN, size: 2 },
  { name: "Fenna & Co", tier: "mid", styles: ["minimalist", "elegant"], makes: ["jewellery", "bags", "belts", "scarves"], genders: WOMEN, size: 3 },
  { name: "Goldthread", tier: "budget", styles: ["party", "boho"], makes: ["jewellery", "bags", "belts"], genders: WOMEN, size: 3 },
  { name: "Harrow Denim Co", tier: "mid", styles: ["casual", "vintage", "streetwear"], makes: ["jeans", "jackets", "shorts", "skirts", "shirts"], genders: ANY, size: 3 },
  { name: "Indigo Mill", tier: "budget", styles: ["casual"], makes: ["jeans", "t-shirts", "shorts", "shirts"], genders: ANY, size: 4 },
  { name: "Stride & Co", tier: "mid", styles: ["casual", "office"], makes: ["shoes"], genders: ANY, size: 4 },
  { name: "Pomme Rouge", tier: "budget", styles: ["party", "vintage"], makes: ["dresses", "skirts", "blouses", "heels", "jewellery"], genders: WOMEN, size: 3 },
  { name: "Vesper Row", tier: "premium", styles: ["party", "elegant"], makes: ["dresses", "skirts", "blouses", "blazers", "heels"], genders: WOMEN, size: 2 },
  { name: "Thornbury", tier: "premium", styles: ["office", "elegant"], makes: ["blazers", "coats", "shirts", "trousers", "loafers", "belts", "jumpers"], genders: MEN, size: 2 },
  { name: "Aerolight", tier: "mid", styles: ["sporty"], makes: ["sneakers", "t-shirts", "shorts", "hoodies", "jackets", "bags"], genders: ANY, size: 3 },
  { name: "Casa Mirelle", tier: "mid", styles: ["boho", "elegant"], makes: ["dresses", "skirts", "blouses", "sandals", "bags", "scarves", "hats"], genders: WOMEN, size: 2.5 },
  { name: "Ninefold", tier: "luxury", styles: ["streetwear", "minimalist"], makes: ["clothing", "sneakers", "bags"], genders: ANY, size: 1.5 },
  { name: "Quill & Ash", tier: "mid", styles: ["vintage", "minimalist"], makes: ["cardigans", "shirts", "trousers", "skirts", "scarves", "blouses"], genders: ANY, size: 2.5 },
  { name: "Saltmarsh", tier: "mid", styles: ["outdoor", "casual"], makes: ["coats", "jackets", "jumpers", "boots", "hats", "scarves"], genders: ANY, size: 2.5 },
  { name: "Ivo Marani", tier: "luxury", styles: ["elegant", "office"], makes: ["shoes", "bags", "belts", "blazers", "coats"], genders: ANY, size: 1.5 },
  { name: "Zuri & Wilde", tier: "budget", styles: ["streetwear", "party"], makes: ["clothing", "sneakers", "jewellery"], genders: WOMEN, size: 4 },
  { name: "Hollowell", tier: "mid", styles: ["casual", "minimalist"], makes: ["clothing", "shoes"], genders: ANY, size: 4 },
  { name: "Birchmoor", tier: "budget", styles: ["casual", "office"], makes: ["clothing", "shoes", "bags", "belts"], genders: ANY, size: 5 },
];
