/**
 * CloudWatch Logs naming rules for the log group and log stream (cloudwatch-logs-rules.md §4).
 *
 * The asymmetry is deliberate:
 *  - a STREAM name is usually generated: the container ID, a `tag` template such as `{{.ImageName}}`, or the
 *    stream-prefix mapping. The user cannot easily avoid a ':' from an image tag (moby#30518), so we make it
 *    valid by a fixed rule: each ':' or '*' becomes '_', and the name is cut to 512 characters at a code point.
 *  - a GROUP name is typed by the user as is. Rewriting it would silently send logs to a group they did not
 *    name (and could merge two groups), so an invalid group is an error that names the rule instead.
 */
import { InvalidOptionError } from '../errors';

/** https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html (logGroupName) */
export const MAX_LOG_GROUP_NAME_CHARS = 512;
/** https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html: `[\.\-_/#A-Za-z0-9]+` */
const LOG_GROUP_NAME = /^[.\-_/#A-Za-z0-9]+$/;
/** Reserved prefix for AWS-owned groups; CreateLogGroup rejects it (cloudwatch-logs-rules.md §4). */
const RESERVED_GROUP_PREFIX = 'aws/';

/** https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogStream.html (logStreamName) */
export const MAX_LOG_STREAM_NAME_CHARS = 512;
/** The characters a stream name may not contain (`[^:*]*`), replaced by STREAM_NAME_REPLACEMENT. */
const STREAM_NAME_FORBIDDEN = /[:*]/g;
export const STREAM_NAME_REPLACEMENT = '_';

const GROUP_RULE = `1-${MAX_LOG_GROUP_NAME_CHARS} characters from A-Z a-z 0-9 and . - _ / #, not starting with '${RESERVED_GROUP_PREFIX}' (CloudWatch log group name rules)`;

/** Why CloudWatch would reject `name` as a log group name, or undefined when it is valid. Pure; shared with the launcher. */
export function groupNameProblem(name: string): string | undefined {
  const chars = [...name];
  if (chars.length === 0) return 'it is empty';
  if (chars.length > MAX_LOG_GROUP_NAME_CHARS) return `it has ${chars.length} characters`;
  if (!LOG_GROUP_NAME.test(name)) return `the character ${JSON.stringify(chars.find((c) => !LOG_GROUP_NAME.test(c)))} is not allowed`;
  if (name.startsWith(RESERVED_GROUP_PREFIX)) return `the prefix '${RESERVED_GROUP_PREFIX}' is reserved for AWS`;
  return undefined;
}

/** Why CloudWatch would reject `name` as a log stream name (`[^:*]{1,512}`), or undefined when it is valid. */
export function streamNameProblem(name: string): string | undefined {
  const length = [...name].length;
  if (length === 0) return 'it is empty';
  if (length > MAX_LOG_STREAM_NAME_CHARS) return `it has ${length} characters; the limit is ${MAX_LOG_STREAM_NAME_CHARS}`;
  if (/[:*]/.test(name)) return "it contains ':' or '*'";
  return undefined;
}

/** Throws unless `name` is a valid CloudWatch log group name; never rewrites it. */
export function validateGroupName(name: string, option: string): string {
  const problem = groupNameProblem(name);
  if (problem) throw new InvalidOptionError(option, `invalid log opt '${option}'='${name}': ${problem}; expected ${GROUP_RULE}`);
  return name;
}

/**
 * Makes a generated stream name valid: ':' and '*' → '_', then at most 512 code points.
 * `option` is the log-opt the name came from; an empty result is an error naming it and its value.
 */
export function sanitiseStreamName(name: string, option: string, given: string): string {
  const cleaned = [...name.replace(STREAM_NAME_FORBIDDEN, STREAM_NAME_REPLACEMENT)].slice(0, MAX_LOG_STREAM_NAME_CHARS).join('');
  if (cleaned === '') {
    throw new InvalidOptionError(option, `invalid log opt '${option}'='${given}': it gives an empty log stream name; expected a non-empty stream name (1-${MAX_LOG_STREAM_NAME_CHARS} characters)`);
  }
  return cleaned;
}
