import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { aggregateSlots, scoreCase } from "./slot-f1.ts";
import { contentWords } from "./slot-text.ts";

type C = Record<string, unknown>;
const P = (b: { ph?: C[]; ps?: C[]; nh?: C[]; ns?: C[] } = {}) => ({
  positive: { hard: b.ph ?? [], soft: b.ps ?? [] },
  negative: { hard: b.nh ?? [], soft: b.ns ?? [] },
});
const G = (...values: string[]) => ({ attribute: "genre", values });
const Y = (min?: number, max?: number) => ({ attribute: "year", ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
const T = (text: string) => ({ attribute: "text", text });
const strictTp = (g: unknown, p: unknown) => scoreCase(g, p).strict.length;
const lenientTp = (g: unknown, p: unknown) => scoreCase(g, p).lenient.length;

describe("parser slot-F1 (rules of shared/spec/preferences.md)", () => {
  it("one slot per categorical value: 2 gold, 1 right prediction → P 1, R 0.5, F1 2/3", () => {
    const s = aggregateSlots([scoreCase(P({ ps: [G("Comedy", "Romance")] }), P({ ps: [G("comedy")] }))]);
    expect(s.strict).toMatchObject({ tp: 1, pred: 1, gold: 2, precision: 1, recall: 0.5 });
    expect(s.strict.f1).toBeCloseTo(2 / 3, 12);
  });

  it("strict needs the same strength, lenient does not; polarity always counts", () => {
    expect(strictTp(P({ ph: [G("Comedy")] }), P({ ps: [G("Comedy")] }))).toBe(0);
    expect(lenientTp(P({ ph: [G("Comedy")] }), P({ ps: [G("Comedy")] }))).toBe(1);
    expect(lenientTp(P({ nh: [G("Horror")] }), P({ ph: [G("Horror")] }))).toBe(0);
  });

  it("years within ±1 per bound, other numbers within ±10%, no extra bound", () => {
    expect(strictTp(P({ ph: [Y(1990, 1999)] }), P({ ph: [Y(1989, 2000)] }))).toBe(1);
    expect(strictTp(P({ ph: [Y(1990, 1999)] }), P({ ph: [Y(1988, 1999)] }))).toBe(0);
    expect(strictTp(P({ ph: [{ attribute: "rating", min: 4 }] }), P({ ph: [{ attribute: "rating", min: 4.4 }] }))).toBe(1);
    expect(strictTp(P({ ph: [{ attribute: "rating", min: 4 }] }), P({ ph: [{ attribute: "rating", min: 4.41 }] }))).toBe(0);
    expect(strictTp(P({ ph: [Y(undefined, 1999)] }), P({ ph: [Y(1900, 1999)] }))).toBe(0);
  });

  it("a one-sided negative hard range equals the complementary positive one", () => {
    expect(strictTp(P({ nh: [Y(undefined, 1989)] }), P({ ph: [Y(1990)] }))).toBe(1);
  });

  it("text: half the gold's content words and a third of the prediction's; tags may match a text", () => {
    expect(contentWords("the comedies")).toEqual(["comedi"]);
    expect(strictTp(P({ ps: [T("time travel")] }), P({ ps: [T("movies about time traveling paradoxes")] }))).toBe(1);
    expect(strictTp(P({ ps: [T("stephen king novel")] }), P({ ps: [T("king")] }))).toBe(0);
    expect(strictTp(P({ ns: [T("superhero stuff")] }), P({ ns: [{ attribute: "tag", values: ["superhero"] }] }))).toBe(1);
  });

  it("one-to-one matching, malformed predictions count as unmatched slots, missing = empty", () => {
    const dup = aggregateSlots([scoreCase(P({ ps: [G("Comedy")] }), P({ ps: [G("Comedy"), G("comedy")] }))]);
    expect(dup.strict).toMatchObject({ tp: 1, precision: 0.5, recall: 1 });
    const bad = scoreCase(P({ ps: [G("Comedy")] }), P({ ps: [G("Comedy"), { attribute: "genre" }] }));
    expect([bad.pred.length, bad.strict.length, bad.exact]).toEqual([2, 1, false]);
    const s = aggregateSlots([scoreCase(P({ nh: [G("War")] }), null), scoreCase(P(), undefined)]);
    expect(s.strict).toMatchObject({ tp: 0, gold: 1, pred: 0, precision: 0, recall: 0 });
    expect(s.exactRate).toBe(0.5);
    expect(s.byBucket["negative.hard"]).toMatchObject({ gold: 1, recall: 0 });
  });
});

describe("agreement with the reference scorer on the parser dev set", () => {
  const reference = fileURLToPath(new URL("../../shared/eval/score-parser.mjs", import.meta.url));
  const devSet = fileURLToPath(new URL("../../shared/eval/parser-dev.jsonl", import.meta.url));

  it.skipIf(!existsSync(reference) || !existsSync(devSet))("gives the same micro scores on perturbed predictions", async () => {
    const ref = await import(reference);
    const golds: unknown[] = readFileSync(devSet, "utf8").trim().split("\n").map((line) => JSON.parse(line).gold);
    // predictions: the gold itself, hard↔soft swapped, years shifted by 1 and 2, every other value dropped, the next case's gold
    const shiftYears = (g: unknown, by: number) => JSON.parse(JSON.stringify(g), (k, v) => ((k === "min" || k === "max") && typeof v === "number" ? v + by : v));
    const swap = (g: any) => ({ positive: { hard: g.positive.soft, soft: g.positive.hard }, negative: g.negative });
    const thin = (g: unknown) => JSON.parse(JSON.stringify(g), (k, v) => (k === "values" && Array.isArray(v) ? v.filter((_, i) => i % 2 === 0) : v));
    const variants = [(g: unknown) => g, swap, (g: unknown) => shiftYears(g, 1), (g: unknown) => shiftYears(g, 2), thin, (_g: unknown, i: number) => golds[(i + 1) % golds.length]];
    for (const variant of variants) {
      const preds = golds.map((g, i) => variant(g, i));
      const ours = aggregateSlots(golds.map((g, i) => scoreCase(g, preds[i])));
      const theirs = ref.aggregate(golds.map((g, i) => ref.scoreCase(g, preds[i])));
      expect([ours.strict.tp, ours.strict.pred, ours.strict.gold, ours.lenient.tp]).toEqual([theirs.strict.tp, theirs.strict.pred, theirs.strict.gold, theirs.lenient.tp]);
      expect(ours.exactRate).toBe(theirs.exact.rate);
      for (const [bucket, m] of Object.entries(ours.byBucket)) expect(m.tp).toBe(theirs.byBucket[bucket].tp);
    }
  });
});
