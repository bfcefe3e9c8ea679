/**
 * A process-wide bound on bytes buffered by all sinks together (issue 3 item 6: "bounded per session and in total").
 * Sinks always reserve what they accept (write never blocks, never fails): when the budget is exhausted they report
 * `full`, their sessions stop reading, and Docker's `mode` decides what the container does.
 */
export class ByteBudget {
  private used = 0;
  private waiters: Array<() => void> = [];

  constructor(readonly limitBytes: number) {}

  get usedBytes(): number {
    return this.used;
  }

  get exhausted(): boolean {
    return this.used >= this.limitBytes;
  }

  reserve(bytes: number): void {
    this.used += bytes;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
    if (!this.exhausted && this.waiters.length > 0) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    }
  }

  /** Resolves once the budget is below its limit (at once if it already is). */
  whenAvailable(): Promise<void> {
    if (!this.exhausted) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

/** 256 MiB across every container: far above a normal backlog, well below a small host's memory. */
export const DEFAULT_GLOBAL_BUFFER_BYTES = 256 * 1024 * 1024;

export const globalByteBudget = new ByteBudget(DEFAULT_GLOBAL_BUFFER_BYTES);
