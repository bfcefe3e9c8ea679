import { DEFAULT_FLUSH_TUNING } from './flush-policy';
import { MAX_BATCH_EVENTS } from './limits';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './retry-policy';

/** Every knob of a StreamSender; tests shrink the times, production uses `senderTuning(options)`. */
export interface SenderTuning {
  /** awslogs-force-flush-interval-seconds × 1000: upper bound on how long a queued event waits. */
  readonly flushIntervalMs: number;
  readonly idleFlushMs: number;
  readonly maxWaitMs: number;
  readonly maxEventBytes: number;
  /** Per-sink bound on buffered bytes (queued + being sent), counted as message bytes + 26. */
  readonly maxSinkBytes: number;
  /** awslogs-max-buffered-events; the per-sink event bound is `eventBound(maxBufferedEvents)`. */
  readonly maxBufferedEvents: number;
  readonly backoff: BackoffPolicy;
  /** After a permanent failure (group missing, limit exceeded, refused credentials) batches are dropped for this long, then one is tried again. */
  readonly fatalHoldMs: number;
  /** Credential errors are retried slowly (after one refresh) for this long before they count as permanent. */
  readonly credentialsGraceMs: number;
  /** Per-call AbortSignal deadline, a little above the SDK handler's requestTimeout. */
  readonly callTimeoutMs: number;
  /** Minimum interval between two error logs of the same sink. */
  readonly errorLogIntervalMs: number;
}

/** 8 MiB per container: eight full batches, enough to ride out seconds of throttling at a high rate. */
export const DEFAULT_SINK_BYTES = 8 * 1024 * 1024;

/**
 * awslogs buffers `awslogs-max-buffered-events` messages before its batcher, plus one batch being filled and one
 * being sent (up to 10,000 each). Our event bound is that same total, so a full batch can always form.
 */
export function eventBound(maxBufferedEvents: number): number {
  return maxBufferedEvents + 2 * MAX_BATCH_EVENTS;
}

export function senderTuning(o: { flushIntervalMs: number; maxEventBytes: number; maxBufferedEvents: number }): SenderTuning {
  return {
    flushIntervalMs: o.flushIntervalMs,
    ...DEFAULT_FLUSH_TUNING,
    maxEventBytes: o.maxEventBytes,
    maxSinkBytes: DEFAULT_SINK_BYTES,
    maxBufferedEvents: o.maxBufferedEvents,
    backoff: DEFAULT_BACKOFF,
    fatalHoldMs: 60_000,
    credentialsGraceMs: 5 * 60_000,
    callTimeoutMs: 35_000,
    errorLogIntervalMs: 30_000,
  };
}
