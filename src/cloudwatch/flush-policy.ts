import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, PER_EVENT_OVERHEAD_BYTES } from './limits';

/**
 * When a sink sends what it has queued (issue 3 item 7). awslogs publishes on a 5 s ticker, so a quiet line can wait
 * 5 s; we want p99 < 1.5 s at low rates and full batches at high rates:
 *  - a full batch is available (10,000 events or 1 MiB with overhead) → send now;
 *  - the writer paused for `idleFlushMs` (the burst is over) → send now;
 *  - the oldest queued event waited `maxWaitMs` (a steady trickle never pauses) → send now;
 *  - `flushIntervalMs` (awslogs-force-flush-interval-seconds) caps both waits, so it stays an upper bound.
 * While a call is in flight events keep accumulating, so a busy stream naturally sends bigger batches.
 */
export interface FlushTuning {
  readonly idleFlushMs: number;
  readonly maxWaitMs: number;
  readonly flushIntervalMs: number;
}

export const DEFAULT_FLUSH_TUNING: Omit<FlushTuning, 'flushIntervalMs'> = { idleFlushMs: 150, maxWaitMs: 400 };

export interface QueueSnapshot {
  readonly nowMs: number;
  readonly events: number;
  /** Σ(message bytes + 26) of the queue. */
  readonly bytes: number;
  /** When the oldest event still queued arrived (our clock), undefined when the queue is empty. */
  readonly oldestArrivalMs?: number;
  readonly lastWriteMs: number;
  /** close() was called: send everything at once. */
  readonly closing: boolean;
}

export type FlushDecision = { readonly now: true } | { readonly now: false; readonly waitMs: number };

export function decideFlush(q: QueueSnapshot, t: FlushTuning): FlushDecision {
  if (q.events === 0 || q.oldestArrivalMs === undefined) return { now: false, waitMs: Infinity };
  if (q.closing) return { now: true };
  if (q.events >= MAX_BATCH_EVENTS || q.bytes >= MAX_BATCH_BYTES - PER_EVENT_OVERHEAD_BYTES) return { now: true };
  const idleAt = q.lastWriteMs + Math.min(t.idleFlushMs, t.flushIntervalMs);
  const ageAt = q.oldestArrivalMs + Math.min(t.maxWaitMs, t.flushIntervalMs);
  const dueAt = Math.min(idleAt, ageAt);
  return q.nowMs >= dueAt ? { now: true } : { now: false, waitMs: dueAt - q.nowMs };
}
