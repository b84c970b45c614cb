import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultParserSpec, defaultPlannerSpec } from "../graphs/default-specs.ts";
import { readVariantOption, readVariantOptions } from "./ab-command.ts";

const dir = mkdtempSync(join(tmpdir(), "recbot-ab-options-"));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};
const planner = file("planner.json", { ...defaultPlannerSpec(), name: "My Planner" });
const parser = file("parser.json", { ...defaultParserSpec(), name: "My Parser" });

describe("--variant NAME=FILE[,FILE]", () => {
  it("reads each file's spec into the slot its kind names; no files means the default graphs", () => {
    const both = readVariantOption(`b=${planner}, ${parser}`);
    expect([both.name, both.planner?.name, both.parser?.name]).toEqual(["b", "My Planner", "My Parser"]);
    expect(readVariantOption("control")).toEqual({ name: "control", weight: 1 });
    expect(readVariantOption("control=")).toEqual({ name: "control", weight: 1 });
  });

  it("says what is wrong with a malformed variant", () => {
    expect(() => readVariantOption(`=${planner}`)).toThrow(/--variant takes NAME=FILE\[,FILE\] with a name of letters, digits, _ \. -; got "=/);
    expect(() => readVariantOption("a b")).toThrow(/got "a b"/);
    expect(() => readVariantOption(`b=${planner},${planner}`)).toThrow(/^--variant b: more than one planner graph \(.*planner\.json is the second\)$/);
    expect(() => readVariantOption(`b=${join(dir, "missing.json")}`)).toThrow(/^--variant b: .*missing\.json: not a readable JSON graph spec \(ENOENT/);
    expect(() => readVariantOption(`b=${file("text.json", "{ nope")}`)).toThrow(/text\.json: not a readable JSON graph spec/);
    const unknownNode = { ...defaultPlannerSpec(), nodes: defaultPlannerSpec().nodes.map((n) => (n.id === "filter" ? { ...n, type: "sieve" } : n)) };
    expect(() => readVariantOption(`b=${file("unknown.json", unknownNode)}`)).toThrow(/^--variant b: .*unknown\.json: .*sieve/);
  });

  it("needs two variants with distinct names", () => {
    expect(() => readVariantOptions(["a"])).toThrow(/at least two --variant/);
    expect(() => readVariantOptions(["a", `a=${planner}`])).toThrow(/"a" is given twice/);
    expect(readVariantOptions(["a", `b=${planner}`]).map((v) => v.name)).toEqual(["a", "b"]);
  });
});
