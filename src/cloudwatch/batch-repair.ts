import type { SizedEvent } from './event-size';
import { classifyTimestamp } from './time-window';

/**
 * InvalidParameterException is never answered by resending the same batch (cloudwatch-logs-rules.md §3). We halve
 * it instead: each half is still chronological and within every limit, and after log2(n) rounds the offending event
 * is alone and can be dropped (counted) while every other event is delivered. Returns undefined for a single event.
 */
export function bisect(batch: readonly SizedEvent[]): [SizedEvent[], SizedEvent[]] | undefined {
  if (batch.length < 2) return undefined;
  const mid = Math.ceil(batch.length / 2);
  return [batch.slice(0, mid), batch.slice(mid)];
}

/** Split a batch about to be retried into events still inside CloudWatch's time window and those that aged out. */
export function partitionByWindow(batch: readonly SizedEvent[], nowMs: number, retentionDays?: number): { keep: SizedEvent[]; out: SizedEvent[] } {
  const keep: SizedEvent[] = [];
  const out: SizedEvent[] = [];
  for (const e of batch) (classifyTimestamp(e.timestampMs, nowMs, retentionDays) === 'ok' ? keep : out).push(e);
  return { keep, out };
}
