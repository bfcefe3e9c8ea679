/**
 * Every CloudWatch Logs limit the sender obeys, in one place (cloudwatch-logs-rules.md §1, §4).
 * PutLogEvents: https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html
 * Quotas:       https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html
 */

/** Bytes CloudWatch adds to each event's UTF-8 message length when it sizes a batch (API_PutLogEvents). */
export const PER_EVENT_OVERHEAD_BYTES = 26;

/** Σ(UTF-8 message bytes + 26) per PutLogEvents call; not adjustable (API_PutLogEvents, quotas page). */
export const MAX_BATCH_BYTES = 1_048_576;

/** Events per PutLogEvents call (1..10,000; an empty list is a validation error) (API_PutLogEvents). */
export const MAX_BATCH_EVENTS = 10_000;

/**
 * Largest message we send in one event: 1 MiB − 26, so that one event always fits a batch.
 * The event limit is 1,024 KB since 2 Apr 2025 (AWS What's New 2025/04 "amazon-cloudwatch-logs-increases-log-event-size-1-mb").
 */
export const MAX_EVENT_BYTES = MAX_BATCH_BYTES - PER_EVENT_OVERHEAD_BYTES;

/** The pre-2025 limit (256 KiB − 26) that Docker's awslogs still uses (`maximumBytesPerEvent`); a log-opt can select it. */
export const AWSLOGS_MAX_EVENT_BYTES = 262_118;

/** The smallest per-event cap we accept: one event must hold at least one code point (4 UTF-8 bytes). */
export const MIN_EVENT_BYTES = 4;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Oldest-to-newest span of the valid events of one batch (API_PutLogEvents: "cannot exceed 24 hours"). */
export const MAX_BATCH_SPAN_MS = DAY_MS;

/** Events older than this are rejected as too old (API_PutLogEvents: "more than 14 days old"). */
export const MAX_AGE_MS = 14 * DAY_MS;

/** Events further than this in the future are rejected as too new (API_PutLogEvents: "more than 2 hours in the future"). */
export const MAX_FUTURE_MS = 2 * HOUR_MS;

/** One day in ms, for retention arithmetic. */
export const RETENTION_DAY_MS = DAY_MS;

/**
 * The only values PutRetentionPolicy accepts for retentionInDays
 * (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html).
 */
export const RETENTION_DAYS_ALLOWED: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/**
 * CloudWatch closes idle keep-alive connections after about 6 s (aws/aws-for-fluent-bit PR #775); reusing such a
 * socket gives ECONNRESET/EPIPE. Our agent drops idle sockets well before that.
 */
export const SERVER_IDLE_CLOSE_MS = 6_000;
