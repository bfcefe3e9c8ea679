/**
 * PutLogEvents: runs the pure check pipeline (../put-log-events.ts), then stores the accepted events, records the
 * batch and notifies listeners. `sequenceToken` is ignored: tokens are obsolete since January 2023 (rules §1).
 */
import type { JsonObject } from '../json-fields';
import { checkPutLogEvents } from '../put-log-events';
import { fail, ok, type OpContext, type OpResult } from './common';

export function putLogEvents(input: JsonObject, ctx: OpContext): OpResult {
  const result = checkPutLogEvents(input, ctx.store, { now: ctx.now, maxEventBytes: ctx.maxEventBytes });
  if (!result.ok) return fail(result.error);
  const stored = ctx.store.append(result.group, result.stream, result.accepted, ctx.now);
  const rejected = result.count - result.accepted.length;
  ctx.store.batches.push({
    group: result.group, stream: result.stream, count: result.count, bytes: result.bytes, receivedAt: ctx.receivedAt,
    ...(ctx.attempt !== undefined ? { attempt: ctx.attempt } : {}),
    ...(ctx.format !== undefined ? { format: ctx.format } : {}),
    ...(rejected > 0 ? { rejected } : {}),
  });
  if (stored.length > 0) ctx.onStored(result.group, result.stream, stored);
  return ok(result.rejected ? { rejectedLogEventsInfo: { ...result.rejected } } : {});
}
