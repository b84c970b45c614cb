import { describe, expect, it } from "vitest";
import { emptyPreferences } from "../schemas/preferences.ts";
import { consolidateMemory, sameText } from "./consolidate.ts";
import type { Op } from "./delta.ts";
import { prefs } from "./test-catalogs.ts";

const genre = (...values: string[]) => ({ attribute: "genre", values });
const run = (memory = emptyPreferences(), ...ops: Op[]) => consolidateMemory(memory, { ops });

describe("consolidateMemory", () => {
  it("preserves the memory when there is nothing to do", () => {
    const memory = prefs({ positive: { soft: [genre("Comedy")] }, negative: { hard: [genre("Horror")] } });
    expect(run(memory)).toEqual(memory);
  });

  it("integrates: merges values of the same attribute and polarity", () => {
    const out = run(prefs({ positive: { soft: [genre("Comedy")] } }), { op: "add", polarity: "positive", strength: "soft", constraint: genre("Romance") });
    expect(out.positive.soft).toEqual([genre("Comedy", "Romance")]);
  });

  it("integrates: newer numeric bounds replace older ones on the same attribute and polarity", () => {
    const memory = prefs({ positive: { hard: [{ attribute: "year", min: 1980, max: 1989 }] } });
    expect(run(memory, { op: "add", polarity: "positive", strength: "hard", constraint: { attribute: "year", min: 2000, max: 2009 } }).positive.hard).toEqual([
      { attribute: "year", min: 2000, max: 2009 },
    ]);
    const open = prefs({ positive: { hard: [{ attribute: "year", max: 2009 }] } });
    expect(run(open, { op: "add", polarity: "positive", strength: "hard", constraint: { attribute: "year", min: 2001 } }).positive.hard).toEqual([
      { attribute: "year", min: 2001, max: 2009 },
    ]);
  });

  it("resolves: a value moves to the new bucket and is never in two", () => {
    const memory = prefs({ positive: { soft: [genre("Comedy", "Romance")] } });
    const out = run(memory, { op: "add", polarity: "negative", strength: "hard", constraint: genre("Comedy") });
    expect(out).toEqual(prefs({ positive: { soft: [genre("Romance")] }, negative: { hard: [genre("Comedy")] } }));
    const harder = run(prefs({ negative: { soft: [genre("Comedy")] } }), { op: "add", polarity: "negative", strength: "hard", constraint: genre("Comedy") });
    expect(harder).toEqual(prefs({ negative: { hard: [genre("Comedy")] } }));
  });

  it("resolves: accepting a value again removes it from the negative buckets only", () => {
    const memory = prefs({ positive: { soft: [genre("Drama")] }, negative: { hard: [genre("Horror", "War")] } });
    const out = run(memory, { op: "remove", scope: "negative", constraint: genre("Horror") });
    expect(out).toEqual(prefs({ positive: { soft: [genre("Drama")] }, negative: { hard: [genre("War")] } }));
    const years = prefs({ negative: { hard: [{ attribute: "year", min: 1980, max: 1989 }] } });
    expect(run(years, { op: "remove", scope: "negative", constraint: { attribute: "year", min: 1980, max: 1989 } })).toEqual(emptyPreferences());
  });

  it("a positive range removes an overlapping negative one", () => {
    const memory = prefs({ negative: { hard: [{ attribute: "year", min: 1980, max: 1989 }] } });
    const out = run(memory, { op: "add", polarity: "positive", strength: "hard", constraint: { attribute: "year", min: 1985, max: 1995 } });
    expect(out).toEqual(prefs({ positive: { hard: [{ attribute: "year", min: 1985, max: 1995 }] } }));
  });

  it("forgets an attribute, a value or a text", () => {
    const memory = prefs({
      positive: { hard: [{ attribute: "year", max: 1979 }], soft: [genre("Comedy", "Romance"), { attribute: "text", text: "time travel" }] },
    });
    expect(run(memory, { op: "remove", scope: "all", constraint: { attribute: "year" } }).positive.hard).toEqual([]);
    expect(run(memory, { op: "remove", scope: "all", constraint: genre("Romance") }).positive.soft[0]).toEqual(genre("Comedy"));
    expect(run(memory, { op: "remove", scope: "all", constraint: { attribute: "text", text: "time travel" } }).positive.soft).toEqual([genre("Comedy", "Romance")]);
  });

  it("resets, then applies what follows", () => {
    const memory = prefs({ positive: { soft: [genre("Horror")] }, negative: { hard: [genre("Comedy")] } });
    const out = run(memory, { op: "reset" }, { op: "add", polarity: "positive", strength: "soft", constraint: genre("Western") });
    expect(out).toEqual(prefs({ positive: { soft: [genre("Western")] } }));
  });

  it("moves a text intent between buckets", () => {
    const memory = prefs({ positive: { soft: [{ attribute: "text", text: "superhero" }] } });
    const out = run(memory, { op: "add", polarity: "negative", strength: "soft", constraint: { attribute: "text", text: "superhero" } });
    expect(out).toEqual(prefs({ negative: { soft: [{ attribute: "text", text: "superhero" }] } }));
  });

  it("does not change the memory it was given", () => {
    const memory = prefs({ positive: { soft: [genre("Comedy")] } });
    run(memory, { op: "add", polarity: "negative", strength: "hard", constraint: genre("Comedy") });
    expect(memory.positive.soft).toEqual([genre("Comedy")]);
  });
});

describe("sameText", () => {
  it("compares stemmed content words", () => {
    expect(sameText("time travel", "time-travel movies")).toBe(true);
    expect(sameText("zombies", "zombie")).toBe(true);
    expect(sameText("heist", "time travel")).toBe(false);
  });
});
