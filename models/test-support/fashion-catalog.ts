import { CatalogBuilder } from "../../catalog/catalog-builder.ts";
import type { Catalog } from "../../catalog/catalog.ts";

const ITEMS: [string, string, string, string[]][] = [
  ["Chunky knit cardigan", "Soft wool cardigan, warm and snug for winter evenings", "knitwear", ["winter"]],
  ["Fleece lined hoodie", "Brushed fleece hoodie, soft and warm", "hoodie", ["winter", "casual"]],
  ["Cable knit jumper", "Warm knitted wool jumper", "knitwear", ["winter"]],
  ["Merino wool scarf", "Soft warm knit scarf", "accessory", ["winter"]],
  ["Tailored wool blazer", "Structured blazer for the office, formal business look", "blazer", ["office"]],
  ["Slim suit trousers", "Formal tailored trousers for work and business meetings", "trousers", ["office"]],
  ["Crisp poplin shirt", "Professional button-down shirt for the office", "shirt", ["office"]],
  ["Leather oxford shoes", "Formal leather shoes for business wear", "shoes", ["office"]],
  ["Linen beach shorts", "Light breathable linen shorts for summer", "shorts", ["summer", "casual"]],
  ["Floral sundress", "Light summer dress with a floral print", "dress", ["summer"]],
  ["Flip flops", "Rubber sandals for the beach and pool", "shoes", ["summer"]],
  ["Running sneakers", "Lightweight athletic trainers for running and the gym", "shoes", ["sport"]],
  ["Training leggings", "Stretch leggings for gym workouts", "trousers", ["sport"]],
  ["Rain jacket", "Waterproof hooded jacket for rainy days", "jacket", ["outdoor"]],
  ["Hiking boots", "Waterproof leather boots for the trail", "shoes", ["outdoor"]],
];

/** A small hand-built fashion store: 15 items, 40 users whose tastes follow the item groups. */
export function fashionCatalog(): Catalog {
  const builder = new CatalogBuilder({
    ref: "test:fashion",
    name: "test fashion",
    schema: { attributes: { type: { type: "category" }, style: { type: "category", multi: true } } },
  });
  ITEMS.forEach(([title, description, type, style], i) =>
    builder.addItem({ id: `f${i}`, title, description, attributes: { type, style } }),
  );
  builder.addItem({ id: "orphan", title: "Zzyx", attributes: {} });
  const groups = [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10], [11, 12], [13, 14]];
  for (let u = 0; u < 40; u++) {
    const group = groups[u % groups.length];
    group.forEach((item, k) => builder.addInteraction(`u${u}`, `f${item}`, 5, u * 100 + ((k + u) % group.length)));
  }
  return builder.build("fashion-test-hash");
}
