import type { EventSink } from '../pipeline-sink';
import type { LogEvent } from '../pipeline-types';
import { recordDrop, type DropContext, type DropReason } from '../observability/drops';
import { deliveredBatches, deliveredEvents, retriedCalls } from '../observability/metrics';
import { accountedBytes, buildBatch } from './batch-builder';
import { bisect, partitionByWindow } from './batch-repair';
import type { ByteBudget } from './byte-budget';
import type { Destination } from './destination';
import { splitEvent, type SizedEvent } from './event-size';
import { decideFlush, type QueueSnapshot } from './flush-policy';
import { RateLimitedLog } from './rate-limited-log';
import { countRejected } from './rejected-events';
import { backoffDelayMs, classifyError } from './retry-policy';
import { eventBound, type SenderTuning } from './sender-tuning';

export interface SenderDeps {
  readonly destination: Destination;
  readonly budget: ByteBudget;
  readonly tuning: SenderTuning;
  readonly containerId: string;
  readonly retentionDays?: number;
  readonly now?: () => number;
  readonly random?: () => number;
}

/**
 * The EventSink of one container session. `write` only appends to memory; one async pump per sink sends one
 * PutLogEvents at a time (order per stream), retrying throttling/5xx/network errors with jittered backoff until the
 * events age out of CloudWatch's 14-day window — never dropping a batch because N attempts failed (moby#41245).
 * Only close()'s deadline, a permanent destination failure or CloudWatch's own rejections drop events, always
 * counted through recordDrop.
 */
export class StreamSender implements EventSink {
  private queue: SizedEvent[] = [];
  private queueBytes = 0;
  /** Halves of a batch CloudWatch refused as invalid, sent before anything else (bisection isolates the bad event). */
  private repair: SizedEvent[][] = [];
  private current?: SizedEvent[];
  private bufferedBytes = 0;
  private bufferedEvents = 0;
  private oldestArrivalMs?: number;
  private lastWriteMs = 0;
  private pumping = false;
  private flushTimer?: NodeJS.Timeout;
  private sleepTimer?: NodeJS.Timeout;
  private closeTimer?: NodeJS.Timeout;
  private wakeSleep?: () => void;
  private inflight?: AbortController;
  private roomWaiters: Array<() => void> = [];
  private fatalUntil = 0;
  private credentialsFailingSince?: number;
  /** close() was called / its deadline passed. */
  private closing = false;
  private expired = false;
  private closePromise?: Promise<void>;
  private resolveClose?: () => void;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly ctx: DropContext;
  private readonly errors: RateLimitedLog;

  constructor(private readonly deps: SenderDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.ctx = { group: deps.destination.group, stream: deps.destination.stream, container: deps.containerId.slice(0, 12) };
    this.errors = new RateLimitedLog(deps.tuning.errorLogIntervalMs, this.ctx, this.now);
  }

  get full(): boolean {
    return this.ownFull || this.deps.budget.exhausted;
  }

  private get ownFull(): boolean {
    return this.bufferedBytes >= this.deps.tuning.maxSinkBytes || this.bufferedEvents >= eventBound(this.deps.tuning.maxBufferedEvents);
  }

  async room(): Promise<void> {
    while (this.full && !this.expired) {
      if (this.ownFull) await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
      else await this.deps.budget.whenAvailable();
    }
  }

  write(event: LogEvent): void {
    if (this.closing) {
      recordDrop('close-deadline', 1, { ...this.ctx, detail: 'write after close' });
      return;
    }
    // Empty messages are queued too: the batch builder drops and counts them, aggregated per batch.
    const pieces = splitEvent(event, this.deps.tuning.maxEventBytes);
    const bytes = accountedBytes(pieces);
    for (const piece of pieces) this.queue.push(piece);
    this.queueBytes += bytes;
    this.account(pieces.length, bytes);
    const now = this.now();
    this.lastWriteMs = now;
    if (this.oldestArrivalMs === undefined) this.oldestArrivalMs = now;
    this.schedule();
  }

  close(deadline: number): Promise<void> {
    if (this.closePromise) return this.closePromise;
    this.closing = true;
    this.closePromise = new Promise<void>((resolve) => { this.resolveClose = resolve; });
    this.closeTimer = setTimeout(() => this.expire(), Math.max(0, deadline - this.now()));
    this.wakeSleep?.();
    this.schedule();
    this.settleIfDone();
    return this.closePromise;
  }

  private account(events: number, bytes: number): void {
    this.bufferedEvents += events;
    this.bufferedBytes += bytes;
    if (bytes > 0) this.deps.budget.reserve(bytes);
    else if (bytes < 0) this.deps.budget.release(-bytes);
    if (events < 0 && !this.ownFull && this.roomWaiters.length > 0) {
      const waiters = this.roomWaiters;
      this.roomWaiters = [];
      for (const wake of waiters) wake();
    }
  }

  /** Events leave the buffer: delivered, or dropped with a reason (counted). */
  private settle(events: readonly SizedEvent[], reason?: DropReason, detail?: string): void {
    if (events.length === 0) return;
    if (reason) recordDrop(reason, events.length, detail ? { ...this.ctx, detail } : this.ctx);
    this.account(-events.length, -accountedBytes(events));
  }

  private schedule(): void {
    if (this.pumping || this.expired) return;
    const decision = decideFlush(this.snapshot(), this.deps.tuning);
    if (decision.now || this.repair.length > 0) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
      void this.pump();
    } else if (decision.waitMs !== Infinity && !this.flushTimer) {
      this.flushTimer = setTimeout(() => { this.flushTimer = undefined; this.schedule(); }, decision.waitMs);
    }
  }

  private snapshot(): QueueSnapshot {
    const [events, bytes] = [this.queue.length, this.queueBytes];
    return { nowMs: this.now(), events, bytes, oldestArrivalMs: this.oldestArrivalMs, lastWriteMs: this.lastWriteMs, closing: this.closing };
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      for (let batch = this.takeBatch(); batch && !this.expired; batch = this.takeBatch()) {
        this.current = batch;
        await this.deliver(batch);
        this.current = undefined;
      }
    } finally {
      this.pumping = false;
      this.current = undefined;
      if (!this.expired) this.schedule();
      this.settleIfDone();
    }
  }

  /** The next batch to send: a repair half first, else a new batch when the flush policy says so. */
  private takeBatch(): SizedEvent[] | undefined {
    if (this.expired) return undefined;
    const repair = this.repair.shift();
    if (repair) return repair;
    while (this.queue.length > 0 && decideFlush(this.snapshot(), this.deps.tuning).now) {
      const built = buildBatch(this.queue, { nowMs: this.now(), retentionDays: this.deps.retentionDays });
      this.queue = built.remaining;
      this.queueBytes -= built.batchBytes + built.droppedBytes;
      // Leftovers (a batch was cut at a limit) keep the old arrival time, so they go out right after this batch.
      if (this.queue.length === 0) this.oldestArrivalMs = undefined;
      const d = built.dropped;
      for (const [reason, count, detail] of [['blank-line', d.blankLine, 'empty message'], ['too-old', d.tooOld, 'older than 14 days'],
        ['too-old', d.expired, 'older than the group retention'], ['too-new', d.tooNew, 'more than 2 h ahead: host clock skew?']] as const) {
        recordDrop(reason, count, { ...this.ctx, detail });
      }
      this.account(-(d.blankLine + d.tooOld + d.expired + d.tooNew), -built.droppedBytes);
      if (built.batch.length > 0) return built.batch;
    }
    return undefined;
  }

  /** Send one batch until it is delivered, repaired, or dropped for a counted reason. */
  private async deliver(initial: SizedEvent[]): Promise<void> {
    let batch = initial;
    let attempt = 0;
    for (;;) {
      if (this.expired) return; // expire() counted everything still buffered
      if (this.now() < this.fatalUntil) return this.settle(batch, 'fatal-destination', 'destination failing, see earlier error');
      const controller = new AbortController();
      this.inflight = controller;
      const callTimer = setTimeout(() => controller.abort(), this.deps.tuning.callTimeoutMs);
      try {
        const response = await this.deps.destination.put(batch, controller.signal);
        if (this.expired) return;
        this.delivered(batch, response.rejectedLogEventsInfo);
        return;
      } catch (err) {
        if (this.expired) return;
        const cls = classifyError(err, false);
        if (cls === 'already-accepted') return this.delivered(batch, undefined);
        if (cls === 'invalid-parameter') return this.repairInvalid(batch, err);
        if (cls === 'not-found') {
          const fatal = this.deps.destination.resourceMissing();
          if (fatal) return this.enterFatal(batch, fatal);
        } else if (cls === 'credentials') {
          const now = this.now();
          if (this.credentialsFailingSince === undefined) {
            this.credentialsFailingSince = now;
            this.deps.destination.refreshCredentials();
            this.errors.error(err, 'credentials refused: refreshed them, retrying');
            continue;
          }
          if (now - this.credentialsFailingSince > this.deps.tuning.credentialsGraceMs) return this.enterFatal(batch, err);
        } else if (cls !== 'throttled' && cls !== 'transient') {
          return this.enterFatal(batch, err);
        }
        retriedCalls.inc({ class: cls });
        if (attempt >= 3) this.errors.error(err, `PutLogEvents failing (${cls}), retrying`);
        await this.sleep(backoffDelayMs(attempt++, cls === 'credentials' ? 'throttled' : cls, this.random, this.deps.tuning.backoff));
        if (this.expired) return;
        batch = this.refilter(batch);
        if (batch.length === 0) return;
      } finally {
        clearTimeout(callTimer);
        this.inflight = undefined;
      }
    }
  }

  private delivered(batch: SizedEvent[], info: Parameters<typeof countRejected>[0]): void {
    const r = countRejected(info, batch.length);
    deliveredBatches.inc();
    deliveredEvents.inc(r.accepted);
    // rejectedLogEventsInfo: counted, never retried (cloudwatch-logs-rules.md §1.1).
    for (const [reason, count] of [['rejected-too-old', r.tooOld], ['rejected-expired', r.expired], ['rejected-too-new', r.tooNew]] as const) recordDrop(reason, count, this.ctx);
    this.credentialsFailingSince = undefined;
    this.settle(batch);
  }

  /** InvalidParameterException: never resend as is. Bisect until the offending event is alone, then drop it. */
  private repairInvalid(batch: SizedEvent[], err: unknown): void {
    const halves = bisect(batch);
    if (halves) return void this.repair.unshift(...halves);
    this.errors.error(err, 'CloudWatch refused an event');
    this.settle(batch, 'invalid-parameter', (err as Error).name);
  }

  /** Re-apply the time window to a batch about to be retried: events that aged out are dropped, counted. */
  private refilter(batch: SizedEvent[]): SizedEvent[] {
    const { keep, out } = partitionByWindow(batch, this.now(), this.deps.retentionDays);
    this.settle(out, 'too-old', 'aged out of the time window while CloudWatch was failing');
    return keep;
  }

  private enterFatal(batch: SizedEvent[], err: unknown): void {
    this.fatalUntil = this.now() + this.deps.tuning.fatalHoldMs;
    this.errors.error(err, `destination unusable: dropping batches for ${this.deps.tuning.fatalHoldMs} ms, then trying again`, true);
    this.settle(batch, 'fatal-destination', (err as Error).name);
  }

  /** A backoff wait; close() wakes it once (retry promptly), the close deadline ends it. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wakeSleep = () => { clearTimeout(this.sleepTimer); this.wakeSleep = undefined; resolve(); };
      this.sleepTimer = setTimeout(() => this.wakeSleep?.(), ms);
    });
  }

  /** close()'s deadline passed: abort the call in flight and count everything still buffered as dropped. */
  private expire(): void {
    this.expired = true;
    this.inflight?.abort();
    this.wakeSleep?.();
    clearTimeout(this.flushTimer);
    this.settle([...(this.current ?? []), ...this.repair.flat(), ...this.queue], 'close-deadline');
    [this.queue, this.queueBytes, this.repair, this.current] = [[], 0, [], undefined];
    this.settleIfDone(true);
  }

  private settleIfDone(force = false): void {
    if (!this.closing || !this.resolveClose) return;
    if (!force && (this.pumping || this.bufferedEvents > 0)) return;
    clearTimeout(this.closeTimer);
    clearTimeout(this.flushTimer);
    this.wakeSleep?.();
    const resolve = this.resolveClose;
    this.resolveClose = undefined;
    resolve();
  }
}
