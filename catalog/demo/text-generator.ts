import type { DemoItem } from "./item-generator.ts";
import {
  FABRIC_NOUNS, FIT_SENTENCES, MATERIAL_ADJECTIVES, MATERIAL_SENTENCES, PATTERN_PHRASES, STYLE_SENTENCES,
} from "./phrases.ts";
import type { Rng } from "./prng.ts";
import { MATERIAL_INFO } from "./vocabulary.ts";

/** The words a title and its description share, so the two never disagree. */
interface Wording {
  fabric?: string;
  /** type with its length word when the length reads in titles ("midi wrap dress") */
  noun: string;
}

const GENERIC_FITS = ["classic", "versatile", "timeless", "easy-to-wear", "wear-everywhere"];

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function wording(item: DemoItem, rng: Rng): Wording {
  const info = MATERIAL_INFO[item.material];
  const word = info.words.length > 0 ? rng.pick(info.words) : undefined;
  const fabric = word && !item.type.toLowerCase().includes(word.toLowerCase()) ? word : undefined;
  const lengthWord = item.length && item.category.titleLengths?.includes(item.length) ? item.length : undefined;
  return { fabric, noun: lengthWord ? `${lengthWord} ${item.type}` : item.type };
}

/**
 * Writes a shop title and a 1–3 sentence description from the item's attributes.
 * e.g. "Nordvik ribbed merino crew-neck jumper — forest green".
 */
export function describeItem(item: DemoItem, rng: Rng): { title: string; description: string } {
  const w = wording(item, rng);
  const fine = MATERIAL_INFO[item.material].grade === "fine" || item.category.name === "jewellery";
  const showFabric = w.fabric !== undefined && (fine || rng.chance(0.6));
  const words = [item.brand.name];
  // Long titles drop the detail first, like a shop's title length limit.
  if (item.detail && !(item.patternWord && showFabric && w.noun !== item.type)) words.push(item.detail);
  if (item.patternWord) words.push(item.patternWord);
  if (showFabric) words.push(w.fabric!);
  words.push(w.noun);
  const title = `${words.join(" ")} — ${item.shade}`;
  return { title, description: describe(item, w, rng) };
}

function describe(item: DemoItem, w: Wording, rng: Rng): string {
  const sentences = [intro(item, w, rng)];
  const extras: string[] = [];
  if (rng.chance(0.85)) extras.push(rng.pick(MATERIAL_SENTENCES[item.material](item)));
  if (rng.chance(0.7)) extras.push(rng.pick(STYLE_SENTENCES[rng.pick(item.styles)](item)));
  if (item.category.group !== "accessories" && rng.chance(0.15)) extras.push(rng.pick(FIT_SENTENCES[item.category.group]));
  const keep = rng.chance(0.15) ? 0 : rng.chance(0.5) ? 1 : 2;
  if (extras.length > 1 && rng.chance(0.5)) extras.reverse();
  return sentences.concat(extras.slice(0, keep)).join(" ");
}

function materialPhrase(item: DemoItem, w: Wording, rng: Rng): string {
  const noun = w.fabric ? (FABRIC_NOUNS[w.fabric] ?? w.fabric) : item.material;
  const adjective = rng.pick(MATERIAL_ADJECTIVES[item.material]);
  return noun.includes(adjective) ? noun : `${adjective} ${noun}`;
}

/** "jeans", "Chelsea boots", "hoop earrings" take plural verbs; "wrap dress" does not. */
function isPlural(noun: string): boolean {
  return noun.endsWith("s") && !noun.endsWith("ss");
}

function intro(item: DemoItem, w: Wording, rng: Rng): string {
  const specific = item.category.typeFeatures?.[item.type];
  const feature = specific && rng.chance(0.6) ? rng.pick(specific) : rng.pick(item.category.features);
  const pattern = item.pattern ? PATTERN_PHRASES[item.pattern] : "";
  const fit = item.detail ?? rng.pick(GENERIC_FITS);
  const material = materialPhrase(item, w, rng);
  const plural = isPlural(w.noun);
  switch (rng.int(4)) {
    case 0:
      return `${capitalise(plural ? fit : `${article(fit)} ${fit}`)} ${w.noun} in ${material} with ${pattern || feature}.`;
    case 1: {
      // metals carry their colour in their name ("gold-plated"), so the shade would repeat it
      const colour = item.category.name === "jewellery" ? "" : `${item.shade} `;
      const noun = w.fabric ? (FABRIC_NOUNS[w.fabric] ?? w.fabric) : item.material;
      return `${capitalise(w.noun)} in ${colour}${noun}, finished with ${feature}.`;
    }
    case 2:
      return `Our ${fit} ${w.noun} ${plural ? "come" : "comes"} in ${item.shade}${pattern ? ` with ${pattern}` : ""} and ${plural ? "feature" : "features"} ${feature}.`;
    default:
      return `${plural ? "These" : "This"} ${w.noun} ${plural ? "pair" : "pairs"} ${material} with ${pattern || feature}.`;
  }
}
