import { describe, expect, it } from "vitest";
import { fashionCatalog } from "../test-support/fashion-catalog.ts";
import { unitLengthError } from "../test-support/movielens.ts";
import { COLLABORATIVE_ALGORITHMS, trainCollaborativeOn } from "./collaborative-trainer.ts";
import { evaluateHoldout } from "./holdout-eval.ts";
import { holdOutLast, popularityOf, trainingDataOf, type TrainingData } from "./training-data.ts";
import { profileVector } from "./user-profile.ts";

const catalog = fashionCatalog();
const data = trainingDataOf(catalog);
const orphan = catalog.indexOf.get("orphan")!;

describe.each(Object.keys(COLLABORATIVE_ALGORITHMS))("collaborative %s", (algorithm) => {
  const model = trainCollaborativeOn(data, algorithm);

  it("gives unit vectors, zero for items nobody liked, and is deterministic", () => {
    expect(model.dim).toBe(32);
    expect(unitLengthError(model.items, model.dim)).toEqual({ maxError: expect.any(Number), zeroRows: 1 });
    expect(unitLengthError(model.items, model.dim).maxError).toBeLessThan(1e-5);
    expect(model.items.subarray(orphan * 32, orphan * 32 + 32).every((x) => x === 0)).toBe(true);
    expect(trainCollaborativeOn(data, algorithm).items).toEqual(model.items);
  });

  it("puts items liked by the same users together", () => {
    const dot = (a: number, b: number) => {
      let s = 0;
      for (let j = 0; j < 32; j++) s += model.items[a * 32 + j] * model.items[b * 32 + j];
      return s;
    };
    expect(dot(0, 1)).toBeGreaterThan(dot(0, 5));
    expect(dot(4, 6)).toBeGreaterThan(dot(4, 11));
  });
});

describe("training data helpers", () => {
  const tiny: TrainingData = { userCount: 3, itemCount: 4, offsets: Uint32Array.of(0, 3, 4, 6), items: Uint32Array.of(0, 1, 2, 1, 1, 3) };

  it("popularity is log(1+count)/log(1+max)", () => {
    const p = popularityOf(tiny);
    expect(Array.from(p).map((x) => +x.toFixed(4))).toEqual([+(Math.log(2) / Math.log(4)).toFixed(4), 1, +(Math.log(2) / Math.log(4)).toFixed(4), +(Math.log(2) / Math.log(4)).toFixed(4)]);
  });

  it("holds out each user's last positive when two or more remain", () => {
    const { train, target } = holdOutLast(tiny);
    expect(Array.from(target)).toEqual([2, -1, 3]);
    expect(Array.from(train.items)).toEqual([0, 1, 1, 1]);
  });

  it("ranks the target among unseen items (hand-computed)", () => {
    const { train, target } = holdOutLast(tiny);
    // user 0 saw {0,1}: target 2 (0.5) is beaten by item 3 (0.7) → rank 1
    // user 2 saw {1}: target 3 (0.7) is beaten by item 0 (0.9), not by item 2 (0.5) → rank 1
    const scores = Float32Array.of(0.9, 1, 0.5, 0.7);
    const top2 = evaluateHoldout(train, target, () => scores, 2);
    expect(top2.users).toBe(2);
    expect(top2.recallAt10).toBeCloseTo(1);
    expect(top2.ndcgAt10).toBeCloseTo(1 / Math.log2(3));
    expect(evaluateHoldout(train, target, () => scores, 1).recallAt10).toBe(0);
  });

  it("weights recent history more in the profile", () => {
    const items = Float32Array.of(1, 0, 0, 0, 0, 1, 0, 0);
    const p = profileVector([0, 1], items, 4, 1)!;
    expect(p[1]).toBeGreaterThan(p[0]);
    expect(Math.hypot(...p)).toBeCloseTo(1);
    expect(profileVector([], items, 4)).toBeNull();
  });
});
