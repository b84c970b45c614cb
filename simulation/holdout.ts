import { createHash } from "node:crypto";
import { historyOf, type Catalog, type Interactions } from "../catalog/catalog.ts";

/** One user's held-out case: the targets (oldest first) and the positive history that came strictly before them. */
export interface HeldOutCase {
  user: string;
  userIndex: number;
  /** item indices; the last one is the user's last positive */
  targets: number[];
  history: Uint32Array;
}

export interface HoldoutOptions {
  /** users need at least this many positives (targets included); default 5 */
  minPositives?: number;
  /** how many last positives become targets (2 for interest drift); default 1 */
  targets?: number;
}

/**
 * Leave-last-out on a whole catalog, as bench's `holdOutLast` does on training data, but returning a training
 * CATALOG: every interaction of an eligible user from the first target on (and any with a target item) is removed,
 * so models trained on it never saw a target. Items are shared with the source; its content hash is derived, so the
 * model cache never serves models trained on the full data.
 */
export function holdOut(catalog: Catalog, options: HoldoutOptions = {}): { training: Catalog; cases: HeldOutCase[] } {
  const minPositives = options.minPositives ?? 5;
  const targetCount = options.targets ?? 1;
  if (minPositives <= targetCount) throw new Error(`minPositives (${minPositives}) must exceed targets (${targetCount}): a case needs a history`);
  const x = catalog.interactions;
  const cases: HeldOutCase[] = [];
  const caseOf = new Map<number, HeldOutCase>();
  for (let u = 0; u < x.users.length; u++) {
    const history = historyOf(catalog, u);
    if (history.length < minPositives) continue;
    const cut = history.length - targetCount;
    const c = { user: x.users[u], userIndex: u, targets: Array.from(history.subarray(cut)), history: history.slice(0, cut) };
    cases.push(c);
    caseOf.set(u, c);
  }
  const keep = keptInteractions(catalog, caseOf);
  const interactions = subset(x, keep);
  const offsets = new Uint32Array(x.users.length + 1);
  const items: number[] = [];
  for (let u = 0; u < x.users.length; u++) {
    const kept = caseOf.get(u)?.history ?? historyOf(catalog, u);
    for (const item of kept) items.push(item);
    offsets[u + 1] = items.length;
  }
  const contentHash = createHash("sha256").update(`${catalog.contentHash}\0holdout\0${minPositives}\0${targetCount}`).digest("hex");
  const training: Catalog = { ...catalog, contentHash, interactions, histories: { offsets, items: Uint32Array.from(items) } };
  return { training, cases };
}

/**
 * Which interactions stay: all of users without a case; for a case, only those ordered (by timestamp, then source
 * order, as histories are) strictly before the first target's first positive interaction, and never one with a target.
 */
function keptInteractions(catalog: Catalog, caseOf: Map<number, HeldOutCase>): Uint8Array {
  const x = catalog.interactions;
  const keep = new Uint8Array(x.user.length).fill(1);
  const byUser = new Map<number, number[]>();
  for (let i = 0; i < x.user.length; i++) {
    if (!caseOf.has(x.user[i])) continue;
    const list = byUser.get(x.user[i]) ?? [];
    list.push(i);
    byUser.set(x.user[i], list);
  }
  for (const [u, list] of byUser) {
    const { targets } = caseOf.get(u)!;
    list.sort((a, b) => (x.timestamp[a] || 0) - (x.timestamp[b] || 0) || a - b);
    const first = list.find((i) => x.positive[i] === 1 && x.item[i] === targets[0]);
    const at = first === undefined ? list.length : list.indexOf(first);
    for (let k = 0; k < list.length; k++) if (k >= at || targets.includes(x.item[list[k]])) keep[list[k]] = 0;
  }
  return keep;
}

function subset(x: Interactions, keep: Uint8Array): Interactions {
  const at: number[] = [];
  for (let i = 0; i < keep.length; i++) if (keep[i] === 1) at.push(i);
  return {
    users: x.users,
    userIndex: x.userIndex,
    user: Uint32Array.from(at, (i) => x.user[i]),
    item: Uint32Array.from(at, (i) => x.item[i]),
    rating: Float32Array.from(at, (i) => x.rating[i]),
    timestamp: Float64Array.from(at, (i) => x.timestamp[i]),
    positive: Uint8Array.from(at, (i) => x.positive[i]),
  };
}
