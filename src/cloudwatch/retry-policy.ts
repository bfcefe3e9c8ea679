/**
 * Classify errors from the AWS SDK once, at the client boundary, by `name`, HTTP status and Node `code` — never by
 * message text (cloudwatch-logs-rules.md §3) — and compute retry delays.
 */

export type ErrorClass =
  | 'throttled' // back off (slow base), retry within the budget
  | 'transient' // 5xx, network, timeouts: back off, retry within the budget
  | 'not-found' // ResourceNotFoundException: group or stream — the caller decides which from context
  | 'already-exists' // ResourceAlreadyExistsException on Create*: success
  | 'already-accepted' // DataAlreadyAcceptedException (obsolete since 2023): the events are stored, success
  | 'invalid-parameter' // never resend as is: repair the batch
  | 'credentials' // refresh once, then report and slow down
  | 'limit-exceeded' // LimitExceededException (1 M groups on CreateLogGroup): not transient, not retried
  | 'aborted' // our own deadline (close) aborted the call
  | 'fatal'; // anything else: a configuration or programming error

const THROTTLING_NAMES = new Set(['ThrottlingException', 'Throttling', 'RequestLimitExceeded', 'TooManyRequestsException', 'RequestThrottled', 'RequestThrottledException', 'SlowDown']);
const TRANSIENT_NAMES = new Set([
  'ServiceUnavailableException', 'ServiceUnavailable', 'InternalFailure', 'InternalServerError', 'InternalServerException',
  'InternalError', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'OperationAbortedException',
  'InvalidSequenceTokenException', // cannot happen since Jan 2023 (we send no token); if it does, a retry is harmless
  'RequestExpired', 'RequestTimeTooSkewed', 'SignatureDoesNotMatchSkew', // clock skew: the SDK corrects its offset on the next call
]);
const CREDENTIAL_NAMES = new Set([
  'UnrecognizedClientException', 'ExpiredTokenException', 'ExpiredToken', 'AccessDeniedException', 'AccessDenied',
  'IncompleteSignature', 'IncompleteSignatureException', 'InvalidSignatureException', 'InvalidClientTokenId',
  'CredentialsProviderError', 'TokenProviderError', 'MissingAuthenticationToken',
]);
const TRANSIENT_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH',
  'ENETDOWN', 'ECONNABORTED', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_HTTP_SOCKET_HANG_UP',
]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $response?: { statusCode?: unknown };
}

function shapeOf(err: unknown): ErrorShape {
  return typeof err === 'object' && err !== null ? (err as ErrorShape) : {};
}

/** The HTTP status the error came with, if any. */
export function httpStatusOf(err: unknown): number | undefined {
  const e = shapeOf(err);
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Classify an SDK or Node error. `ownAbort` tells that our own AbortSignal fired: an AbortError is then 'aborted'
 * (close deadline) — a per-call timeout we fire ourselves is reported by the caller as transient instead.
 */
export function classifyError(err: unknown, ownAbort = false): ErrorClass {
  const e = shapeOf(err);
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.code === 'string' ? e.code : '';
  if (code.startsWith('DCW_')) return 'fatal'; // our own DcwError: a destination we cannot use as configured
  if (name === 'AbortError' || code === 'ABORT_ERR') return ownAbort ? 'aborted' : 'transient';
  if (THROTTLING_NAMES.has(name)) return 'throttled';
  if (name === 'ResourceNotFoundException') return 'not-found';
  if (name === 'ResourceAlreadyExistsException') return 'already-exists';
  if (name === 'DataAlreadyAcceptedException') return 'already-accepted';
  if (name === 'InvalidParameterException' || name === 'ValidationException' || name === 'RequestEntityTooLargeException') return 'invalid-parameter';
  if (name === 'LimitExceededException') return 'limit-exceeded';
  if (CREDENTIAL_NAMES.has(name)) return 'credentials';
  if (TRANSIENT_NAMES.has(name)) return 'transient';
  if (TRANSIENT_CODES.has(code) || code.startsWith('UND_ERR_')) return 'transient';
  const status = httpStatusOf(err);
  if (status === 429) return 'throttled';
  if (status === 413) return 'invalid-parameter';
  if (status !== undefined && status >= 500) return 'transient';
  if (status === 401 || status === 403) return 'credentials';
  // An error with neither a modelled name nor an HTTP status is a failure below HTTP (socket, DNS, parse of a
  // truncated body): transient by nature. Anything with a 4xx status and an unknown name is fatal.
  if (status === undefined && name !== 'TypeError' && name !== 'RangeError') return 'transient';
  return 'fatal';
}

export interface BackoffPolicy {
  /** First-retry ceiling for transient errors (ms). */
  readonly transientBaseMs: number;
  /** First-retry ceiling for throttling (ms): slower, the 5,000 TPS quota is shared account-wide. */
  readonly throttleBaseMs: number;
  /** Ceiling on any single delay (ms). */
  readonly capMs: number;
}

/** ~200 ms / ~1 s bases like the SDK's 2026 retry constants, capped at 10 s (cloudwatch-logs-rules.md §7). */
export const DEFAULT_BACKOFF: BackoffPolicy = { transientBaseMs: 200, throttleBaseMs: 1_000, capMs: 10_000 };

/**
 * "Full jitter" exponential backoff (AWS Architecture Blog, "Exponential Backoff And Jitter"): a uniform delay in
 * [0, min(cap, base·2^attempt)). `attempt` counts from 0 for the first retry; `random` returns [0, 1).
 */
export function backoffDelayMs(attempt: number, cls: ErrorClass, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const base = cls === 'throttled' ? policy.throttleBaseMs : policy.transientBaseMs;
  const ceiling = Math.min(policy.capMs, base * 2 ** Math.min(Math.max(0, attempt), 30));
  return Math.floor(random() * ceiling);
}
