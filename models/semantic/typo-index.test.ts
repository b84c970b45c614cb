import { describe, expect, it } from "vitest";
import { editDistance, TypoIndex } from "./typo-index.ts";

describe("typo fallback", () => {
  it("counts edits, swaps included", () => {
    expect(editDistance("horor", "horror")).toBe(1);
    expect(editDistance("comdey", "comedy")).toBe(1);
    expect(editDistance("abc", "xyzw")).toBe(3);
  });

  it("finds the nearest known word within two edits", () => {
    const words = ["horror", "comedy", "romance", "honor"];
    const index = new TypoIndex(words, (i) => [10, 10, 10, 1][i]);
    expect(words[index.nearest("horor")]).toBe("horror");
    expect(words[index.nearest("comdey")]).toBe("comedy");
    expect(index.nearest("zebra")).toBe(-1);
  });
});
