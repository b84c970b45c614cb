import type { ItemIndex, Pool } from "./item-index.ts";
import { traitBrand, traitColour, traitSeasons, traitStyles, traitTier, type ItemTable } from "./item-table.ts";
import type { Rng } from "./prng.ts";
import { generateTaste, type Taste } from "./user-tastes.ts";
import { SEASONS, seasonOfMonth } from "./vocabulary.ts";

/** Receives one simulated interaction: which item, the stars given, when (epoch seconds). */
export type EmitInteraction = (item: number, rating: number, timestamp: number) => void;

/** Activity window of the simulated shoppers: 2025-01-01 to 2026-06-30 (UTC). */
export const ACTIVITY_START = Date.UTC(2025, 0, 1) / 1000;
export const ACTIVITY_END = Date.UTC(2026, 5, 30) / 1000;
const DAY = 86_400;

/** The season bit (1 << SEASONS index) of each day of the activity window. */
const SEASON_BIT_BY_DAY = Uint8Array.from({ length: Math.ceil((ACTIVITY_END - ACTIVITY_START) / DAY) + 1 }, (_, day) =>
  1 << SEASONS.indexOf(seasonOfMonth(new Date((ACTIVITY_START + day * DAY) * 1000).getUTCMonth())));

/** Candidates drawn by popularity before the shopper's taste picks one (each pick stays O(1)). */
const CANDIDATES = 4;

/** Simulates one shopper: draws a taste, then emits 10–120 interactions in time order sampled from it. */
export function generateUser(rng: Rng, index: ItemIndex, table: ItemTable, emit: EmitInteraction): Taste {
  const taste = generateTaste(rng, index);
  const count = 10 + Math.floor(110 * Math.pow(rng.next(), 2.5));
  const seen = new Set<number>();
  for (const timestamp of sessionTimes(rng, count)) {
    const season = SEASON_BIT_BY_DAY[Math.floor((timestamp - ACTIVITY_START) / DAY)];
    // a repeat pick is redrawn, so histories keep their length unless the catalog is tiny
    for (let attempt = 0; attempt < 12; attempt++) {
      const pool = choosePool(rng, taste, index);
      if (!pool) continue;
      const slot = pickByTaste(rng, pool, taste, season);
      const item = pool.item(slot);
      if (seen.has(item)) continue;
      seen.add(item);
      emit(item, rate(rng, taste, pool.traits(slot), table.quality[item], season), timestamp);
      break;
    }
  }
  return taste;
}

/** Shopping happens in sessions: a few picks minutes apart, sessions days apart, in one activity window. */
function sessionTimes(rng: Rng, count: number): number[] {
  const span = (20 + rng.next() * 520) * DAY;
  const start = ACTIVITY_START + rng.next() * (ACTIVITY_END - ACTIVITY_START - span);
  let sessionCount = 1;
  for (let i = 1; i < count; i++) if (rng.chance(0.3)) sessionCount++;
  const starts = Array.from({ length: sessionCount }, () => start + rng.next() * span).sort((a, b) => a - b);
  const sizes = new Array<number>(sessionCount).fill(1);
  for (let i = sessionCount; i < count; i++) sizes[rng.int(sessionCount)]++;
  const times: number[] = [];
  let last = -Infinity;
  starts.forEach((sessionStart, s) => {
    let t = sessionStart;
    for (let j = 0; j < sizes[s]; j++) {
      if (j > 0) t += 40 + rng.next() * 600;
      last = Math.max(Math.round(t), last + 1);
      times.push(last);
    }
  });
  return times;
}

function choosePool(rng: Rng, taste: Taste, index: ItemIndex): Pool | undefined {
  const r = rng.next();
  // Mostly their (category, style) clusters; sometimes a brand they love; sometimes whatever is trending.
  if (r < 0.12) return index.brand(taste.department, rng.pick(taste.lovedBrands));
  if (r < 0.18 || taste.clusters.empty) return index.department(taste.department);
  const [category, style] = taste.clusters.draw(rng);
  return index.cluster(taste.department, category, style);
}

// Bound once: under a CommonJS transform (tsx may load .ts that way) each imported-name use is a getter
// call, and fit() runs for every candidate of every interaction.
const [tierOf, colourOf, brandOf, seasonsOf, stylesOf] = [traitTier, traitColour, traitBrand, traitSeasons, traitStyles];

/** How well an item suits the shopper right now (log-odds scale), from its packed traits. */
function fit(taste: Taste, traits: number, season: number): number {
  let score = taste.tierFit[tierOf(traits)];
  if (taste.palette & (1 << colourOf(traits))) score += 1;
  if (taste.lovedBrands.includes(brandOf(traits))) score += 1.2;
  score += seasonsOf(traits) & season ? 0.6 : -0.8;
  return score + 0.4 * bitCount(stylesOf(traits) & taste.styleMask);
}

function bitCount(x: number): number {
  let n = 0;
  for (; x !== 0; x &= x - 1) n++;
  return n;
}

/** A few popular candidates, one kept with probability ∝ exp(fit) (weighted reservoir); returns its slot. */
function pickByTaste(rng: Rng, pool: Pool, taste: Taste, season: number): number {
  let best = pool.draw(rng);
  let total = Math.exp(fit(taste, pool.traits(best), season));
  for (let k = 1; k < CANDIDATES; k++) {
    const slot = pool.draw(rng);
    const weight = Math.exp(fit(taste, pool.traits(slot), season));
    total += weight;
    if (rng.next() * total < weight) best = slot;
  }
  return best;
}

/** Stars given: mostly 4–5; a poorly fitting or low-quality purchase gets 1–3. */
function rate(rng: Rng, taste: Taste, traits: number, quality: number, season: number): number {
  const score = 3.85 + 0.25 * fit(taste, traits, season) + 0.45 * quality + 0.75 * rng.normal();
  return Math.min(5, Math.max(1, Math.round(score)));
}
