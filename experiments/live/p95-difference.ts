import { quantile } from "../../bench/stats.ts";
import { createRandom } from "../../models/seeded-random.ts";

export interface P95Difference {
  estimate: number;
  low: number;
  high: number;
}

/**
 * Treatment p95 − control p95 of turn latency, with a percentile interval from a cluster bootstrap: users (with all
 * their turns) are resampled in each arm, since one user's turns are not independent. Fixed-horizon (it does not
 * allow peeking like the always-valid tests do); null when an arm has fewer than two users with turns.
 */
export function p95Difference(control: number[][], treatment: number[][], options: { resamples?: number; level?: number; seed?: number } = {}): P95Difference | null {
  const arms = [control, treatment].map((users) => users.filter((turns) => turns.length > 0));
  if (arms.some((users) => users.length < 2)) return null;
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  const random = createRandom(options.seed ?? 1);
  const p95 = (users: number[][]) => quantile(users.flat(), 0.95);
  const resample = (users: number[][]) => Array.from({ length: users.length }, () => users[Math.floor(random() * users.length)]);
  const differences = Array.from({ length: resamples }, () => p95(resample(arms[1])) - p95(resample(arms[0])));
  return { estimate: p95(arms[1]) - p95(arms[0]), low: quantile(differences, (1 - level) / 2), high: quantile(differences, 1 - (1 - level) / 2) };
}
