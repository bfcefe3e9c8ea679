/** CreateLogStream, DeleteLogStream, DescribeLogStreams (cloudwatch-logs-rules.md §4, §6). */
import {
  GROUP_NOT_FOUND, STREAM_EXISTS, STREAM_NOT_FOUND, invalidParameter, resourceAlreadyExists, resourceNotFound,
} from '../api-error';
import { optBoolean, optInteger, optString, type JsonObject } from '../json-fields';
import { MAX_DESCRIBE_LIMIT } from '../limits';
import { pageOf } from '../paging';
import { compare, type StreamState } from '../store';
import { enumSet, integerViolations, logGroupNameViolations, logStreamNameViolations } from '../validation';
import {
  INVALID_TOKEN, fail, groupArn, invalid, isApiError, ok, resolveGroup, type OpContext, type OpResult,
} from './common';

export function createLogStream(input: JsonObject, ctx: OpContext): OpResult {
  const group = optString(input, 'logGroupName');
  const stream = optString(input, 'logStreamName');
  const bad = invalid([...logGroupNameViolations(group), ...logStreamNameViolations(stream)]);
  if (bad) return bad;
  switch (ctx.store.createStream(group!, stream!, ctx.now)) {
    case 'created': return ok();
    case 'no-group': return fail(resourceNotFound(GROUP_NOT_FOUND));
    case 'exists': return fail(resourceAlreadyExists(STREAM_EXISTS));
  }
}

export function deleteLogStream(input: JsonObject, ctx: OpContext): OpResult {
  const group = optString(input, 'logGroupName');
  const stream = optString(input, 'logStreamName');
  const bad = invalid([...logGroupNameViolations(group), ...logStreamNameViolations(stream)]);
  if (bad) return bad;
  if (!ctx.store.group(group!)) return fail(resourceNotFound(GROUP_NOT_FOUND));
  return ctx.store.deleteStream(group!, stream!) ? ok() : fail(resourceNotFound(STREAM_NOT_FOUND));
}

const ORDER_BY = ['LogStreamName', 'LastEventTime'] as const;

function describeStream(s: StreamState, group: string, ctx: OpContext): JsonObject {
  return {
    logStreamName: s.name,
    creationTime: s.creationTime,
    ...(s.firstEventTimestamp !== undefined ? { firstEventTimestamp: s.firstEventTimestamp } : {}),
    ...(s.lastEventTimestamp !== undefined ? { lastEventTimestamp: s.lastEventTimestamp } : {}),
    ...(s.lastIngestionTime !== undefined ? { lastIngestionTime: s.lastIngestionTime } : {}),
    arn: `${groupArn(ctx, group)}:log-stream:${s.name}`,
    // Deprecated by AWS and always 0 on the real service.
    storedBytes: 0,
  };
}

export function describeLogStreams(input: JsonObject, ctx: OpContext): OpResult {
  const prefix = optString(input, 'logStreamNamePrefix');
  const orderBy = optString(input, 'orderBy') ?? 'LogStreamName';
  const descending = optBoolean(input, 'descending') ?? false;
  const limit = optInteger(input, 'limit');
  const token = optString(input, 'nextToken');
  const bad = invalid([
    ...logStreamNameViolations(prefix, 'logStreamNamePrefix', false),
    ...((ORDER_BY as readonly string[]).includes(orderBy) ? [] : [{ value: orderBy, path: 'orderBy', constraint: enumSet(ORDER_BY) }]),
    ...integerViolations(limit, 'limit', { min: 1, max: MAX_DESCRIBE_LIMIT }),
  ]);
  if (bad) return bad;
  if (orderBy === 'LastEventTime' && prefix !== undefined) {
    return fail(invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.'));
  }
  const group = resolveGroup(input, ctx, true);
  if (isApiError(group)) return fail(group);
  const streams = [...group!.streams.values()].filter((s) => prefix === undefined || s.name.startsWith(prefix));
  streams.sort(orderBy === 'LastEventTime'
    ? (a, b) => (a.lastEventTimestamp ?? 0) - (b.lastEventTimestamp ?? 0) || compare(a.name, b.name)
    : (a, b) => compare(a.name, b.name));
  if (descending) streams.reverse();
  const page = pageOf(streams, limit ?? MAX_DESCRIBE_LIMIT, token);
  if (!page) return fail(invalidParameter(INVALID_TOKEN));
  return ok({
    logStreams: page.items.map((s) => describeStream(s, group!.name, ctx)),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  });
}
