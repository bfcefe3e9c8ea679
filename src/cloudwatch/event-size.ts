import type { LogEvent } from '../pipeline-types';
import { MAX_EVENT_BYTES, MIN_EVENT_BYTES } from './limits';
import { splitUtf8, utf8Length } from './utf8';

/** An event ready for batching: its message fits the per-event cap and its UTF-8 size is known. */
export interface SizedEvent {
  readonly timestampMs: number;
  readonly message: string;
  /** UTF-8 bytes of `message` (without the 26-byte per-event overhead). */
  readonly bytes: number;
}

/** Clamp a configured cap into [MIN_EVENT_BYTES, MAX_EVENT_BYTES] so one event always fits one batch. */
export function effectiveMaxEventBytes(configured: number): number {
  if (!Number.isFinite(configured)) return MAX_EVENT_BYTES;
  return Math.max(MIN_EVENT_BYTES, Math.min(MAX_EVENT_BYTES, Math.floor(configured)));
}

/**
 * Turn one event into ≥ 1 events of at most `maxEventBytes` UTF-8 bytes each, all with the same timestamp, cut at
 * code point boundaries. This is what awslogs does with lines over its cap (consecutive events, same timestamp;
 * awslogs-options.md §3 "Long lines"); the stable sort keeps the pieces in order. An empty message stays one empty
 * event: the caller decides its fate (it is never sent).
 */
export function splitEvent(event: LogEvent, maxEventBytes: number): SizedEvent[] {
  const cap = effectiveMaxEventBytes(maxEventBytes);
  const bytes = utf8Length(event.message);
  if (bytes <= cap) return [{ timestampMs: event.timestampMs, message: event.message, bytes }];
  return splitUtf8(event.message, cap).map((message) => ({ timestampMs: event.timestampMs, message, bytes: utf8Length(message) }));
}
