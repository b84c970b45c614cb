import { describe, expect, it } from "vitest";
import type { AttributeValue } from "../schemas/catalog-schema.ts";
import { OPEN_MIN_VOCABULARY, SchemaInferrer } from "./infer-schema.ts";

function infer(lines: Record<string, AttributeValue>[]) {
  const inferrer = new SchemaInferrer();
  lines.forEach((attributes, i) => inferrer.observe(attributes, i + 1));
  return inferrer.result();
}

describe("SchemaInferrer", () => {
  it("types numbers, single and multi-valued categories, in first-seen order", () => {
    const { schema } = infer([{ price: 10, color: "black" }, { type: ["bomber"], price: 12.5 }, { type: "parka", color: "red" }]);
    expect(schema).toEqual({ attributes: { price: { type: "number" }, color: { type: "category" }, type: { type: "category", multi: true } } });
    expect(Object.keys(schema.attributes)).toEqual(["price", "color", "type"]);
  });

  it("lets the majority kind win and points at its first line, so the minority lines can be refused", () => {
    const { schema, evidence } = infer([{ price: "cheap" }, { price: 3 }, { price: 4 }, { size: "M" }, { size: 42 }]);
    expect(schema.attributes.price).toEqual({ type: "number" });
    expect(evidence.get("price")).toEqual({ line: 2, lines: 2 });
    // a tie goes to the kind seen first
    expect(schema.attributes.size).toEqual({ type: "category" });
    expect(evidence.get("size")).toEqual({ line: 4, lines: 1 });
  });

  it("marks a large long-tailed multi-valued vocabulary open, not a small or evenly used one", () => {
    // exactly OPEN_MIN_VOCABULARY distinct tags: one per item plus "common" on every item
    const tags = Array.from({ length: OPEN_MIN_VOCABULARY - 1 }, (_, i) => ({ tag: [`tag ${i}`, "common"], genre: [`g${i % 5}`] }));
    const { schema } = infer(tags);
    expect(schema.attributes.tag).toEqual({ type: "category", multi: true, open: true });
    expect(schema.attributes.genre).toEqual({ type: "category", multi: true });
    // one value short of the size threshold
    expect(infer(tags.slice(1)).schema.attributes.tag).toEqual({ type: "category", multi: true });
    // large but every value used twice: not long-tailed
    expect(infer([...tags, ...tags]).schema.attributes.tag).toEqual({ type: "category", multi: true });
  });

  it("in a large catalog counts values on at most 0.1% of the items as rare, and an even vocabulary as not", () => {
    // 6000 items: 100 tags on 5 items each (≤ 6 = 0.1%), next to "sale" on every item
    const tail = Array.from({ length: 6000 }, (_, i) => ({ tag: i < 500 ? [`t${i % 100}`, "sale"] : ["sale"] }));
    expect(infer(tail).schema.attributes.tag).toEqual({ type: "category", multi: true, open: true });
    // 100 brands on 60 items each (1%): large but not long-tailed
    const even = Array.from({ length: 6000 }, (_, i) => ({ brand: [`b${i % 100}`] }));
    expect(infer(even).schema.attributes.brand).toEqual({ type: "category", multi: true });
  });

  it("counts trimmed values once per item", () => {
    const lines = Array.from({ length: OPEN_MIN_VOCABULARY }, (_, i) => ({ tag: [`t${i}`, ` t${i} `] }));
    expect(infer(lines).schema.attributes.tag.open).toBe(true);
  });
});
