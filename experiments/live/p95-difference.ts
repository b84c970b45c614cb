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
  const resamples = options.resamples ?? 500;
  const level = options.level ?? 0.95;
  const random = createRandom(options.seed ?? 1);
  // a typed buffer sorts numerically without a comparator (fast); it grows if a draw holds more turns than it fits
  const buffers = arms.map((users) => new Float64Array(users.reduce((n, turns) => n + turns.length, 0) * 2));
  const p95 = (users: number[][], arm: number, draw: boolean) => {
    const picked = users.map((_, u) => users[draw ? Math.floor(random() * users.length) : u]);
    const total = picked.reduce((n, turns) => n + turns.length, 0);
    if (total > buffers[arm].length) buffers[arm] = new Float64Array(total);
    let n = 0;
    for (const turns of picked) for (const ms of turns) buffers[arm][n++] = ms;
    const sorted = buffers[arm].subarray(0, n).sort();
    return sorted[Math.min(n - 1, Math.ceil(0.95 * n) - 1)];
  };
  const differences = Array.from({ length: resamples }, () => p95(arms[1], 1, true) - p95(arms[0], 0, true));
  const estimate = p95(arms[1], 1, false) - p95(arms[0], 0, false);
  return { estimate, low: quantile(differences, (1 - level) / 2), high: quantile(differences, 1 - (1 - level) / 2) };
}
