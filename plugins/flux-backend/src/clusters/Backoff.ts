/**
 * Exponential delays between reconnect attempts: the first is short so a
 * blip heals fast, each next one doubles up to a maximum so a cluster that
 * stays down is not hammered.
 */
export class Backoff {
  private delayMs: number;

  constructor(private readonly minMs: number, private readonly maxMs: number) {
    this.delayMs = minMs;
  }

  /** The delay to wait now; the one after doubles, up to the maximum. */
  next(): number {
    const delay = this.delayMs;
    this.delayMs = Math.min(delay * 2, this.maxMs);
    return delay;
  }

  /** After a success: the next failure waits the shortest delay again. */
  reset(): void {
    this.delayMs = this.minMs;
  }
}
