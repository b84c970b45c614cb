import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../catalog/load-catalog.ts";
import { loadCatalogModels } from "../models/build-models.ts";
import { isRange } from "../schemas/preferences.ts";
import { SimulatedSession, type Scenario } from "../schemas/simulated-session.ts";
import { recommendTurn } from "../tools/run-chain.ts";
import { createToolContext, type ToolContext } from "../tools/tool-context.ts";
import { holdOut, type HeldOutCase } from "./holdout.ts";
import { hardMatchCount, satisfiesHard } from "./satisfiable.ts";
import { SCENARIOS, simulateSession } from "./scenarios.ts";

const mlRef = `movielens:${fileURLToPath(new URL("../../shared/data/ml-latest-small/", import.meta.url))}`;
const SESSIONS = 25;

describe.each(["demo", mlRef])("simulated sessions on %s", (ref) => {
  let ctx: ToolContext;
  let cases: HeldOutCase[];
  const sessions = new Map<Scenario, SimulatedSession[]>();

  const generate = (scenario: Scenario, seed: number) =>
    cases.slice(0, SESSIONS).flatMap((heldOut, n) => {
      const session = simulateSession({
        id: `${scenario}-${n}`, scenario, catalogRef: ref, index: ctx.index, heldOut, seed: seed + n,
        recommend: (preferences, h) => recommendTurn(ctx, { preferences, user: h.user, k: 10 }).items.map((id) => ctx.catalog.indexOf.get(id)!),
      });
      return session ? [session] : [];
    });

  beforeAll(async () => {
    const { catalog } = await loadCatalog(ref);
    const split = holdOut(catalog, { targets: 2 });
    cases = split.cases;
    ctx = createToolContext(split.training, await loadCatalogModels(split.training, { dataDir: mkdtempSync(join(tmpdir(), "recbot-sim-")) }));
    for (const scenario of ["SR", "MR", "MRID"] as const) sessions.set(scenario, generate(scenario, 100));
  });

  it("is deterministic by seed and varies with it", () => {
    expect(generate("MR", 100)).toEqual(sessions.get("MR"));
    expect(generate("MR", 200).map((s) => s.turns[0].command)).not.toEqual(sessions.get("MR")!.map((s) => s.turns[0].command));
  });

  it("records sessions the schema accepts, SR as one compound command", () => {
    for (const list of sessions.values()) {
      expect(list.length).toBeGreaterThan(SESSIONS / 2);
      for (const s of list) expect(SimulatedSession.parse(s)).toEqual(s);
    }
    for (const s of sessions.get("SR")!) {
      expect(s.turns).toHaveLength(1);
      expect(s.turns[0].intents.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("never states a hard constraint its target violates, and always leaves 20 items", () => {
    const { index, catalog } = ctx;
    for (const list of sessions.values()) {
      for (const s of list) {
        for (const turn of s.turns) {
          const target = catalog.indexOf.get(s.targets[turn.target])!;
          expect(hardMatchCount(index, turn.gold)).toBeGreaterThanOrEqual(20);
          expect(satisfiesHard(index, turn.gold, target)).toBe(true);
          for (const c of turn.gold.negative.soft) if ("values" in c) expect(satisfiesHard(index, { positive: { hard: [], soft: [] }, negative: { hard: [c], soft: [] } }, target)).toBe(true);
        }
      }
    }
  });

  it("never pinpoints the target's numbers nor names its title", () => {
    const { catalog } = ctx;
    for (const list of sessions.values()) {
      for (const s of list) {
        const titles = s.targets.map((id) => catalog.titles[catalog.indexOf.get(id)!].toLowerCase());
        for (const turn of s.turns) {
          const target = catalog.indexOf.get(s.targets[turn.target])!;
          for (const c of turn.gold.positive.hard.filter(isRange)) {
            const column = catalog.columns.get(c.attribute)!;
            const value = column.kind === "number" ? column.values[target] : NaN;
            expect(c.min === value || c.max === value).toBe(false);
          }
          for (const title of titles) expect(turn.command.toLowerCase()).not.toContain(title);
        }
      }
    }
  });

  it("ends an MR session once the target reaches the top 10", () => {
    let found = 0;
    for (const s of sessions.get("MR")!) {
      const target = s.targets[0];
      for (const [t, turn] of s.turns.entries()) {
        // the feed a turn was typed on never already held the target
        expect(turn.feed.slice(0, 10)).not.toContain(target);
        if (t > 0) expect(turn.feed).toEqual(recommendTurn(ctx, { preferences: s.turns[t - 1].gold, user: s.user, k: 10 }).items);
      }
      const last = recommendTurn(ctx, { preferences: s.turns.at(-1)!.gold, user: s.user, k: 10 }).items;
      if (last.includes(target)) found++;
      else expect(s.turns.length).toBeLessThanOrEqual(SCENARIOS.MR.policy.maxTurns);
    }
    expect(found).toBeGreaterThan(0);
  });

  it("drifts once in MRID: says so, resets the memory, and then follows the new target", () => {
    for (const s of sessions.get("MRID")!) {
      expect(s.targets).toHaveLength(2);
      const drift = s.turns.findIndex((t) => t.target === 1);
      if (drift < 0) continue;
      expect(s.turns.slice(drift).every((t) => t.target === 1)).toBe(true);
      expect(s.turns[drift].intents[0]).toEqual({ kind: "reset" });
      expect(s.turns[drift].command).toMatch(/forget|start over|new search|start fresh/);
      expect(s.turns.filter((t) => t.intents.some((i) => i.kind === "reset"))).toHaveLength(1);
    }
    expect(sessions.get("MRID")!.some((s) => s.turns.some((t) => t.target === 1))).toBe(true);
  });
});
