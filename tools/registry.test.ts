import { describe, expect, it } from "vitest";
import { z } from "zod";
import { invokeTool } from "./define-tool.ts";
import { applyUpdate, initialRankState } from "./rank-state.ts";
import { getTool, toolIds } from "./registry.ts";
import { fixtureContext, prefs } from "./test-fixtures.ts";

const ctx = fixtureContext();

describe("tool registry", () => {
  it("lists every tool under its snake_case id", () => {
    expect(toolIds).toEqual(["filter", "matcher", "attenuator", "aggregator"]);
    for (const id of toolIds) {
      expect(getTool(id)?.id).toBe(id);
      expect(id).toMatch(/^[a-z]+(_[a-z]+)*$/);
    }
    expect(getTool("toString")).toBeUndefined();
  });

  it("turns every params schema into a JSON schema with a description on each field", () => {
    for (const id of toolIds) {
      const schema = z.toJSONSchema(getTool(id)!.params) as { type: string; properties: Record<string, { description?: string }> };
      expect(schema.type).toBe("object");
      for (const [field, prop] of Object.entries(schema.properties ?? {})) expect(prop.description, `${id}.${field}`).toBeTruthy();
    }
  });

  it("runs every tool by id on a mixed state with default params", () => {
    let state = initialRankState({
      preferences: prefs({
        positive: { hard: [{ attribute: "year", min: 1990 }], soft: [{ attribute: "genre", values: ["Comedy"] }] },
        negative: { soft: [{ attribute: "text", text: "scary" }] },
      }),
      history: Uint32Array.from([0]),
      k: 3,
    });
    for (const id of toolIds) state = applyUpdate(state, invokeTool(getTool(id)!, state, {}, ctx));
    expect(state.feed?.items.length).toBe(3);
    expect(new Set(state.notes.map((n) => n.tool))).toEqual(new Set(toolIds));
  });
});
