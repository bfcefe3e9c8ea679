import type { RejectedLogEventsInfo } from '@aws-sdk/client-cloudwatch-logs';

export interface RejectedCounts {
  readonly tooOld: number;
  readonly expired: number;
  readonly tooNew: number;
  readonly accepted: number;
}

function index(value: number | undefined, n: number): number | undefined {
  return value === undefined ? undefined : Math.max(0, Math.min(n, value));
}

/**
 * Count what a 200 response with `rejectedLogEventsInfo` says was refused, indices into the sorted batch we sent
 * (cloudwatch-logs-rules.md §1.1): too old = [0, tooOldLogEventEndIndex), expired = [0, expiredLogEventEndIndex)
 * minus the too-old ones, too new = [tooNewLogEventStartIndex, n). Ranges are clamped and never overlap in the counts.
 * The batch is never retried: the accepted part would duplicate and the rest would be refused again.
 */
export function countRejected(info: RejectedLogEventsInfo | undefined, n: number): RejectedCounts {
  if (!info) return { tooOld: 0, expired: 0, tooNew: 0, accepted: n };
  const oldEnd = index(info.tooOldLogEventEndIndex, n) ?? 0;
  const expiredEnd = Math.max(oldEnd, index(info.expiredLogEventEndIndex, n) ?? 0);
  const newStart = Math.max(expiredEnd, index(info.tooNewLogEventStartIndex, n) ?? n);
  return { tooOld: oldEnd, expired: expiredEnd - oldEnd, tooNew: n - newStart, accepted: newStart - expiredEnd };
}
