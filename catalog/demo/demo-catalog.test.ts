import { beforeAll, describe, expect, it } from "vitest";
import { categoryValues, historyOf, type Catalog, type CategoryColumn, type NumberColumn } from "../catalog.ts";
import { BRANDS } from "./brands.ts";
import { DEMO_SCHEMA, DEMO_VOCABULARY, generateDemoCatalog } from "./demo-catalog.ts";

const category = (c: Catalog, name: string) => c.columns.get(name) as CategoryColumn;
const numbers = (c: Catalog, name: string) => (c.columns.get(name) as NumberColumn).values;
const first = (c: Catalog, name: string, i: number) => categoryValues(category(c, name), i)[0];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function itemsWhere(c: Catalog, test: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < c.size; i++) if (test(i)) out.push(i);
  return out;
}

describe("generateDemoCatalog: determinism", () => {
  it("gives the same catalog for the same options, and another for another seed", () => {
    const a = generateDemoCatalog({ items: 3000 });
    const b = generateDemoCatalog({ items: 3000 });
    const other = generateDemoCatalog({ items: 3000, seed: 7 });
    expect(b.contentHash).toBe(a.contentHash);
    expect(b.titles.slice(0, 50)).toEqual(a.titles.slice(0, 50));
    expect(b.descriptions.slice(0, 50)).toEqual(a.descriptions.slice(0, 50));
    expect(Array.from(b.interactions.item.subarray(0, 200))).toEqual(Array.from(a.interactions.item.subarray(0, 200)));
    expect(Array.from(b.interactions.timestamp.subarray(0, 200))).toEqual(Array.from(a.interactions.timestamp.subarray(0, 200)));
    expect(Array.from(numbers(b, "price").subarray(0, 200))).toEqual(Array.from(numbers(a, "price").subarray(0, 200)));
    expect(other.contentHash).not.toBe(a.contentHash);
    expect(other.titles.slice(0, 50)).not.toEqual(a.titles.slice(0, 50));
  });

  it("names a non-default size in its ref", () => {
    const c = generateDemoCatalog({ items: 3000, users: 100 });
    expect(c.ref).toBe("demo:3000");
    expect(c.name).toBe("RecBot demo fashion store");
    expect(c.interactions.users).toHaveLength(100);
    expect(c.interactions.users[0]).toBe("u0001");
  });
});

describe("generateDemoCatalog: the default demo", () => {
  let c: Catalog;
  beforeAll(() => {
    c = generateDemoCatalog();
  });

  it("has 20,000 items and 2,000 users, each with a history", () => {
    expect(c.ref).toBe("demo");
    expect(c.size).toBe(20_000);
    expect(c.ids[0]).toBe("p00001");
    expect(c.interactions.users.length).toBe(2000);
    const perUser = new Uint32Array(2000);
    for (const u of c.interactions.user) perUser[u]++;
    expect(Math.min(...perUser)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...perUser)).toBeLessThanOrEqual(120);
    for (let u = 0; u < 2000; u++) expect(historyOf(c, u).length).toBeGreaterThan(0);
  });

  it("keeps every categorical value in the demo vocabulary and every attribute in the schema", () => {
    expect([...c.columns.keys()].sort()).toEqual(Object.keys(DEMO_SCHEMA.attributes).sort());
    for (const [name, vocabulary] of Object.entries(DEMO_VOCABULARY)) {
      for (const value of category(c, name).vocabulary) expect(vocabulary, `${name}: ${value}`).toContain(value);
    }
  });

  it("gives length only where it means something, with values that fit the category", () => {
    const allowed: Record<string, string[]> = {
      dresses: ["mini", "midi", "maxi"], skirts: ["mini", "midi", "maxi"], trousers: ["cropped", "full-length"],
      jeans: ["cropped", "full-length"], coats: ["short", "long"],
    };
    const length = category(c, "length");
    for (let i = 0; i < c.size; i++) {
      const cat = first(c, "category", i);
      const values = categoryValues(length, i);
      if (allowed[cat]) expect(allowed[cat]).toContain(values[0]);
      else expect(values, `${cat} ${c.titles[i]}`).toEqual([]);
    }
  });

  it("makes items of materials that suit their category and season", () => {
    const count = (cat: string, material: string) =>
      itemsWhere(c, (i) => first(c, "category", i) === cat && first(c, "material", i) === material).length;
    expect(count("sandals", "denim") + count("sandals", "wool") + count("boots", "linen")).toBe(0);
    const boots = itemsWhere(c, (i) => first(c, "category", i) === "boots");
    expect(count("boots", "leather") / boots.length).toBeGreaterThan(0.4);
    const seasons = category(c, "season");
    const warm = itemsWhere(c, (i) => ["wool", "cashmere"].includes(first(c, "material", i)));
    const cold = warm.filter((i) => categoryValues(seasons, i).some((s) => s === "autumn" || s === "winter"));
    expect(cold.length / warm.length).toBeGreaterThan(0.95);
    expect(warm.filter((i) => categoryValues(seasons, i).includes("summer"))).toEqual([]);
    const linen = itemsWhere(c, (i) => first(c, "material", i) === "linen");
    expect(linen.filter((i) => categoryValues(seasons, i).includes("winter"))).toEqual([]);
    expect(itemsWhere(c, (i) => first(c, "category", i) === "jewellery" && first(c, "pattern", i) !== undefined)).toEqual([]);
    for (const cat of ["dresses", "skirts", "blouses", "heels"]) {
      expect(itemsWhere(c, (i) => first(c, "category", i) === cat && first(c, "gender", i) !== "women")).toEqual([]);
    }
  });

  it("prices by category and by brand tier", () => {
    const price = numbers(c, "price");
    const medianOf = (test: (i: number) => boolean) => median(itemsWhere(c, test).map((i) => price[i]));
    const ofCategory = (cat: string) => medianOf((i) => first(c, "category", i) === cat);
    expect(ofCategory("coats")).toBeGreaterThan(ofCategory("jumpers"));
    expect(ofCategory("jumpers")).toBeGreaterThan(ofCategory("t-shirts"));
    expect(ofCategory("boots")).toBeGreaterThan(ofCategory("sandals"));
    const tierOf = new Map(BRANDS.map((b) => [b.name, b.tier]));
    const ofTier = (tier: string) => medianOf((i) => first(c, "category", i) === "dresses" && tierOf.get(first(c, "brand", i)) === tier);
    expect(ofTier("luxury")).toBeGreaterThan(ofTier("premium"));
    expect(ofTier("premium")).toBeGreaterThan(ofTier("mid"));
    expect(ofTier("mid")).toBeGreaterThan(ofTier("budget"));
    for (let i = 0; i < c.size; i++) expect(Math.round(price[i] * 100) % 100 === 99 || [95, 0].includes(Math.round(price[i] * 100) % 100)).toBe(true);
  });

  it("writes mostly distinct titles naming the brand, and descriptions that agree with the attributes", () => {
    expect(new Set(c.titles).size / c.size).toBeGreaterThan(0.95);
    for (let i = 0; i < c.size; i++) {
      const title = c.titles[i];
      expect(title.startsWith(first(c, "brand", i))).toBe(true);
      expect(title).toMatch(/^[^—]+ — [a-zA-Z -]+$/);
      const sentences = c.descriptions[i].split(/(?<=\.) /);
      expect(sentences.length).toBeGreaterThanOrEqual(1);
      expect(sentences.length).toBeLessThanOrEqual(3);
      const seasons = categoryValues(category(c, "season"), i);
      if (/\bwarm\b|cozy/i.test(c.descriptions[i]) && !/warm days/.test(c.descriptions[i])) {
        expect(seasons.some((s) => s === "autumn" || s === "winter"), c.descriptions[i]).toBe(true);
      }
      if (/festival|hot days/.test(c.descriptions[i])) expect(seasons, c.descriptions[i]).toContain("summer");
      if (/water-?(resistant|proof)/i.test(c.descriptions[i])) {
        expect(["nylon", "polyester", "rubber", "stainless steel"], c.descriptions[i]).toContain(first(c, "material", i));
      }
      expect(c.descriptions[i]).not.toMatch(/undefined|NaN| {2}/);
    }
  });

  it("gives popular items more reviews, and rates most purchases 4 or 5 stars", () => {
    const reviews = numbers(c, "reviews");
    const picks = new Uint32Array(c.size);
    for (const item of c.interactions.item) picks[item]++;
    const often = itemsWhere(c, (i) => picks[i] >= 10).map((i) => reviews[i]);
    const never = itemsWhere(c, (i) => picks[i] === 0).map((i) => reviews[i]);
    expect(median(often)).toBeGreaterThan(3 * median(never));
    let liked = 0;
    for (const r of c.interactions.rating) liked += r >= 4 ? 1 : 0;
    const share = liked / c.interactions.rating.length;
    expect(share).toBeGreaterThan(0.65);
    expect(share).toBeLessThan(0.9);
  });

  it("orders each user's interactions in time, within 2025–2026", () => {
    const { user, timestamp } = c.interactions;
    for (let k = 1; k < user.length; k++) if (user[k] === user[k - 1]) expect(timestamp[k]).toBeGreaterThan(timestamp[k - 1]);
    const min = Math.min(...timestamp);
    const max = Math.max(...timestamp);
    expect(min).toBeGreaterThanOrEqual(Date.UTC(2025, 0, 1) / 1000);
    expect(max).toBeLessThan(Date.UTC(2027, 0, 1) / 1000);
  });
});
