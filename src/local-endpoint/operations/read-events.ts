/**
 * GetLogEvents and FilterLogEvents. Both read the timestamp-sorted view of a stream; startTime is inclusive and endTime
 * exclusive. A response carries at most `limit` (≤ 10,000) events and about 1 MB of messages, and always at least one
 * event when any remains, so a single 1 MB event can still be read.
 */
import { STREAM_NOT_FOUND, invalidParameter, resourceNotFound } from '../api-error';
import { matchesFilter, parseFilterPattern } from '../filter-pattern';
import { optBoolean, optInteger, optString, optStringList, type JsonObject } from '../json-fields';
import { EVENT_OVERHEAD_BYTES, MAX_READ_LIMIT, MAX_READ_RESPONSE_BYTES } from '../limits';
import { decodePosition, encodeOffset, decodeOffset, encodePosition, lowerBound } from '../paging';
import type { StoredEvent } from '../types';
import { integerViolations, logStreamNameViolations, stringViolations, maxLength, minLength } from '../validation';
import { INVALID_TOKEN, fail, invalid, isApiError, ok, resolveGroup, type OpContext, type OpResult } from './common';

const eventSize = (e: StoredEvent): number => Buffer.byteLength(e.message, 'utf8') + EVENT_OVERHEAD_BYTES;

/** How many events from `from` forward fit the count and byte budget (≥ 1 when any are available). */
function fitForward(events: readonly StoredEvent[], from: number, end: number, limit: number): number {
  let to = from;
  let bytes = 0;
  while (to < end && to - from < limit) {
    bytes += eventSize(events[to]!);
    if (bytes > MAX_READ_RESPONSE_BYTES && to > from) break;
    to++;
  }
  return to;
}

function fitBackward(events: readonly StoredEvent[], start: number, end: number, limit: number): number {
  let from = end;
  let bytes = 0;
  while (from > start && end - from < limit) {
    bytes += eventSize(events[from - 1]!);
    if (bytes > MAX_READ_RESPONSE_BYTES && from < end) break;
    from--;
  }
  return from;
}

const timeViolations = (input: JsonObject) => [
  ...integerViolations(optInteger(input, 'startTime'), 'startTime', { min: 0 }),
  ...integerViolations(optInteger(input, 'endTime'), 'endTime', { min: 0 }),
  ...integerViolations(optInteger(input, 'limit'), 'limit', { min: 1, max: MAX_READ_LIMIT }),
];

/**
 * Without a token: the oldest events when startFromHead is true, otherwise the newest (the default). Tokens are
 * positions; at either end the same token comes back, which is how readers know to stop.
 */
export function getLogEvents(input: JsonObject, ctx: OpContext): OpResult {
  const streamName = optString(input, 'logStreamName');
  const startFromHead = optBoolean(input, 'startFromHead') ?? false;
  const token = optString(input, 'nextToken');
  const bad = invalid([...logStreamNameViolations(streamName), ...timeViolations(input)]);
  if (bad) return bad;
  const group = resolveGroup(input, ctx, true);
  if (isApiError(group)) return fail(group);
  const stream = group!.streams.get(streamName!);
  if (!stream) return fail(resourceNotFound(STREAM_NOT_FOUND));

  const events = ctx.store.eventsByTime(stream);
  const startTime = optInteger(input, 'startTime');
  const endTime = optInteger(input, 'endTime');
  const lo = startTime === undefined ? 0 : lowerBound(events, startTime);
  const hi = Math.max(lo, endTime === undefined ? events.length : lowerBound(events, endTime));
  const limit = optInteger(input, 'limit') ?? MAX_READ_LIMIT;
  const position = token === undefined ? undefined : decodePosition(token);
  if (token !== undefined && !position) return fail(invalidParameter(INVALID_TOKEN));

  const clamp = (p: number): number => Math.min(hi, Math.max(lo, p));
  const forward = position ? position.dir === 'f' : startFromHead;
  let from: number;
  let to: number;
  if (forward) {
    from = clamp(position ? position.pos : lo);
    to = fitForward(events, from, hi, limit);
  } else {
    to = clamp(position ? position.pos : hi);
    from = fitBackward(events, lo, to, limit);
  }
  return ok({
    events: events.slice(from, to).map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime })),
    nextForwardToken: encodePosition('f', to),
    nextBackwardToken: encodePosition('b', from),
  });
}

interface Hit { stream: string; index: number; event: StoredEvent }

/**
 * Events of the chosen streams (`logStreamNames` XOR `logStreamNamePrefix`; names that do not exist are skipped),
 * interleaved by timestamp (ties by stream name, then position), filtered by the simple pattern of filter-pattern.ts.
 */
export function filterLogEvents(input: JsonObject, ctx: OpContext): OpResult {
  const names = optStringList(input, 'logStreamNames');
  const prefix = optString(input, 'logStreamNamePrefix');
  const pattern = optString(input, 'filterPattern');
  const token = optString(input, 'nextToken');
  const namesViolations = names === undefined ? [] : [
    ...(names.length > 100 ? [{ value: `[${names.length} items]`, path: 'logStreamNames', constraint: maxLength(100) }] : []),
    ...(names.length < 1 ? [{ value: '[]', path: 'logStreamNames', constraint: minLength(1) }] : []),
    ...names.flatMap((n, i) => logStreamNameViolations(n, `logStreamNames.${i + 1}.member`)),
  ];
  const bad = invalid([
    ...namesViolations,
    ...logStreamNameViolations(prefix, 'logStreamNamePrefix', false),
    ...stringViolations(pattern, 'filterPattern', { max: 1024 }),
    ...timeViolations(input),
  ]);
  if (bad) return bad;
  if (names !== undefined && prefix !== undefined) {
    return fail(invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.'));
  }
  const filter = parseFilterPattern(pattern);
  if (!filter.ok) return fail(invalidParameter(`Invalid filter pattern: ${filter.reason}.`));
  const group = resolveGroup(input, ctx, true);
  if (isApiError(group)) return fail(group);
  const offset = token === undefined ? 0 : decodeOffset(token);
  if (offset === undefined) return fail(invalidParameter(INVALID_TOKEN));

  const streams = [...group!.streams.values()]
    .filter((s) => (names === undefined || names.includes(s.name)) && (prefix === undefined || s.name.startsWith(prefix)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const startTime = optInteger(input, 'startTime') ?? 0;
  const endTime = optInteger(input, 'endTime') ?? Number.MAX_SAFE_INTEGER;
  const hits: Hit[] = [];
  for (const s of streams) {
    const events = ctx.store.eventsByTime(s);
    for (let i = lowerBound(events, startTime); i < events.length && events[i]!.timestamp < endTime; i++) {
      if (matchesFilter(filter.terms, events[i]!.message)) hits.push({ stream: s.name, index: i, event: events[i]! });
    }
  }
  // Array#sort is stable and `streams` is in name order, so ties keep (stream name, position) order.
  hits.sort((a, b) => a.event.timestamp - b.event.timestamp);
  const page = hits.slice(offset);
  const to = fitForward(page.map((h) => h.event), 0, page.length, optInteger(input, 'limit') ?? MAX_READ_LIMIT);
  return ok({
    events: page.slice(0, to).map((h) => ({
      logStreamName: h.stream, timestamp: h.event.timestamp, message: h.event.message,
      ingestionTime: h.event.ingestionTime, eventId: `${h.stream}:${h.index}`,
    })),
    searchedLogStreams: streams.map((s) => ({ logStreamName: s.name, searchedCompletely: true })),
    ...(to < page.length ? { nextToken: encodeOffset(offset + to) } : {}),
  });
}
