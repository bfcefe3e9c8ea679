/**
 * CloudWatch Logs limits as the local endpoint enforces them (server side).
 *
 * src/cloudwatch/limits.ts holds the same numbers for the client side. The duplication is deliberate: the endpoint must
 * stay an independent referee of what the shipper sends, so it does not import the shipper's idea of the rules.
 * Reference: /work/shared/reference/cloudwatch-logs-rules.md §1, §4, §6.
 */

/** Per-event accounting overhead. https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html */
export const EVENT_OVERHEAD_BYTES = 26;

/** Batch size: Σ(UTF-8 bytes + 26) ≤ 1,048,576. https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html */
export const MAX_BATCH_BYTES = 1_048_576;

/**
 * Default per-event limit on (UTF-8 bytes + 26): 1 MB since 2 Apr 2025 (256 KB before). The 26-byte overhead inside the
 * 1 MB is unspecified by AWS, so `bytes + 26 ≤ 1,048,576` is the safe reading (rules §1).
 * https://aws.amazon.com/about-aws/whats-new/2025/04/amazon-cloudwatch-logs-increases-log-event-size-1-mb/
 */
export const DEFAULT_MAX_EVENT_BYTES = 1_048_576;

/** Events per PutLogEvents: 1..10,000. https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html */
export const MAX_EVENTS_PER_BATCH = 10_000;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export { DAY_MS };

/** Events older than 14 days are rejected (tooOldLogEventEndIndex). API_PutLogEvents.html */
export const MAX_EVENT_AGE_MS = 14 * DAY_MS;

/** Events more than 2 hours in the future are rejected (tooNewLogEventStartIndex). API_PutLogEvents.html */
export const MAX_EVENT_FUTURE_MS = 2 * HOUR_MS;

/** The valid events of one batch may span at most 24 hours. API_PutLogEvents.html */
export const MAX_BATCH_SPAN_MS = 24 * HOUR_MS;

/** Log group name: 1–512 of [\.\-_/#A-Za-z0-9]. https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html */
export const MAX_LOG_GROUP_NAME_LENGTH = 512;
export const LOG_GROUP_NAME_PATTERN_TEXT = '[\\.\\-_/#A-Za-z0-9]+';
export const LOG_GROUP_NAME_PATTERN = /^[.\-_/#A-Za-z0-9]+$/;
/** Reserved prefix for AWS-owned groups. API_CreateLogGroup.html ("can't start with the string aws/"). */
export const RESERVED_LOG_GROUP_PREFIX = 'aws/';

/** Log stream name: 1–512 characters, no ':' and no '*'. https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogStream.html */
export const MAX_LOG_STREAM_NAME_LENGTH = 512;
export const LOG_STREAM_NAME_PATTERN_TEXT = '[^:*]*';

/** kmsKeyId is at most 256 characters. API_CreateLogGroup.html */
export const MAX_KMS_KEY_ID_LENGTH = 256;

/** Tags: 1–50 per group, key 1–128, value 0–256. API_CreateLogGroup.html */
export const MAX_TAGS = 50;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 256;
export const TAG_KEY_PATTERN_TEXT = '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$';
export const TAG_VALUE_PATTERN_TEXT = '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$';
export const TAG_CHARS_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Log group classes. https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html */
export const LOG_GROUP_CLASSES = ['STANDARD', 'INFREQUENT_ACCESS', 'DELIVERY'] as const;

/** PutRetentionPolicy allowed values. https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html */
export const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** Describe* page size: 1–50, default 50. https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DescribeLogStreams.html */
export const MAX_DESCRIBE_LIMIT = 50;

/** GetLogEvents / FilterLogEvents: up to 10,000 events and 1 MB per response. API_GetLogEvents.html, API_FilterLogEvents.html */
export const MAX_READ_LIMIT = 10_000;
export const MAX_READ_RESPONSE_BYTES = 1_048_576;

/** CloudWatch Logs closes idle keep-alive connections after about 6 s (aws/aws-for-fluent-bit PR #775, rules §7). */
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 6_000;

/**
 * Largest request body the endpoint reads. Not an AWS number: 1 MB of messages can grow ~6x under JSON escaping
 * (\u0000), plus per-event framing, so 16 MiB leaves room while still bounding memory.
 */
export const MAX_REQUEST_BODY_BYTES = 16 * 1_048_576;
