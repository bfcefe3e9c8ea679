import type { SizedEvent } from './event-size';
import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_BATCH_SPAN_MS, PER_EVENT_OVERHEAD_BYTES } from './limits';
import { classifyTimestamp } from './time-window';

/** Why the builder took an event out of the queue without putting it in the batch. */
export interface BatchDrops {
  /** Empty messages: CloudWatch refuses '' for the whole batch (cloudwatch-logs-rules.md §1); awslogs drops them too. */
  readonly blankLine: number;
  /** Older than 14 days (or negative). */
  readonly tooOld: number;
  /** Older than the group's retention. */
  readonly expired: number;
  /** More than 2 h in the future (host clock skew). */
  readonly tooNew: number;
}

export interface BuiltBatch {
  /** Chronological (ties in queue order), 0..MAX_BATCH_EVENTS events; empty only when nothing valid was queued. */
  readonly batch: SizedEvent[];
  /** Σ(bytes + 26) of `batch`, the size CloudWatch will count. */
  readonly batchBytes: number;
  /** Everything not taken and not dropped, in the same stable chronological order. */
  readonly remaining: SizedEvent[];
  readonly dropped: BatchDrops;
  /** Σ(bytes + 26) of the dropped events, so the caller can release what it had accounted for them. */
  readonly droppedBytes: number;
}

export interface BatchBuildOptions {
  /** When set, events outside CloudWatch's time window at this instant are dropped (and counted). */
  readonly nowMs?: number;
  readonly retentionDays?: number;
  readonly maxEvents?: number;
  readonly maxBytes?: number;
  readonly maxSpanMs?: number;
}

function isSorted(events: readonly SizedEvent[]): boolean {
  for (let i = 1; i < events.length; i++) if (events[i].timestampMs < events[i - 1].timestampMs) return false;
  return true;
}

/**
 * Build the next PutLogEvents batch from the pending queue (events already split to the per-event cap, in arrival
 * order).
 *
 * Ordering decision: the whole queue is stably sorted by timestamp first and the batch takes the OLDEST events, so
 * that a late-arriving old event goes out before newer ones instead of being stuck behind them, and successive
 * batches are chronological with each other as well as inside themselves. Ties keep queue order (Array#sort is
 * stable, ES2019), which keeps the pieces of a split line and lines with equal timestamps in order (moby#24775).
 *
 * The batch stops at the first event that would break a rule: MAX_BATCH_EVENTS events, MAX_BATCH_BYTES counting
 * PER_EVENT_OVERHEAD_BYTES per event, or a span over MAX_BATCH_SPAN_MS from its oldest event (moby#41529: awslogs
 * never checks the span and the whole request fails). The cut event starts the next batch.
 */
export function buildBatch(pending: readonly SizedEvent[], options: BatchBuildOptions = {}): BuiltBatch {
  const maxEvents = options.maxEvents ?? MAX_BATCH_EVENTS;
  const maxBytes = options.maxBytes ?? MAX_BATCH_BYTES;
  const maxSpanMs = options.maxSpanMs ?? MAX_BATCH_SPAN_MS;
  const sorted = isSorted(pending) ? pending : [...pending].sort((a, b) => a.timestampMs - b.timestampMs);

  const dropped = { blankLine: 0, tooOld: 0, expired: 0, tooNew: 0 };
  const batch: SizedEvent[] = [];
  let batchBytes = 0;
  let droppedBytes = 0;
  let i = 0;
  for (; i < sorted.length; i++) {
    const event = sorted[i];
    const size = event.bytes + PER_EVENT_OVERHEAD_BYTES;
    if (event.bytes === 0) {
      dropped.blankLine++;
      droppedBytes += size;
      continue;
    }
    if (options.nowMs !== undefined) {
      const cls = classifyTimestamp(event.timestampMs, options.nowMs, options.retentionDays);
      if (cls !== 'ok') {
        if (cls === 'too-old') dropped.tooOld++;
        else if (cls === 'expired') dropped.expired++;
        else dropped.tooNew++;
        droppedBytes += size;
        continue;
      }
    }
    if (batch.length >= maxEvents) break;
    if (batchBytes + size > maxBytes && batch.length > 0) break;
    if (batch.length > 0 && event.timestampMs - batch[0].timestampMs > maxSpanMs) break;
    batch.push(event);
    batchBytes += size;
  }
  return { batch, batchBytes, remaining: sorted.slice(i), dropped, droppedBytes };
}

/** Bytes a set of events will count for in a batch (and in our buffers). */
export function accountedBytes(events: readonly SizedEvent[]): number {
  let total = 0;
  for (const e of events) total += e.bytes + PER_EVENT_OVERHEAD_BYTES;
  return total;
}
