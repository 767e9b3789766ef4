/**
 * Progress display: a redrawn bar on a terminal, one plain line per finished model otherwise
 * (CI logs, pipes), so the output is readable either way.
 */

/** Formats milliseconds as `1m05s` or `4.2s`. */
export function duration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
}

/** A progress reporter for `total` models. */
export class Progress {
  private done = 0;
  private failed = 0;
  private readonly started = performance.now();
  private readonly busy = new Map<number, string>();
  private readonly tty: boolean;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = stream.isTTY === true && process.env.CI === undefined;
  }

  /** A worker started a model. */
  start(worker: number, label: string): void {
    this.busy.set(worker, label);
    this.draw();
  }

  /** A worker finished a model. */
  finish(worker: number, label: string, ok: boolean, ms: number, detail: string): void {
    this.busy.delete(worker);
    this.done++;
    if (!ok) this.failed++;
    if (this.tty) this.draw();
    else
      this.stream.write(
        `[${String(this.done).padStart(String(this.total).length)}/${this.total}] ${ok ? "ok  " : "FAIL"} ${label} ${duration(ms)}${detail ? ` ${detail}` : ""}\n`,
      );
  }

  /** Prints a line above the bar (e.g. a failure as it happens). */
  log(line: string): void {
    if (this.tty) this.stream.write(`\r\x1b[2K${line}\n`);
    else this.stream.write(`${line}\n`);
    this.draw();
  }

  /** Clears the bar before the summary. */
  end(): void {
    if (this.tty) this.stream.write("\r\x1b[2K");
  }

  private draw(): void {
    if (!this.tty) return;
    const width = 30;
    const filled = Math.round((this.done / Math.max(1, this.total)) * width);
    const elapsed = performance.now() - this.started;
    const eta = this.done > 0 ? (elapsed / this.done) * (this.total - this.done) : 0;
    const working = [...this.busy.values()].join(", ");
    const line = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${this.done}/${this.total} failed ${this.failed} ${duration(elapsed)}${this.done > 0 ? ` eta ${duration(eta)}` : ""}${working ? ` | ${working}` : ""}`;
    const columns = this.stream.columns ?? 120;
    this.stream.write(`\r\x1b[2K${line.length > columns - 1 ? `${line.slice(0, columns - 2)}…` : line}`);
  }
}
