import type { Season, Style } from "./vocabulary.ts";
import { SEASONS, STYLES } from "./vocabulary.ts";

/**
 * The latent side of the generated items, column-wise: what user simulation needs to pick items
 * (codes index CATEGORIES, BRANDS, GENDERS) without keeping item objects alive.
 */
export interface ItemTable {
  size: number;
  category: Uint8Array;
  gender: Uint8Array;
  brand: Uint8Array;
  /** bit i set: STYLES[i] */
  styles: Uint16Array;
  /** what a shopper's fit reads, packed in one word (see `packTraits`) */
  traits: Uint32Array;
  /** latent popularity (Zipf-like, boosted by quality): how often shoppers pick it */
  appeal: Float32Array;
  /** latent quality, standard normal: drives its star rating and whether buyers like it */
  quality: Float32Array;
}

export function createItemTable(size: number): ItemTable {
  return {
    size,
    category: new Uint8Array(size),
    gender: new Uint8Array(size),
    brand: new Uint8Array(size),
    styles: new Uint16Array(size),
    traits: new Uint32Array(size),
    appeal: new Float32Array(size),
    quality: new Float32Array(size),
  };
}

export function seasonMask(seasons: readonly Season[]): number {
  let mask = 0;
  for (const s of seasons) mask |= 1 << SEASONS.indexOf(s);
  return mask;
}

export function styleMask(styles: readonly Style[]): number {
  let mask = 0;
  for (const s of styles) mask |= 1 << STYLES.indexOf(s);
  return mask;
}

/** An item's traits as shoppers judge them, unpacked. */
export interface Traits {
  /** bit i: SEASONS[i] */
  seasons: number;
  /** bit i: STYLES[i] */
  styles: number;
  /** index into TIERS */
  tier: number;
  /** index into COLOURS */
  colour: number;
  /** index into BRANDS */
  brand: number;
}

// One 32-bit word per item, so scoring a candidate costs one memory read at a million items:
// seasons 4 bits, styles 10, tier 2, colour 5, brand 6.
export function packTraits(t: Traits): number {
  return (t.seasons | (t.styles << 4) | (t.tier << 14) | (t.colour << 16) | (t.brand << 21)) >>> 0;
}

export const traitSeasons = (packed: number) => packed & 0xf;
export const traitStyles = (packed: number) => (packed >>> 4) & 0x3ff;
export const traitTier = (packed: number) => (packed >>> 14) & 0x3;
export const traitColour = (packed: number) => (packed >>> 16) & 0x1f;
export const traitBrand = (packed: number) => (packed >>> 21) & 0x3f;
