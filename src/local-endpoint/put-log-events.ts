/**
 * The PutLogEvents check pipeline as a pure function: request body + a read-only view of the store + now → either an
 * error value or the events to store plus `rejectedLogEventsInfo`. The order of the checks is the one in
 * cloudwatch-logs-rules.md §6 (the AWS behaviour of each check is documented; the order between them is inference):
 *   1 shape → 2 group/stream exist → 3 sizes → 4 chronological order → 5 too old / expired / too new → 6 24 h span.
 * A failed check fails the whole request; step 5 only drops events (HTTP 200, partial success).
 */
import {
  GROUP_NOT_FOUND, STREAM_NOT_FOUND, invalidParameter, resourceNotFound, serialization, validationError,
  type ApiError, type ConstraintViolation,
} from './api-error';
import { WireTypeError, isObject, optInteger, optList, optString, type JsonObject } from './json-fields';
import {
  DAY_MS, EVENT_OVERHEAD_BYTES, MAX_BATCH_BYTES, MAX_BATCH_SPAN_MS, MAX_EVENT_AGE_MS, MAX_EVENT_FUTURE_MS,
  MAX_EVENTS_PER_BATCH,
} from './limits';
import { NOT_NULL, integerViolations, logGroupNameViolations, logStreamNameViolations, maxLength, minLength } from './validation';

export const CHRONOLOGICAL_ORDER_MESSAGE =
  'Log events in a single PutLogEvents request must be in chronological order.';
export const SPAN_MESSAGE = 'The batch of log events in a single PutLogEvents request cannot span more than 24 hours.';

export interface InputEvent {
  readonly timestamp: number;
  readonly message: string;
}

/** Indices into the request's event list (0-based). Start is inclusive, the two ends are exclusive. */
export interface RejectedLogEventsInfo {
  tooNewLogEventStartIndex?: number;
  tooOldLogEventEndIndex?: number;
  expiredLogEventEndIndex?: number;
}

/** What the pipeline needs to know about the store. `retentionInDays` null = no policy (never expires). */
export interface PutStoreView {
  group(name: string): { retentionInDays: number | null } | undefined;
  hasStream(group: string, stream: string): boolean;
}

export interface PutCheckOptions {
  now: number;
  /** Limit on (UTF-8 bytes + 26) of one event. */
  maxEventBytes: number;
}

export type PutCheckResult =
  | { readonly ok: false; readonly error: ApiError }
  | {
    readonly ok: true;
    readonly group: string;
    readonly stream: string;
    /** The events that pass step 5, in request order. */
    readonly accepted: InputEvent[];
    readonly rejected: RejectedLogEventsInfo | undefined;
    /** Request totals: events and Σ(UTF-8 bytes + 26). */
    readonly count: number;
    readonly bytes: number;
  };

/** UTF-8 size of a decoded JSON string. Lone surrogates count as U+FFFD (3 bytes), as the service stores them. */
export function utf8Bytes(message: string): number {
  return Buffer.byteLength(message, 'utf8');
}

function renderList(list: unknown[]): string {
  return list.length === 0 ? '[]' : `[${list.length} items]`;
}

interface Decoded { group?: string; stream?: string; events?: unknown[] }

/** Step 1: the request shape. Collects every violation like the service's validation layer. */
function shapeViolations(d: Decoded): { violations: ConstraintViolation[]; events: InputEvent[] } {
  const violations = [...logGroupNameViolations(d.group), ...logStreamNameViolations(d.stream)];
  const events: InputEvent[] = [];
  if (d.events === undefined) {
    violations.push({ value: null, path: 'logEvents', constraint: NOT_NULL });
    return { violations, events };
  }
  if (d.events.length > MAX_EVENTS_PER_BATCH) {
    violations.push({ value: renderList(d.events), path: 'logEvents', constraint: maxLength(MAX_EVENTS_PER_BATCH) });
  }
  if (d.events.length < 1) violations.push({ value: '[]', path: 'logEvents', constraint: minLength(1) });
  d.events.forEach((raw, i) => {
    const base = `logEvents.${i + 1}.member`;
    if (!isObject(raw)) throw new WireTypeError(base, 'structure', raw);
    const timestamp = optInteger(raw, 'timestamp', `${base}.timestamp`);
    const message = optString(raw, 'message', `${base}.message`);
    violations.push(...integerViolations(timestamp, `${base}.timestamp`, { required: true, min: 0 }));
    if (message === undefined) violations.push({ value: null, path: `${base}.message`, constraint: NOT_NULL });
    else if (message.length === 0) violations.push({ value: '', path: `${base}.message`, constraint: minLength(1) });
    if (timestamp !== undefined && message !== undefined) events.push({ timestamp, message });
  });
  return { violations, events };
}

/** Step 3: per-event limit first, then the batch total. */
function sizeError(events: InputEvent[], maxEventBytes: number): { error?: ApiError; bytes: number } {
  let total = 0;
  for (const e of events) {
    const size = utf8Bytes(e.message) + EVENT_OVERHEAD_BYTES;
    if (size > maxEventBytes) {
      return { error: invalidParameter(`Log event too large: ${size} bytes exceeds limit of ${maxEventBytes}`), bytes: 0 };
    }
    total += size;
  }
  if (total > MAX_BATCH_BYTES) {
    return { error: invalidParameter(`Upload too large: ${total} bytes exceeds limit of ${MAX_BATCH_BYTES}`), bytes: total };
  }
  return { bytes: total };
}

/**
 * Step 5. The events are sorted, so too-old and expired events form a prefix and too-new ones a suffix; each index is
 * the boundary of that run. An event can be both too old and expired; both indices are then reported.
 */
export function classifyEvents(
  events: readonly InputEvent[], now: number, retentionInDays: number | null,
): { rejected: RejectedLogEventsInfo | undefined; from: number; to: number } {
  const oldest = now - MAX_EVENT_AGE_MS;
  const newest = now + MAX_EVENT_FUTURE_MS;
  const expiry = retentionInDays === null ? -Infinity : now - retentionInDays * DAY_MS;
  let tooOldEnd = 0;
  while (tooOldEnd < events.length && events[tooOldEnd]!.timestamp < oldest) tooOldEnd++;
  let expiredEnd = 0;
  while (expiredEnd < events.length && events[expiredEnd]!.timestamp < expiry) expiredEnd++;
  let tooNewStart = events.length;
  while (tooNewStart > 0 && events[tooNewStart - 1]!.timestamp > newest) tooNewStart--;
  const rejected: RejectedLogEventsInfo = {};
  if (tooNewStart < events.length) rejected.tooNewLogEventStartIndex = tooNewStart;
  if (tooOldEnd > 0) rejected.tooOldLogEventEndIndex = tooOldEnd;
  if (expiredEnd > 0) rejected.expiredLogEventEndIndex = expiredEnd;
  const from = Math.max(tooOldEnd, expiredEnd);
  return { rejected: Object.keys(rejected).length > 0 ? rejected : undefined, from, to: Math.max(from, tooNewStart) };
}

export function checkPutLogEvents(body: JsonObject, view: PutStoreView, opts: PutCheckOptions): PutCheckResult {
  let decoded: Decoded;
  let shape: ReturnType<typeof shapeViolations>;
  try {
    decoded = { group: optString(body, 'logGroupName'), stream: optString(body, 'logStreamName'), events: optList(body, 'logEvents') };
    shape = shapeViolations(decoded);
  } catch (err) {
    if (err instanceof WireTypeError) return { ok: false, error: serialization(err.message) };
    throw err;
  }
  if (shape.violations.length > 0) return { ok: false, error: validationError(shape.violations) };
  const group = decoded.group!;
  const stream = decoded.stream!;
  const events = shape.events;

  const meta = view.group(group);
  if (!meta) return { ok: false, error: resourceNotFound(GROUP_NOT_FOUND) };
  if (!view.hasStream(group, stream)) return { ok: false, error: resourceNotFound(STREAM_NOT_FOUND) };

  const size = sizeError(events, opts.maxEventBytes);
  if (size.error) return { ok: false, error: size.error };

  for (let i = 1; i < events.length; i++) {
    if (events[i]!.timestamp < events[i - 1]!.timestamp) return { ok: false, error: invalidParameter(CHRONOLOGICAL_ORDER_MESSAGE) };
  }

  const { rejected, from, to } = classifyEvents(events, opts.now, meta.retentionInDays);
  const accepted = events.slice(from, to);
  if (accepted.length > 1 && accepted[accepted.length - 1]!.timestamp - accepted[0]!.timestamp > MAX_BATCH_SPAN_MS) {
    return { ok: false, error: invalidParameter(SPAN_MESSAGE) };
  }
  return { ok: true, group, stream, accepted, rejected, count: events.length, bytes: size.bytes };
}
