import { log } from './log';
import { droppedEvents } from './metrics';

/**
 * Every reason an event can be dropped. Nothing is dropped silently: each drop goes through `recordDrop`,
 * which counts it (dcw_dropped_events_total{reason}) and logs it with its context.
 */
export type DropReason =
  | 'blank-line' // empty message: CloudWatch refuses '' (cloudwatch-logs-rules.md §1)
  | 'too-old' // older than 14 days or the group's retention, pre-filtered
  | 'too-new' // more than 2 h in the future, pre-filtered
  | 'rejected-too-old' // reported by rejectedLogEventsInfo
  | 'rejected-too-new'
  | 'rejected-expired'
  | 'invalid-parameter' // CloudWatch refused an event we could not repair
  | 'fatal-destination' // group missing and not allowed to create it, access denied, ...
  | 'close-deadline' // still undelivered when the post-StopLogging deadline ran out
  | 'corrupt-frame'; // bytes after a corrupt frame in a FIFO

export interface DropContext {
  readonly group?: string;
  readonly stream?: string;
  readonly container?: string;
  readonly detail?: string;
}

export function recordDrop(reason: DropReason, count: number, context: DropContext = {}): void {
  if (count <= 0) return;
  droppedEvents.inc({ reason }, count);
  log.warn({ reason, count, ...context }, `dropped ${count} event(s): ${reason}`);
}
