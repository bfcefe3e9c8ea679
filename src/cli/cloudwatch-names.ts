/**
 * CloudWatch Logs naming rules, checked before anything starts so a bad name fails in milliseconds with its own exit
 * code instead of as a driver error at `docker start`. Source: CreateLogGroup / CreateLogStream API reference,
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html and
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogStream.html
 * (summarised in reference/cloudwatch-logs-rules.md §4).
 */

/** Log group names: 1–512 characters. https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html */
export const MAX_LOG_GROUP_NAME_LENGTH = 512;
/** Log stream names: 1–512 characters. https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogStream.html */
export const MAX_LOG_STREAM_NAME_LENGTH = 512;
/** Allowed group-name characters: `[\.\-_/#A-Za-z0-9]+` (API_CreateLogGroup.html). */
const LOG_GROUP_NAME_PATTERN = /^[.\-_/#A-Za-z0-9]+$/;
/** Stream names may contain anything except `:` and `*` (`[^:*]*`, API_CreateLogStream.html). */
const LOG_STREAM_FORBIDDEN = /[:*]/;
/** The `aws/` prefix is reserved for AWS services (the service model's pattern for logGroupName). */
const RESERVED_GROUP_PREFIX = 'aws/';
/** Region codes such as us-east-1, eu-central-2, us-gov-west-1, cn-north-1 (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html). */
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Why CloudWatch would reject this group name, or undefined when it is acceptable. */
export function logGroupNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > MAX_LOG_GROUP_NAME_LENGTH) return `is ${name.length} characters long; the limit is ${MAX_LOG_GROUP_NAME_LENGTH}`;
  if (!LOG_GROUP_NAME_PATTERN.test(name)) return 'may only contain letters, digits and . - _ / #';
  if (name.startsWith(RESERVED_GROUP_PREFIX)) return `must not start with "${RESERVED_GROUP_PREFIX}" (reserved for AWS)`;
  return undefined;
}

/** Why CloudWatch would reject this stream name, or undefined when it is acceptable. */
export function logStreamNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > MAX_LOG_STREAM_NAME_LENGTH) return `is ${name.length} characters long; the limit is ${MAX_LOG_STREAM_NAME_LENGTH}`;
  if (LOG_STREAM_FORBIDDEN.test(name)) return 'must not contain ":" or "*"';
  return undefined;
}

/** True for a syntactically plausible region code; whether it exists is left to the SDK. */
export function isRegionCode(region: string): boolean {
  return REGION_PATTERN.test(region);
}
