import { describe, expect, it } from "vitest";
import { normalizeCommand } from "./normalize.ts";
import { findNumbers } from "./numbers.ts";

const first = (command: string) => findNumbers(normalizeCommand(command).tokens)[0]?.mention;

describe("findNumbers", () => {
  it("reads decades in digits and words, with early/mid/late", () => {
    expect(first("90s stuff")).toMatchObject({ min: 1990, max: 1999, yearLike: true });
    expect(first("from the 1980s")).toMatchObject({ min: 1980, max: 1989 });
    expect(first("the nineties")).toMatchObject({ min: 1990, max: 1999 });
    expect(first("the 2000s")).toMatchObject({ min: 2000, max: 2009 });
    expect(first("late 70s")).toMatchObject({ min: 1976, max: 1979 });
  });

  it("reads comparators before and after the number, strict or inclusive", () => {
    expect(first("after 2010")).toMatchObject({ min: 2010, strictMin: true });
    expect(first("since 2010")).toEqual(expect.objectContaining({ min: 2010 }));
    expect(first("since 2010")?.strictMin).toBeUndefined();
    expect(first("older than 2000")).toMatchObject({ max: 2000, strictMax: true });
    expect(first("2015 or newer")).toMatchObject({ min: 2015 });
    expect(first("at most 40")).toMatchObject({ max: 40 });
    expect(first("rated 4+")).toMatchObject({ min: 4, before: ["rated"] });
    expect(first("4 stars or more")).toMatchObject({ min: 4, after: ["stars"] });
  });

  it("reads ranges, currencies, units and approximations", () => {
    expect(first("between 1995 and 2005")).toMatchObject({ min: 1995, max: 2005 });
    expect(first("from 50 to 80 euros")).toMatchObject({ min: 50, max: 80, currency: true });
    expect(first("under €80")).toMatchObject({ max: 80, currency: true });
    expect(first("less than 2 hours")).toMatchObject({ max: 2, after: ["hours"] });
    expect(first("around 200")).toMatchObject({ min: 200, max: 200, approx: true });
    expect(first("under fifty dollars")).toMatchObject({ max: 50, currency: true });
  });

  it("keeps the words before each number in its own clause", () => {
    const found = findNumbers(normalizeCommand("rated by at least 50 people and above 4 stars").tokens);
    expect(found.map((f) => f.mention.before)).toEqual([["rated", "by"], []]);
    expect(found.map((f) => f.mention.after[0])).toEqual(["people", "stars"]);
  });

  it("finds nothing in a command without numbers", () => {
    expect(findNumbers(normalizeCommand("the second one, no horror").tokens)).toEqual([]);
  });
});
