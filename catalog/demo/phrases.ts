import type { DemoItem } from "./item-generator.ts";
import type { Material, Pattern, Style } from "./vocabulary.ts";

/** How a title's fabric word reads in a sentence ("merino" → "merino wool"). */
export const FABRIC_NOUNS: Record<string, string> = {
  merino: "merino wool", "wool-blend": "wool blend", "linen-blend": "linen blend", recycled: "recycled polyester",
  "faux-leather": "faux leather", cord: "corduroy", knit: "engineered knit", ripstop: "ripstop nylon",
  crinkle: "crinkle viscose", "gold-plated": "gold-plated brass", "18k gold-plated": "18k gold-plated brass",
};

/** Adjectives true of the material whatever the season (warmth words live in MATERIAL_SENTENCES). */
export const MATERIAL_ADJECTIVES: Record<Material, string[]> = {
  cotton: ["soft", "midweight", "pure"], linen: ["breathable", "washed", "airy"], wool: ["soft", "brushed", "fine"],
  cashmere: ["pure", "soft", "luxurious"], denim: ["classic", "stretch", "soft"], leather: ["smooth", "supple", "full-grain"],
  "faux leather": ["soft", "smooth"], suede: ["soft", "velvety"], silk: ["fluid", "lustrous"], satin: ["glossy", "fluid"],
  polyester: ["easy-care", "lightweight"], nylon: ["lightweight", "technical"], canvas: ["sturdy", "washed"],
  viscose: ["fluid", "lightweight"], corduroy: ["soft", "fine-wale"], fleece: ["cozy", "soft"], mesh: ["breathable", "lightweight"],
  rubber: ["waterproof", "natural"], straw: ["natural", "hand-woven"], "sterling silver": ["solid", "recycled"],
  "gold-plated": ["nickel-free", "recycled"], "stainless steel": ["brushed", "hypoallergenic"],
};

type Sentences = (item: DemoItem) => string[];
const has = (item: DemoItem, season: string) => item.seasons.includes(season as never);
const outerwear = (item: DemoItem) => ["coats", "jackets"].includes(item.category.name);

/** What the material does for the wearer, said only when it is true of this item. */
export const MATERIAL_SENTENCES: Record<Material, Sentences> = {
  wool: () => ["Warm and cozy without the bulk, made for cold mornings.", "Soft, warm and easy to layer on chilly days.", "Naturally insulating, so it keeps you warm through autumn and winter."],
  cashmere: () => ["Incredibly soft and warm, a cozy layer for cold days.", "Lightweight warmth you can wear all winter long."],
  cotton: (item) => has(item, "summer")
    ? ["Breathable cotton that stays comfortable on warm days.", "Soft and breathable for everyday wear."]
    : ["Soft cotton that layers easily when the weather turns cooler.", "Comfortable cotton for everyday wear."],
  linen: () => ["Breathable and lightweight, it keeps you cool on hot days.", "Light, airy linen that gets softer with every wash."],
  denim: () => ["Sturdy denim with a touch of stretch for all-day comfort.", "Denim that softens and fades beautifully with wear."],
  leather: (item) => ["Supple leather that softens and gets better with wear.", "Made from leather that ages beautifully."]
    .concat(item.category.group === "shoes" ? ["Built to last season after season."] : []),
  "faux leather": () => ["A soft vegan alternative to leather that wipes clean easily.", "All the look of leather, made without animal materials."],
  suede: () => ["Soft suede with a rich, velvety finish.", "Velvety suede that adds texture to any outfit."],
  silk: () => ["Silk drapes beautifully and feels cool against the skin.", "A fluid drape with a subtle sheen."],
  satin: () => ["A glossy satin finish that catches the light.", "A fluid drape with a subtle sheen."],
  polyester: (item) => outerwear(item) && has(item, "winter")
    ? ["Warm padding and a water-resistant shell for wet winter days.", "Water-resistant and warmly padded against the cold."]
    : ["Easy-care fabric that resists creases, great for travel.", "Lightweight, quick-drying and easy to care for."],
  nylon: (item) => outerwear(item) || item.category.group === "accessories"
    ? ["Water-resistant and lightweight, it packs down small.", "A water-resistant shell that shrugs off light rain."]
    : ["Lightweight and quick-drying.", "Light, quick-drying fabric for active days."],
  canvas: () => ["Hard-wearing canvas that's easy to care for.", "Sturdy canvas made for everyday use."],
  viscose: () => ["Light, fluid and comfortable on warm days.", "A lightweight fabric that drapes and breathes."],
  corduroy: () => ["Soft corduroy with a cozy, textured feel.", "Fine-wale cord that feels soft from the first wear."],
  fleece: () => ["Cozy brushed fleece for chilly evenings.", "Warm, soft and cozy."],
  mesh: () => ["A breathable upper keeps feet cool.", "Lightweight and breathable for all-day wear."],
  rubber: (item) => item.category.name === "boots"
    ? ["Fully waterproof for rainy days and muddy walks.", "Waterproof from sole to shaft, ready for puddles."]
    : ["Waterproof and quick to dry, made for the pool or the beach."],
  straw: () => ["Lightweight and natural, made for sunny days.", "A breezy summer staple for beach days and city breaks."],
  "sterling silver": () => ["Made from 925 sterling silver and hypoallergenic.", "Solid sterling silver, made to be worn every day."],
  "gold-plated": () => ["Gold-plated for a warm shine that lasts.", "A warm gold finish that dresses up any outfit."],
  "stainless steel": () => ["Tarnish-resistant and water-resistant, so you never have to take it off.", "Durable stainless steel that won't tarnish."],
};

/** What the item is for, by style. */
export const STYLE_SENTENCES: Record<Style, Sentences> = {
  casual: () => ["An everyday essential you'll reach for again and again.", "Easy to throw on for weekends and everyday plans."],
  office: () => ["Office-ready with a polished finish.", "Smart enough for the office, easy enough for the weekend."],
  party: () => ["Made for nights out and parties.", "Ready for your next night out."],
  sporty: () => ["Built to move, from the gym to the rest of your day.", "A sporty piece that keeps up with active days."],
  boho: (item) => has(item, "summer")
    ? ["A free-spirited piece made for festival season.", "Laid-back boho style for sunny days."]
    : ["Relaxed boho charm for every day."],
  minimalist: () => ["Clean lines and a pared-back design that goes with everything.", "A minimalist wardrobe staple."],
  streetwear: () => ["A streetwear staple with an easy, relaxed attitude.", "Street-ready and made to be worn on repeat."],
  vintage: () => ["A retro-inspired design with a vintage feel.", "Vintage-inspired, with a nod to the classics."],
  elegant: () => ["Elegant and timeless for special occasions.", "Effortlessly elegant, from dinners to weddings."],
  outdoor: () => ["Made for weekend hikes and long walks outdoors.", "Ready for the outdoors, whatever the trail."],
};

/** A pattern as a noun phrase ("a floral print"). */
export const PATTERN_PHRASES: Record<Pattern, string> = {
  solid: "", striped: "classic stripes", floral: "a floral print", checked: "a checked pattern", "polka dot": "polka dots",
  "animal print": "an animal print", camouflage: "a camo print", graphic: "a graphic print", paisley: "a paisley print",
  houndstooth: "a houndstooth weave", "tie-dye": "a tie-dye finish", "colour-block": "colour-block panels",
};

export const FIT_SENTENCES: Record<"clothing" | "shoes", string[]> = {
  clothing: ["Fits true to size.", "True to size; size up for a looser fit.", "Runs slightly large; size down for a closer fit."],
  shoes: ["Fits true to size.", "True to size; half sizes should size up."],
};
