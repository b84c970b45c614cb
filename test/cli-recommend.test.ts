import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../catalog/load-catalog.ts";
import type { Catalog } from "../catalog/catalog.ts";
import { categoryValues, historyOf } from "../catalog/catalog.ts";
import { jsonLines, mlRef, runCli, tempDir } from "./helpers.ts";

const dataDir = tempDir("cli");
let catalog: Catalog;

const comedyNoHorror = {
  positive: { hard: [{ attribute: "genre", values: ["Comedy"] }], soft: [{ attribute: "year", min: 1990, max: 1999 }] },
  negative: { hard: [{ attribute: "genre", values: ["Horror"] }], soft: [] },
};
const after2000 = { positive: { hard: [{ attribute: "year", min: 2000 }], soft: [] }, negative: { hard: [], soft: [] } };

function genres(id: string): string[] {
  const column = catalog.columns.get("genre");
  if (column?.kind !== "category") throw new Error("genre column missing");
  return categoryValues(column, catalog.indexOf.get(id)!);
}

beforeAll(async () => {
  ({ catalog } = await loadCatalog(mlRef));
});

describe("recbot recommend (oracle sessions on MovieLens)", () => {
  it("answers each line in order, honours hard constraints and never returns history or excluded items", async () => {
    const input = [
      { id: "s1", user: "42", preferences: [comedyNoHorror, after2000], exclude: ["1", "2"] },
      { id: "s2", user: 7 },
      { id: "bad", user: "42", preferences: [{ positive: { hard: [{ attribute: "year", min: 2000, max: 1990 }] } }] },
      { id: "s3" },
    ].map((l) => JSON.stringify(l)).join("\n") + "\nnot json\n";
    const result = await runCli(["recommend", "--catalog", mlRef, "--k", "10", "--quiet", "--data-dir", dataDir], input);
    expect(result.code, result.stderr).toBe(0);
    const out = jsonLines(result.stdout);
    expect(out.map((l) => l.id)).toEqual(["s1", "s2", "bad", "s3", null]);

    const [s1, s2, bad, s3, notJson] = out;
    expect(s1.turns).toHaveLength(3);
    const history = new Set(Array.from(historyOf(catalog, catalog.interactions.userIndex.get("42")!), (i) => catalog.ids[i]));
    for (const turn of s1.turns) {
      expect(turn.items).toHaveLength(10);
      expect(typeof turn.ms).toBe("number");
      for (const id of turn.items) {
        expect(history.has(id)).toBe(false);
        expect(["1", "2"]).not.toContain(id);
      }
    }
    for (const id of s1.turns[1].items) {
      expect(genres(id)).toContain("Comedy");
      expect(genres(id)).not.toContain("Horror");
    }
    const year = catalog.columns.get("year");
    if (year?.kind !== "number") throw new Error("year column missing");
    for (const id of s1.turns[2].items) expect(year.values[catalog.indexOf.get(id)!]).toBeGreaterThanOrEqual(2000);
    expect(s1.turns[0].items).not.toEqual(s1.turns[1].items);

    expect(s2.turns).toHaveLength(1);
    expect(bad.error).toMatch(/min must not exceed max/);
    expect(notJson.error).toMatch(/line 5: not valid JSON/);
    // without a user the feed is the same popularity ranking for everyone, and differs from a personal one
    expect(s3.turns[0].items).toHaveLength(10);
    expect(s3.turns[0].items).not.toEqual(s2.turns[0].items);
  });

  it("runs command sessions: each turn parses with the memory and feed of the turn before", async () => {
    const session = { id: "c1", user: "42", commands: ["no horror please", "only comedies"] };
    const result = await runCli(["recommend", "--catalog", mlRef, "--quiet", "--data-dir", dataDir], JSON.stringify(session));
    const [line] = jsonLines(result.stdout);
    expect(line.turns.map((t: { command: string | null }) => t.command)).toEqual([null, "no horror please", "only comedies"]);
    const last = line.turns[2];
    // the memory carries the first command's constraint into the second turn
    expect(JSON.stringify(last.preferences.negative)).toContain("Horror");
    expect(JSON.stringify(last.preferences.positive)).toContain("Comedy");
    for (const id of last.items) {
      expect(genres(id)).toContain("Comedy");
      expect(genres(id)).not.toContain("Horror");
    }
  });

  it("rejects wrong arguments with a usage message and exit code 2", async () => {
    const result = await runCli(["recommend", "--catalog", mlRef, "--k", "zero"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--k must be a positive whole number, got "zero"/);
  });
});
