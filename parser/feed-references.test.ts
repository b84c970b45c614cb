import { describe, expect, it } from "vitest";
import { feedItemAt, ordinalAt, titleWords } from "./feed-references.ts";

const at = (text: string) => ordinalAt(text.split(" "), 0);

describe("ordinalAt", () => {
  it("reads ordinal words, numbered ordinals and 'number N' as feed positions", () => {
    expect(at("the second one")).toEqual({ position: 1, length: 3 });
    expect(at("the fifth")).toEqual({ position: 4, length: 2 });
    expect(at("the 3rd one")).toEqual({ position: 2, length: 3 });
    expect(at("number 4")).toEqual({ position: 3, length: 2 });
    expect(at("the last one")).toEqual({ position: -1, length: 3 });
    expect(at("the top one")).toEqual({ position: 0, length: 3 });
  });

  it("ignores ordinals that are not about the feed", () => {
    expect(at("the first time")).toBeUndefined();
    expect(at("the top rated")).toBeUndefined();
    expect(at("second one")).toBeUndefined();
  });
});

describe("feedItemAt", () => {
  it("indexes from the top, and from the end for -1", () => {
    expect(feedItemAt(["a", "b", "c"], 1)).toBe("b");
    expect(feedItemAt(["a", "b", "c"], -1)).toBe("c");
    expect(feedItemAt(["a"], 3)).toBeUndefined();
  });
});

describe("titleWords", () => {
  it("drops the year and moves no trailing article into the words", () => {
    expect(titleWords("Matrix, The (1999)")).toEqual(["matrix"]);
    expect(titleWords("The Iron Duke")).toEqual(["iron", "duke"]);
    expect(titleWords("Zuri & Wilde denim skirt — black")).toEqual(["zuri", "wilde", "denim", "skirt", "black"]);
  });
});
