import { describe, expect, it } from "vitest";
import { extractClauses } from "./extract.ts";
import { normalizeCommand } from "./normalize.ts";

const clauses = (command: string) =>
  extractClauses(normalizeCommand(command)).clauses.map((c) => ({ words: c.words.join(" "), polarity: c.polarity, strength: c.strength, act: c.act }));

describe("extractClauses", () => {
  it("scopes a negation up to 'but'", () => {
    expect(clauses("no horror or gore, but funny")).toEqual([
      { words: "horror or gore", polarity: "negative", strength: "hard", act: undefined },
      { words: "funny", polarity: "positive", strength: undefined, act: undefined },
    ]);
    expect(clauses("comedy not horror").map((c) => c.polarity)).toEqual(["positive", "negative"]);
  });

  it("ends a negation where 'and' opens a new request, not where it joins more of what is excluded", () => {
    expect(clauses("no horror and something from the 90s").map((c) => [c.words, c.polarity])).toEqual([["horror", "negative"], ["something", "positive"]]); // "the 90s" is read as a number mention
    expect(clauses("too many comedies in here and made after 2000").map((c) => c.polarity)).toEqual(["negative", "positive"]);
    expect(clauses("no horror or anything gory")).toHaveLength(1);
    expect(clauses("no horror and gore")).toEqual([{ words: "horror and gore", polarity: "negative", strength: "hard", act: undefined }]);
    expect(clauses("enough comedy already and horror only").map((c) => [c.polarity, c.strength])).toEqual([["negative", "soft"], ["positive", "hard"]]);
    expect(clauses("I'd prefer comedy and 2010s only").slice(-2).map((c) => [c.polarity, c.strength])).toEqual([["positive", "soft"], ["positive", "hard"]]);
    expect(clauses("comedies and dramas only")).toHaveLength(1);
    expect(clauses("fewer documentaries please and thrillers please").map((c) => c.polarity)).toEqual(["negative", "positive"]);
  });

  it("re-aims a plain description with a following 'less of that' / 'more of that'", () => {
    expect(clauses("that's a lot of romance, less of that")).toEqual([{ words: expect.stringContaining("romance"), polarity: "negative", strength: "soft", act: undefined }]);
    expect(clauses("lots of westerns here, more of that please")[0]).toMatchObject({ polarity: "positive", strength: "soft" });
    // a description that carries its own cue keeps it; "less of that" then stands alone
    expect(clauses("only romance, less of that")[0]).toMatchObject({ polarity: "positive", strength: "hard" });
  });

  it("reads hard and soft cue words", () => {
    expect(clauses("only comedies")[0].strength).toBe("hard");
    expect(clauses("IMAX only please")[0]).toMatchObject({ words: "imax please", strength: "hard" });
    expect(clauses("comedies please")[0].strength).toBeUndefined();
    expect(clauses("a bit less sci-fi")[0]).toMatchObject({ polarity: "negative", strength: "soft" });
    expect(clauses("nothing too gory")[0]).toMatchObject({ polarity: "negative", strength: "soft" });
    expect(clauses("nothing but horror")[0]).toMatchObject({ polarity: "positive", strength: "hard" });
    expect(clauses("anything but romance")[0]).toMatchObject({ polarity: "negative", strength: "hard" });
    expect(clauses("in the mood for westerns")[0]).toMatchObject({ polarity: "positive", strength: "soft" });
  });

  it("marks forget, reset and accept clauses", () => {
    expect(clauses("forget the year thing")[0].act).toBe("forget");
    expect(clauses("start over")[0].act).toBe("reset");
    expect(clauses("actually comedies are fine, give me some").map((c) => c.act)).toEqual(["accept", undefined]);
  });

  it("opens a clause at 'with'/'about' and records feed ordinals and hedges", () => {
    const found = extractClauses(normalizeCommand("heist movie with a twist ending, preferably from the 70s")).clauses;
    expect(found.map((c) => c.words.join(" "))).toEqual(["heist movie", "a twist ending", ""]);
    expect(found[2]).toMatchObject({ hedged: true, numbers: [expect.objectContaining({ min: 1970, max: 1979 })] });
    expect(extractClauses(normalizeCommand("fewer like the top one, more like the fifth")).clauses.map((c) => c.ordinals)).toEqual([[0], [4]]);
  });

  it("flags a pronoun object as a reference to the previous clause, not a subject", () => {
    const [, second] = extractClauses(normalizeCommand("seen the first one, don't show it again")).clauses;
    expect(second).toMatchObject({ anaphora: true, polarity: "negative" });
    const [, last] = extractClauses(normalizeCommand("drama, so it is not boring")).clauses;
    expect(last.anaphora).toBe(false);
  });
});
