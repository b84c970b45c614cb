import { describe, expect, it } from "vitest";
import { comparativeBases, comparativePole } from "./comparatives.ts";
import { ordinalAt } from "./feed-references.ts";
import { normalizeCommand } from "./normalize.ts";
import { findNumbers } from "./numbers.ts";

const first = (command: string) => findNumbers(normalizeCommand(command).tokens)[0]?.mention;
const ordinal = (command: string, at: number) => ordinalAt(normalizeCommand(command).tokens, at);

describe("general rules that carry over to any catalog", () => {
  it("reads gradable comparatives, with e-final bases, as a direction", () => {
    expect(comparativeBases("closer")).toContain("close");
    expect(comparativePole("closer")).toEqual({ base: "close", up: false });
    expect(comparativePole("bigger")).toEqual({ base: "big", up: true });
    expect(comparativePole("larger")).toEqual({ base: "large", up: true });
    expect(comparativePole("heavier")).toEqual({ base: "heavy", up: true });
    expect(comparativePole("water")).toBeUndefined();
  });

  it("turns '<comparative> than N' into a strict bound", () => {
    expect(first("lighter than 1.5 kg")).toMatchObject({ max: 1.5, strictMax: true, after: ["kg"] });
    expect(first("bigger than 15 inches")).toMatchObject({ min: 15, strictMin: true });
  });

  it("reads compound number words and trailing bounds after the unit and its noun", () => {
    expect(first("twenty five dollars max")).toMatchObject({ max: 25, currency: true });
    expect(first("4 stars minimum")).toMatchObject({ min: 4, after: ["stars"] });
    expect(first("twelve hours of battery at least")).toMatchObject({ min: 12, after: ["hours", "of", "battery"] });
    expect(first("4 stars and at least 100 reviews")).toMatchObject({ min: 4, max: 4 });
  });

  it("splits a hyphenated unit from its number", () => {
    expect(normalizeCommand("a 15-inch laptop").tokens).toEqual(["a", "15", "inch", "laptop"]);
  });

  it("counts positions from the end and reads 'like the last <noun>'", () => {
    expect(ordinal("like the second to last one", 1)).toEqual({ position: -2, length: 5 });
    expect(ordinal("the next to last", 0)).toMatchObject({ position: -2 });
    expect(ordinal("something like the last hotel", 2)).toEqual({ position: -1, length: 3 });
    expect(ordinal("the last year", 0)).toBeUndefined();
  });
});
