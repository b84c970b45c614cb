/**
 * Ranking metrics for one ranked list and one target item, plus session-level Pass Rate and rounds to success.
 * Items are catalog indices; a rank is 0-based (the first item has rank 0). Definitions follow RecBole:
 * Recall@K = 1 when the target is in the top K; NDCG@K = 1/log2(rank + 2) there (one relevant item, so the ideal
 * DCG is 1); MRR = 1/(rank + 1) over the whole list, 0 when the target is absent.
 */

/** 0-based position of the target in the list, or -1 when it is absent. */
export function rankOf(ranked: ArrayLike<number>, target: number): number {
  for (let r = 0; r < ranked.length; r++) if (ranked[r] === target) return r;
  return -1;
}

/** 1 when the target is among the first k items, else 0. */
export function recallAtK(ranked: ArrayLike<number>, target: number, k: number): number {
  const r = rankOf(ranked, target);
  return r >= 0 && r < k ? 1 : 0;
}

/** 1/log2(rank + 2) when the target is among the first k items, else 0. */
export function ndcgAtK(ranked: ArrayLike<number>, target: number, k: number): number {
  const r = rankOf(ranked, target);
  return r >= 0 && r < k ? 1 / Math.log2(r + 2) : 0;
}

/** Reciprocal rank of the target in the whole list (0 when absent); pass a list cut to K for MRR@K. */
export function reciprocalRank(ranked: ArrayLike<number>, target: number): number {
  const r = rankOf(ranked, target);
  return r >= 0 ? 1 / (r + 1) : 0;
}

/** One turn of a session: the feed shown and the item the user was after at that turn (it may drift). */
export interface TurnOutcome {
  ranked: ArrayLike<number>;
  target: number;
}

/**
 * The 1-based turn at which the target first appears in the top k (default 10), or null when it never does.
 * The turns are the session's, in order; a session succeeds at most once.
 */
export function roundsToSuccess(turns: TurnOutcome[], k = 10): number | null {
  for (let t = 0; t < turns.length; t++) if (recallAtK(turns[t].ranked, turns[t].target, k) === 1) return t + 1;
  return null;
}

export interface SessionSummary {
  sessions: number;
  /** share of sessions whose target reached the top k within their turns */
  passRate: number;
  /** mean rounds over successful sessions only (NaN when none succeeded) */
  roundsWhenPassed: number;
  /** mean rounds over all sessions, a failed session counting as its number of turns (the CRS "average turns") */
  averageRounds: number;
}

/** Pass Rate and average rounds over sessions; a session with no turns counts as failed in 0 rounds. */
export function summarizeSessions(sessions: TurnOutcome[][], k = 10): SessionSummary {
  let passed = 0;
  let passedRounds = 0;
  let allRounds = 0;
  for (const turns of sessions) {
    const r = roundsToSuccess(turns, k);
    if (r !== null) {
      passed++;
      passedRounds += r;
      allRounds += r;
    } else allRounds += turns.length;
  }
  const n = sessions.length;
  return {
    sessions: n,
    passRate: n ? passed / n : Number.NaN,
    roundsWhenPassed: passed ? passedRounds / passed : Number.NaN,
    averageRounds: n ? allRounds / n : Number.NaN,
  };
}
