import { describe, expect, it } from "vitest";
import { stem, tokenize, valueKey, valueToken } from "./tokenizer.ts";

describe("tokenizer", () => {
  it("lowercases, splits, drops stopwords and numbers, folds plurals", () => {
    expect(tokenize("Show me some Comedies from 1995, with Zombies!")).toEqual(tokenize("comedy zombie"));
    expect(tokenize("movies movie")).toEqual(["movi", "movi"]);
    expect(stem("dresses")).toBe("dress");
    expect(stem("glass")).toBe("glass");
  });

  it("keys values case- and punctuation-insensitively", () => {
    expect(valueKey("Sci-Fi")).toBe(valueKey("sci fi"));
    expect(valueToken("Genre", "Film-Noir")).toBe("genre=filmnoir");
  });
});
