import { describe, expect, it } from "vitest";
import { toolIds } from "../tools/registry.ts";
import { getNodeType, nodePalette } from "./node-registry.ts";

describe("node registry", () => {
  it("offers every Planner tool and every Parser stage, each with a JSON Schema form", () => {
    const planner = nodePalette("planner").map((t) => t.id);
    expect(planner).toEqual(["start", "end", ...toolIds]);
    const parser = nodePalette("parser").map((t) => t.id);
    expect(parser).toEqual(["start", "end", "normalize", "extract", "ground", "consolidate", "validate", "llm_parse"]);
    const matcher = nodePalette("planner").find((t) => t.id === "matcher")!;
    expect(matcher.params).toMatchObject({ type: "object", properties: { alpha: { type: "number", minimum: 0, maximum: 1, default: 0.5 } } });
    for (const entry of [...nodePalette("planner"), ...nodePalette("parser")]) expect(entry.description.length).toBeGreaterThan(10);
  });

  it("looks up own ids only", () => {
    expect(getNodeType("constructor")).toBeUndefined();
    expect(getNodeType("__proto__")).toBeUndefined();
    expect(getNodeType("filter")?.kind).toBe("planner");
  });
});
