import { createHash } from "node:crypto";
import type { ExperimentVariant } from "../../schemas/experiment.ts";

/** A point in [0, 1) fixed by the user and the experiment: the same user always lands in the same place. */
export function bucketOf(userId: string, experimentId: string): number {
  const digest = createHash("sha256").update(`${experimentId}\u0000${userId}`).digest();
  // 48 bits are plenty and stay exact in a double
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** The variant a user gets: deterministic by a hash of user and experiment, in proportion to the weights. */
export function assignVariant(userId: string, experiment: { id: string; variants: Pick<ExperimentVariant, "name" | "weight">[] }): string {
  const total = experiment.variants.reduce((s, v) => s + v.weight, 0);
  const point = bucketOf(userId, experiment.id) * total;
  let edge = 0;
  for (const v of experiment.variants) {
    edge += v.weight;
    if (point < edge) return v.name;
  }
  return experiment.variants.at(-1)!.name;
}
