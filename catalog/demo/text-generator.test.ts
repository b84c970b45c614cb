import { describe, expect, it } from "vitest";
import { BRANDS } from "./brands.ts";
import { CATEGORIES } from "./categories.ts";
import type { DemoItem } from "./item-generator.ts";
import { Rng } from "./prng.ts";
import { describeItem } from "./text-generator.ts";

const categoryNamed = (name: string) => CATEGORIES.find((c) => c.name === name)!;
const nordvik = BRANDS.find((b) => b.name === "Nordvik")!;

const jumper: DemoItem = {
  category: categoryNamed("jumpers"), gender: "men", brand: nordvik, material: "wool", type: "crew-neck jumper",
  detail: "ribbed", colour: "green", shade: "forest green", pattern: "solid", seasons: ["autumn", "winter"],
  styles: ["minimalist"], price: 89.99, rating: 4.6, reviews: 120, appeal: 10, quality: 1,
};
const jeans: DemoItem = {
  ...jumper, category: categoryNamed("jeans"), material: "denim", type: "straight-leg jeans", detail: undefined,
  colour: "blue", shade: "mid blue", length: "cropped", seasons: ["spring", "summer", "autumn", "winter"], styles: ["casual"],
};

describe("describeItem", () => {
  it("titles an item like a shop: brand, words, product, then the shade", () => {
    for (let seed = 0; seed < 50; seed++) {
      const { title } = describeItem(jumper, new Rng(seed));
      expect(title).toMatch(/^Nordvik ribbed (wool |merino |lambswool |wool-blend )?crew-neck jumper — forest green$/);
    }
    expect(describeItem(jeans, new Rng(1)).title).toMatch(/^Nordvik (denim )?cropped straight-leg jeans — mid blue$/);
  });

  it("writes 1–3 sentences that agree in number with plural products", () => {
    for (let seed = 0; seed < 200; seed++) {
      const { description } = describeItem(jeans, new Rng(seed));
      expect(description).not.toMatch(/\bThis cropped|\bA cropped|jeans (comes|pairs|features)\b/);
      const { description: single } = describeItem(jumper, new Rng(seed));
      expect(single).not.toMatch(/\bThese\b|jumper (come|pair) /);
      expect(single.split(/(?<=\.) /).length).toBeLessThanOrEqual(3);
      expect(single).not.toMatch(/breathable|hot days|festival/);
    }
  });
});
