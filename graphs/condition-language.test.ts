import { describe, expect, it } from "vitest";
import { ConditionError, evaluateCondition, MAX_CONDITION_DEPTH, parseCondition } from "./condition-language.ts";

const scope = {
  positive: { hard: [], soft: [{ attribute: "genre", values: ["Comedy"] }] },
  negative: { hard: [{ attribute: "year", min: 1990 }], soft: [] },
  candidates: { count: 7 },
  name: "horror",
  flag: false,
};
const run = (source: string) => evaluateCondition(parseCondition(source), scope);
const errorOf = (source: string) => {
  try {
    parseCondition(source);
  } catch (e) {
    if (e instanceof ConditionError) return e.message;
    throw e;
  }
  throw new Error(`\`${source}\` parsed`);
};

describe("condition language", () => {
  it("reads dotted paths, array lengths and literals", () => {
    expect(run("positive.soft.length > 0")).toBe(true);
    expect(run("positive.hard.length > 0")).toBe(false);
    expect(run("negative.hard.length > 0 || positive.hard.length > 0")).toBe(true);
    expect(run("!(candidates.count < 10)")).toBe(false);
    expect(run("candidates.count >= 7 && candidates.count <= 7.5")).toBe(true);
    expect(run("name == 'horror' && name != \"comedy\"")).toBe(true);
    expect(run("flag == false && missing.path == null") ).toBe(false); // missing → undefined, not null
    expect(run("missing.path")).toBe(false);
    expect(run("positive.soft")).toBe(true); // a non-empty list is truthy
  });

  it("binds ! tighter than comparison, && tighter than ||", () => {
    // true || (false && false) = true; (true || false) && false would be false
    expect(run("candidates.count > 1 || flag && flag")).toBe(true);
    expect(run("(candidates.count > 1 || flag) && flag")).toBe(false);
    // !flag is true; `!flag == true` = (!flag) == true
    expect(run("!flag == true")).toBe(true);
    expect(run("!!flag")).toBe(false);
  });

  it("rejects prototype access, calls and indexing with the column", () => {
    expect(errorOf('constructor.constructor("return process")()')).toBe("col 1: `constructor` is not allowed in a path (no prototype access)");
    expect(errorOf("__proto__.x")).toBe("col 1: `__proto__` is not allowed in a path (no prototype access)");
    expect(errorOf("positive.prototype")).toBe("col 10: `prototype` is not allowed in a path (no prototype access)");
    expect(errorOf("a[0]")).toMatch(/^col 2: unexpected character `\[` \(no indexing/);
    expect(errorOf("positive.soft.length()")).toBe("col 21: `positive.soft.length` cannot be called: conditions have no function calls");
    expect(errorOf("a == 1 && f(1)")).toBe("col 12: `f` cannot be called: conditions have no function calls");
  });

  it("names the position and what it expected", () => {
    expect(errorOf("candidates.count > (")).toBe("col 21: expected a value, got the end of the condition");
    expect(errorOf("positive.soft && (")).toBe("col 19: expected a value, got the end of the condition");
    expect(errorOf("a > > 1")).toBe("col 5: expected a value, got `>`");
    expect(errorOf("(a > 1")).toBe("col 7: expected `)` to close the `(` at col 1, got the end of the condition");
    expect(errorOf("a. > 1")).toBe("col 4: expected a property name after `.`, got `>`");
    expect(errorOf("a = 1")).toBe("col 3: unexpected character `=` (compare with `==`)");
    expect(errorOf("a === 1")).toBe("col 3: use `==` (comparison is always strict)");
    expect(errorOf("1 < a < 3")).toBe("col 7: comparisons do not chain: expected `&&`, `||` or `)`, got `<`");
    expect(errorOf("'open")).toBe("col 1: string starting here is not closed with '");
    expect(errorOf("   ")).toBe("col 1: empty condition: expected a value");
    expect(errorOf("a b")).toBe("col 3: expected an operator or the end, got `b`");
  });

  it("limits length and depth", () => {
    expect(errorOf("a".repeat(501))).toMatch(/longer than 500 characters/);
    expect(errorOf("(".repeat(MAX_CONDITION_DEPTH + 1) + "a" + ")".repeat(MAX_CONDITION_DEPTH + 1))).toMatch(/nested deeper than/);
    expect(errorOf("!".repeat(MAX_CONDITION_DEPTH + 1) + "a")).toMatch(/nested deeper than/);
  });

  it("only follows own data properties of plain objects", () => {
    const tricky = Object.create({ inherited: 1 }, { getter: { get: () => 1, enumerable: true } });
    const ast = (s: string) => parseCondition(s);
    expect(evaluateCondition(ast("o.inherited == 1"), { o: { ...{}, own: 1 } })).toBe(false);
    expect(evaluateCondition(ast("o.getter == 1"), { o: tricky })).toBe(false);
    expect(evaluateCondition(ast("o.toString == null"), { o: {} })).toBe(false);
    expect(evaluateCondition(ast("o.length == 3"), { o: new Uint32Array(3) })).toBe(false);
    expect(evaluateCondition(ast("o.size == 1"), { o: new Map([[1, 1]]) })).toBe(false);
  });

  it("reports comparisons between things that are not numbers or strings", () => {
    expect(() => run("positive.soft > 0")).toThrow("col 15: `>` needs two numbers or two strings, got a list and number 0");
  });
});
