import { describe, expect, it } from "vitest";
import { normalizeCommand } from "./normalize.ts";

describe("normalizeCommand", () => {
  it("expands contractions and keeps meaningful symbols as tokens", () => {
    expect(normalizeCommand("Don't show me '90s stuff").tokens).toEqual(["do", "not", "show", "me", "90s", "stuff"]);
    expect(normalizeCommand("under $50, 4+ stars").tokens).toEqual(["under", "$", "50", ",", "4", "+", "stars"]);
  });

  it("splits hyphenated words but keeps a dash between numbers, and splits units glued to numbers", () => {
    expect(normalizeCommand("sci-fi 1995-2005").tokens).toEqual(["sci", "fi", "1995", "-", "2005"]);
    expect(normalizeCommand("2hrs, 3.5 stars, 1,000 reviews").tokens).toEqual(["2", "hrs", ",", "3.5", "stars", ",", "1000", "reviews"]);
  });

  it("folds general abbreviations and accents", () => {
    expect(normalizeCommand("rom-coms pls").tokens).toEqual(["romantic", "comedies", "please"]);
    expect(normalizeCommand("Café").tokens).toEqual(["cafe"]);
  });
});
