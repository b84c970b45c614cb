import type Database from "better-sqlite3";

interface PendingWrite {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: writes queued during one turn of the event loop are applied together in one SQLite transaction
 * (one WAL commit instead of one per write), at the end of that turn. A refused write fails alone and the others
 * still commit, so each queued write must change the database in at most one statement, after its checks (a
 * failing statement leaves nothing behind). Readers call `flush()` first, so they see every write queued before.
 */
export class GroupCommit {
  private pending: PendingWrite[] = [];
  private scheduled = false;

  /** `delayMs`: how long writes may wait to be grouped (0: until the end of the current event-loop turn) */
  constructor(private readonly db: Database.Database, private readonly delayMs = 0) {}

  enqueue<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        if (this.delayMs > 0) setTimeout(() => this.flush(), this.delayMs);
        else setImmediate(() => this.flush());
      }
    });
  }

  /** Applies every queued write now. */
  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0 || !this.db.open) return;
    const batch = this.pending;
    this.pending = [];
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      this.db.transaction(() => {
        for (const { write } of batch) {
          try {
            outcomes.push({ ok: true, value: write() });
          } catch (error) {
            outcomes.push({ ok: false, value: error });
          }
        }
      })();
    } catch (error) {
      for (const { reject } of batch) reject(error);
      return;
    }
    batch.forEach(({ resolve, reject }, i) => (outcomes[i].ok ? resolve(outcomes[i].value) : reject(outcomes[i].value)));
  }
}
