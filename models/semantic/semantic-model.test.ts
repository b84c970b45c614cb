import { describe, expect, it } from "vitest";
import { categoryValues, type CategoryColumn } from "../../catalog/catalog.ts";
import { fashionCatalog } from "../test-support/fashion-catalog.ts";
import { nearestItems, unitLengthError } from "../test-support/movielens.ts";
import { LsaSemanticModel } from "./semantic-model.ts";
import { trainSemantic } from "./semantic-trainer.ts";

const catalog = fashionCatalog();
const artifacts = trainSemantic(catalog);
const model = new LsaSemanticModel(artifacts, catalog);
const style = catalog.columns.get("style") as CategoryColumn;
const top = (text: string, n = 4) => nearestItems(model.items, model.dim, model.embedText(text)!, n);

describe("semantic model on a small fashion catalog", () => {
  it("has unit-length item vectors, zero for an item with no known word, and dim a multiple of 4", () => {
    expect(model.dim % 4).toBe(0);
    expect(unitLengthError(model.items, model.dim).maxError).toBeLessThan(1e-5);
    const orphan = catalog.indexOf.get("orphan")!;
    const known = artifacts.vocabulary.includes("zzyx");
    if (!known) expect(model.items.subarray(orphan * model.dim, (orphan + 1) * model.dim).every((x) => x === 0)).toBe(true);
  });

  it("is deterministic", () => {
    expect(trainSemantic(catalog).items).toEqual(artifacts.items);
  });

  it("puts cozy near knitwear and fleece, office wear near formal items", () => {
    const cozy = top("something cozy").map((i) => categoryValues(style, i));
    expect(cozy.filter((s) => s.includes("winter")).length).toBeGreaterThanOrEqual(3);
    const office = top("office wear").map((i) => categoryValues(style, i));
    expect(office.filter((s) => s.includes("office")).length).toBeGreaterThanOrEqual(3);
  });

  it("matches attribute values case- and punctuation-insensitively", () => {
    const a = model.embedValue("style", "Office")!;
    expect(a).not.toBeNull();
    expect(model.embedValue("STYLE", "office!")).toEqual(a);
    expect(model.embedValue("style", "no such value")).toBeNull();
    expect(model.embedValue("colour", "red")).toBeNull();
    const near = nearestItems(model.items, model.dim, a, 4).map((i) => categoryValues(style, i));
    expect(near.filter((s) => s.includes("office")).length).toBeGreaterThanOrEqual(3);
  });

  it("corrects a typo and returns null for text it cannot read", () => {
    const fixed = top("waterprof", 2).map((i) => catalog.titles[i]);
    expect(fixed.sort()).toEqual(["Hiking boots", "Rain jacket"]);
    expect(model.embedText("qqqq xxxx")).toBeNull();
  });
});
