import { log } from '../observability/log';

/**
 * Error logging that cannot flood the dockerd log during an outage (cloudwatch-logs-rules.md §3: "surface the error
 * with rate-limited logging. Don't hot-loop."): at most one line per interval, plus the ones forced through.
 */
export class RateLimitedLog {
  private lastMs = -Infinity;
  private suppressed = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly context: object,
    private readonly now: () => number = Date.now,
  ) {}

  error(err: unknown, message: string, force = false): void {
    const now = this.now();
    if (!force && now - this.lastMs < this.intervalMs) {
      this.suppressed++;
      return;
    }
    this.lastMs = now;
    const e = (typeof err === 'object' && err !== null ? err : {}) as { name?: string; code?: string; message?: string };
    log.error({ ...this.context, error: e.name, code: e.code, detail: e.message, suppressed: this.suppressed }, message);
    this.suppressed = 0;
  }
}
