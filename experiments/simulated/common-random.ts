/**
 * Common random numbers for paired simulations: a uniform draw that is a pure function of its key, so the same user
 * seeing the same item at the same turn flips the same coin under every variant, whatever else each variant showed.
 * A shared stream would not do: a variant that shows one more item would shift every later draw.
 */
import { hashLabel } from "../../catalog/demo/prng.ts";

/** What a feedback draw is for; each event kind has its own independent coin. */
export type DrawKind = "not-interested" | "click" | "like" | "add-to-cart";

const KIND_CODES: Record<DrawKind, number> = { "not-interested": 1, click: 2, like: 3, "add-to-cart": 4 };

/** MurmurHash3's finalizer: every input bit flips about half of the output bits. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function absorb(h: number, word: number): number {
  return fmix32((h ^ word) + 0x9e3779b9);
}

export interface DrawKey {
  /** the simulated user's seed (any safe integer) */
  seed: number;
  /** 0 for the feed shown before the first command, t for the feed answering the t-th command */
  turn: number;
  /** the item's catalog id */
  item: string;
  kind: DrawKind;
}

/** A uniform number in [0, 1) determined by the key alone. */
export function commonUniform({ seed, turn, item, kind }: DrawKey): number {
  let h = absorb(0x2545f491, seed >>> 0);
  h = absorb(h, Math.floor(seed / 2 ** 32) >>> 0);
  h = absorb(h, turn >>> 0);
  h = absorb(h, hashLabel(item));
  h = absorb(h, KIND_CODES[kind]);
  return h / 2 ** 32;
}
