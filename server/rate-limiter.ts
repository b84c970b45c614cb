/**
 * Token buckets per client key: `burst` requests at once, refilled at `perSecond`. Idle buckets are
 * forgotten after a minute so memory stays bounded by the clients active recently.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private sweptAt = 0;

  constructor(readonly perSecond: number, readonly burst: number, private readonly now: () => number = Date.now) {}

  /** Takes one token for `key`; when none is left, says how long until one is. */
  take(key: string): { ok: true } | { ok: false; retryAfterMs: number } {
    if (!(this.perSecond > 0)) return { ok: true };
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) / this.perSecond) * 1000) };
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) if (now - bucket.at > 60_000) this.buckets.delete(key);
  }
}
