import { MAX_AGE_MS, MAX_FUTURE_MS, RETENTION_DAY_MS } from './limits';

/** Where an event's timestamp falls relative to what PutLogEvents accepts at `now` (cloudwatch-logs-rules.md §1). */
export type TimeClass = 'ok' | 'too-old' | 'too-new' | 'expired';

/**
 * Classify a timestamp as CloudWatch would at `nowMs`: older than 14 days → too-old (also negative timestamps, which
 * the API refuses), older than the group's retention → expired, more than 2 h ahead → too-new. Boundaries are
 * inclusive on the accepted side (`now−14d ≤ ts ≤ now+2h`); the rare event that ages across the boundary between our
 * check and the server's comes back in rejectedLogEventsInfo and is counted there.
 */
export function classifyTimestamp(timestampMs: number, nowMs: number, retentionDays?: number): TimeClass {
  if (timestampMs < 0 || timestampMs < nowMs - MAX_AGE_MS) return 'too-old';
  if (timestampMs > nowMs + MAX_FUTURE_MS) return 'too-new';
  if (retentionDays !== undefined && timestampMs < nowMs - retentionDays * RETENTION_DAY_MS) return 'expired';
  return 'ok';
}
