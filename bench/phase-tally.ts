/** What one phase of the load benchmark saw: commands, latencies, and every delivery problem. */
export class PhaseTally {
  sent = 0;
  ok = 0;
  /** latency of each command acked ok, ms (open loop: from its scheduled time; closed loop: from its send) */
  readonly latencies: number[] = [];
  /** the server's own time for each command acked ok (its `ms`), to tell server time from queueing and transport */
  readonly serverMs: number[] = [];
  /** step messages of the commands acked ok */
  steps = 0;
  /** commands acked ok whose steps (some seq, a run_start/run_end) or feed message were missing at the ack */
  lost = 0;
  /** messages for a session or request the receiving client never commanded */
  misrouted = 0;
  /** a step seq or a feed message received twice for one request */
  duplicated = 0;
  /** delivered in full but inconsistent: wrong turn, run ids or run order, or the feed message ≠ the ack */
  mismatched = 0;
  /** messages that arrived after their command's ack */
  late = 0;
  disconnects = 0;
  /** ok:false acks (and ack timeouts) by code */
  readonly failed = new Map<string, number>();
  /** when the last ack of the phase came, performance.now() */
  lastAckAt = 0;

  get failures(): number {
    return [...this.failed.values()].reduce((a, b) => a + b, 0);
  }

  fail(code: string): void {
    this.failed.set(code, (this.failed.get(code) ?? 0) + 1);
  }

  /** Every count that must be zero, by name, with its value; empty when delivery was perfect. */
  problems(): string[] {
    const counts: [string, number][] = [
      ["lost", this.lost], ["misrouted", this.misrouted], ["duplicated", this.duplicated], ["mismatched", this.mismatched],
      ["late", this.late], ["disconnects", this.disconnects], ...[...this.failed].map(([code, n]): [string, number] => [`failed ${code}`, n]),
    ];
    return counts.filter(([, n]) => n > 0).map(([name, n]) => `${name}: ${n}`);
  }
}
