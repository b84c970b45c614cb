import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { CatalogBuilder } from "../catalog/catalog-builder.ts";
import { historyOf, type Catalog } from "../catalog/catalog.ts";
import { loadCatalog } from "../catalog/load-catalog.ts";
import { holdOutLast, trainingDataOf } from "../models/collaborative/training-data.ts";
import { holdOut } from "./holdout.ts";

const mlRef = `movielens:${fileURLToPath(new URL("../../shared/data/ml-latest-small/", import.meta.url))}`;

/** u1 likes a (t=1), b (t=2), dislikes c (t=3), likes c (t=4), d (t=5), then rates a again (t=6); u2 likes a, b. */
function tiny(): Catalog {
  const builder = new CatalogBuilder({ ref: "test:tiny", name: "tiny", schema: { attributes: { kind: { type: "category" } } } });
  for (const id of ["a", "b", "c", "d"]) builder.addItem({ id, title: id.toUpperCase(), attributes: { kind: "x" } });
  builder.addInteraction("u1", "b", 5, 2);
  builder.addInteraction("u1", "a", 5, 1);
  builder.addInteraction("u1", "c", 1, 3);
  builder.addInteraction("u1", "c", 5, 4);
  builder.addInteraction("u1", "d", 5, 5);
  builder.addInteraction("u1", "a", 4, 6);
  builder.addInteraction("u2", "a", 5, 1);
  builder.addInteraction("u2", "b", 5, 2);
  return builder.build("tiny");
}

const idsOf = (c: Catalog, items: ArrayLike<number>) => Array.from(items, (i) => c.ids[i]);

function userInteractions(c: Catalog, user: string): { item: string; t: number }[] {
  const u = c.interactions.userIndex.get(user)!;
  const out: { item: string; t: number }[] = [];
  for (let i = 0; i < c.interactions.user.length; i++) if (c.interactions.user[i] === u) out.push({ item: c.ids[c.interactions.item[i]], t: c.interactions.timestamp[i] });
  return out;
}

describe("holdOut", () => {
  it("takes the last positive as target and drops it and everything after it from training", () => {
    const catalog = tiny();
    const { training, cases } = holdOut(catalog, { minPositives: 3 });
    expect(cases.map((c) => c.user)).toEqual(["u1"]);
    expect(idsOf(catalog, cases[0].targets)).toEqual(["d"]);
    expect(idsOf(catalog, cases[0].history)).toEqual(["a", "b", "c"]);
    expect(userInteractions(training, "u1")).toEqual([{ item: "b", t: 2 }, { item: "a", t: 1 }, { item: "c", t: 3 }, { item: "c", t: 4 }]);
    expect(idsOf(training, historyOf(training, 0))).toEqual(["a", "b", "c"]);
    expect(idsOf(training, historyOf(training, 1))).toEqual(["a", "b"]);
    expect(training.contentHash).not.toBe(catalog.contentHash);
    expect(catalog.interactions.user.length).toBe(8);
  });

  it("holds out two targets for interest drift, cutting at the first of them", () => {
    const catalog = tiny();
    const { training, cases } = holdOut(catalog, { minPositives: 3, targets: 2 });
    expect(idsOf(catalog, cases[0].targets)).toEqual(["c", "d"]);
    // the earlier dislike of c goes too: no interaction with a target survives
    expect(userInteractions(training, "u1")).toEqual([{ item: "b", t: 2 }, { item: "a", t: 1 }]);
  });

  it("refuses a split that leaves no history", () => {
    expect(() => holdOut(tiny(), { minPositives: 2, targets: 2 })).toThrow(/must exceed/);
  });

  it.each(["demo", mlRef])("on %s: agrees with bench's holdOutLast and leaks nothing", async (ref) => {
    const { catalog } = await loadCatalog(ref);
    const { training, cases } = holdOut(catalog, { minPositives: 2 });
    const { target } = holdOutLast(trainingDataOf(catalog));
    expect(cases.length).toBeGreaterThan(100);
    for (const c of cases) expect(target[c.userIndex]).toBe(c.targets[0]);
    const x = training.interactions;
    const cutoff = new Map<number, { item: number; t: number }>();
    for (const c of cases) {
      const u = c.userIndex;
      let t = Infinity;
      for (let i = 0; i < catalog.interactions.user.length; i++)
        if (catalog.interactions.user[i] === u && catalog.interactions.item[i] === c.targets[0] && catalog.interactions.positive[i]) t = Math.min(t, catalog.interactions.timestamp[i]);
      cutoff.set(u, { item: c.targets[0], t });
    }
    for (let i = 0; i < x.user.length; i++) {
      const cut = cutoff.get(x.user[i]);
      if (!cut) continue;
      expect(x.item[i]).not.toBe(cut.item);
      expect(x.timestamp[i]).toBeLessThanOrEqual(cut.t);
    }
    for (const c of cases) expect(historyOf(training, c.userIndex)).not.toContain(c.targets[0]);
  });
});
