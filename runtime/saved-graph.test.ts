import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultPlannerSpec } from "../graphs/default-specs.ts";
import { openSqliteStore } from "../server/storage/sqlite-store.ts";
import { readSavedGraph } from "./saved-graph.ts";

describe("readSavedGraph", () => {
  it("reads a version saved on a server from its data folder, and says which versions exist otherwise", async () => {
    const dir = mkdtempSync(join(tmpdir(), "recbot-saved-graph-"));
    expect(() => readSavedGraph("planner@1", dir)).toThrow(/planner@1: no server database at .*recbot\.sqlite/);
    const store = openSqliteStore(join(dir, "recbot.sqlite"));
    const spec = defaultPlannerSpec();
    await store.saveGraphVersion({ name: "planner", spec, note: "v1" });
    const changed = structuredClone(spec);
    changed.nodes.find((n) => n.id === "matcher")!.data = { ...changed.nodes.find((n) => n.id === "matcher")!.data, alpha: 1 };
    await store.saveGraphVersion({ name: "planner", spec: changed, note: "v2" });
    await store.close();
    const read = readSavedGraph("planner@2", dir) as typeof spec;
    expect(read.kind).toBe("planner");
    expect(read.nodes.find((n) => n.id === "matcher")!.data).toMatchObject({ alpha: 1 });
    expect(() => readSavedGraph("planner@9", dir)).toThrow(/planner@9: graph `planner` has versions 1, 2/);
    expect(() => readSavedGraph("ranker@1", dir)).toThrow(/no saved graph `ranker`/);
  });
});
