/** Where long model-building steps report how far they are. */
export interface Progress {
  /** Starts a phase of `total` units of work (replaces the current one). */
  phase(name: string, total: number): void;
  /** Units of the current phase done so far. */
  update(done: number): void;
  /** Ends the current phase. */
  done(): void;
}

/** Reports nothing: for tests, pipes and log files. */
export const silentProgress: Progress = { phase() {}, update() {}, done() {} };

const BAR_WIDTH = 24;
const REDRAW_MS = 100;

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return "--";
  if (s < 60) return `${Math.ceil(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.ceil(s % 60)).padStart(2, "0")}s`;
}

/** A one-line progress bar (phase, bar, percentage, ETA) redrawn in place on a TTY stream. */
export class TerminalProgress implements Progress {
  private name = "";
  private total = 1;
  private started = 0;
  private lastDraw = 0;
  private active = false;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  phase(name: string, total: number): void {
    if (this.active) this.done();
    this.name = name;
    this.total = Math.max(total, 1);
    this.started = Date.now();
    this.lastDraw = 0;
    this.active = true;
    this.draw(0, true);
  }

  update(done: number): void {
    if (this.active) this.draw(done, false);
  }

  done(): void {
    if (!this.active) return;
    this.draw(this.total, true);
    this.stream.write("\n");
    this.active = false;
  }

  private draw(done: number, force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const fraction = Math.min(Math.max(done / this.total, 0), 1);
    const filled = Math.round(fraction * BAR_WIDTH);
    const elapsed = (now - this.started) / 1000;
    const eta = fraction > 0 ? (elapsed * (1 - fraction)) / fraction : Number.NaN;
    const bar = "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
    const pct = `${Math.floor(fraction * 100)}`.padStart(3);
    const tail = fraction >= 1 ? `done in ${formatSeconds(elapsed)}` : `ETA ${formatSeconds(eta)}`;
    this.stream.write(`\r\x1b[2K${this.name.padEnd(28)} ${bar} ${pct}% ${tail}`);
  }
}

/** A terminal bar when `enabled` and stderr is a TTY; silent otherwise. */
export function createProgress(enabled = true, stream: NodeJS.WriteStream = process.stderr): Progress {
  return enabled && stream.isTTY ? new TerminalProgress(stream) : silentProgress;
}
