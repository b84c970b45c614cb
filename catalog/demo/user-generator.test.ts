import { describe, expect, it } from "vitest";
import { ItemGenerator } from "./item-generator.ts";
import { ItemIndex } from "./item-index.ts";
import { createItemTable } from "./item-table.ts";
import { Rng } from "./prng.ts";
import { generateUser } from "./user-generator.ts";
import type { Taste } from "./user-tastes.ts";

function simulate(items: number, users: number) {
  const rng = new Rng(5, "user-generator.test");
  const generator = new ItemGenerator(rng.fork("items"));
  const table = createItemTable(items);
  for (let i = 0; i < items; i++) generator.next(i, table);
  const index = new ItemIndex(table);
  const userRng = rng.fork("users");
  const shoppers: { taste: Taste; items: Set<number>; times: number[] }[] = [];
  for (let u = 0; u < users; u++) {
    const picked = new Set<number>();
    const times: number[] = [];
    const taste = generateUser(userRng, index, table, (item, _rating, timestamp) => {
      picked.add(item);
      times.push(timestamp);
    });
    shoppers.push({ taste, items: picked, times });
  }
  return shoppers;
}

function jaccard(a: Set<number>, b: Set<number>): number {
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
}

describe("generateUser", () => {
  const shoppers = simulate(8000, 800);

  it("gives each shopper 10–120 distinct items in time order", () => {
    for (const { items, times } of shoppers) {
      expect(items.size).toBeGreaterThanOrEqual(10);
      expect(items.size).toBeLessThanOrEqual(120);
      expect(times.length).toBe(items.size);
      for (let k = 1; k < times.length; k++) expect(times[k]).toBeGreaterThan(times[k - 1]);
    }
  });

  it("makes shoppers who share a main style overlap far more than random pairs (collaborative signal)", () => {
    const pairs = { sameStyle: [] as number[], disjoint: [] as number[], random: [] as number[] };
    const rng = new Rng(9);
    for (let k = 0; k < 40_000; k++) {
      const a = shoppers[rng.int(shoppers.length)];
      const b = shoppers[rng.int(shoppers.length)];
      if (a === b) continue;
      const overlap = jaccard(a.items, b.items);
      pairs.random.push(overlap);
      if (a.taste.department !== b.taste.department) continue;
      if (a.taste.styles[0] === b.taste.styles[0]) pairs.sameStyle.push(overlap);
      else if ((a.taste.styleMask & b.taste.styleMask) === 0) pairs.disjoint.push(overlap);
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(pairs.sameStyle.length).toBeGreaterThan(500);
    expect(mean(pairs.sameStyle)).toBeGreaterThan(2.5 * mean(pairs.random));
    expect(mean(pairs.sameStyle)).toBeGreaterThan(2 * mean(pairs.disjoint));
  });
});
