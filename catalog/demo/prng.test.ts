import { describe, expect, it } from "vitest";
import { aliasTable, Rng, WeightedTable } from "./prng.ts";

describe("Rng", () => {
  it("repeats its sequence for a seed and label, and differs for another", () => {
    const a = new Rng(42, "x");
    const b = new Rng(42, "x");
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    const c = new Rng(42, "y");
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it("draws uniform numbers in [0, 1) with mean near 1/2", () => {
    const rng = new Rng(1);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
  });

  it("draws distinct keys without replacement, never a zero-weight key", () => {
    const rng = new Rng(3);
    for (let i = 0; i < 200; i++) {
      const keys = rng.weightedDistinct({ a: 1, b: 0, c: 5, d: 2 }, 3);
      expect(new Set(keys).size).toBe(3);
      expect(keys).not.toContain("b");
    }
    expect(rng.weightedDistinct({ a: 1, b: 0 }, 2)).toEqual(["a"]);
  });
});

describe("weighted draws", () => {
  it("match their weights: table and alias table on weights 1:2:3:4", () => {
    const rng = new Rng(7);
    const table = WeightedTable.of({ a: 1, b: 2, c: 3, d: 4, none: 0 });
    const { threshold, alias } = aliasTable([1, 2, 3, 4]);
    const fromTable: Record<string, number> = {};
    const fromAlias = [0, 0, 0, 0];
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const key = table.draw(rng);
      fromTable[key] = (fromTable[key] ?? 0) + 1;
      const j = rng.int(4);
      fromAlias[rng.nextUint32() < threshold[j] ? j : alias[j]]++;
    }
    expect(fromTable.none).toBeUndefined();
    ["a", "b", "c", "d"].forEach((key, k) => expect(fromTable[key] / n).toBeCloseTo((k + 1) / 10, 2));
    fromAlias.forEach((count, k) => expect(count / n).toBeCloseTo((k + 1) / 10, 2));
  });
});
