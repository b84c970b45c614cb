import { describe, expect, it } from "vitest";
import { BRANDS } from "./brands.ts";
import { ItemGenerator, shopPrice } from "./item-generator.ts";
import { createItemTable, packTraits, traitBrand, traitColour, traitSeasons, traitStyles, traitTier } from "./item-table.ts";
import { Rng } from "./prng.ts";
import { COLOURS, MATERIAL_INFO } from "./vocabulary.ts";

describe("shopPrice", () => {
  it("ends prices the way shops do", () => {
    const rng = new Rng(1);
    expect(shopPrice(7.3, rng)).toBe(7.99);
    expect(shopPrice(2.1, rng)).toBe(3.99);
    expect(shopPrice(1234, rng)).toBe(1250);
    for (let i = 0; i < 500; i++) {
      const cents = Math.round(shopPrice(10 + i * 1.7, rng) * 100) % 100;
      expect([99, 95, 0]).toContain(cents);
    }
  });
});

describe("packed traits", () => {
  it("round-trip, with room for every brand and colour", () => {
    expect(BRANDS.length).toBeLessThanOrEqual(64);
    expect(COLOURS.length).toBeLessThanOrEqual(32);
    const packed = packTraits({ seasons: 0b1010, styles: 0b1000000001, tier: 3, colour: 18, brand: 44 });
    expect([traitSeasons(packed), traitStyles(packed), traitTier(packed), traitColour(packed), traitBrand(packed)])
      .toEqual([0b1010, 0b1000000001, 3, 18, 44]);
  });
});

describe("ItemGenerator", () => {
  it("keeps patterns, colours and seasons within what the material allows", () => {
    const generator = new ItemGenerator(new Rng(11));
    const table = createItemTable(3000);
    for (let i = 0; i < 3000; i++) {
      const item = generator.next(i, table);
      const info = MATERIAL_INFO[item.material];
      if (item.pattern && info.patterns) expect(info.patterns).toContain(item.pattern);
      if (info.colours && item.pattern !== "tie-dye") expect(Object.keys(info.colours)).toContain(item.colour);
      for (const s of item.seasons) expect(info.seasons).toContain(s);
      expect(item.styles.length).toBeGreaterThanOrEqual(1);
      expect(new Set(item.styles).size).toBe(item.styles.length);
      expect(item.category.materials[item.material]).toBeGreaterThan(0);
    }
  });
});
