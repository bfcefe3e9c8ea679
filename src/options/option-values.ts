/**
 * Parsers for single log-opt values. Each takes the option name and the raw string and returns a typed value,
 * or throws InvalidOptionError whose message names the option, quotes the value and says what was expected:
 *   invalid log opt '<name>'='<value>': expected <what>
 */
import { InvalidOptionError } from '../errors';

export function invalid(option: string, value: string, expected: string): InvalidOptionError {
  return new InvalidOptionError(option, `invalid log opt '${option}'='${value}': expected ${expected}`);
}

/** Go's strconv.ParseBool spellings, which awslogs uses for its boolean options. */
const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

export function parseGoBool(option: string, value: string): boolean {
  if (GO_TRUE.has(value)) return true;
  if (GO_FALSE.has(value)) return false;
  throw invalid(option, value, 'a boolean: true or false (Go strconv.ParseBool also accepts 1, t, T, TRUE, True, 0, f, F, FALSE, False)');
}

/** Go's strconv.Atoi syntax (optional sign, decimal digits) and a range check. */
export function parseIntInRange(option: string, value: string, min: number, max: number, what: string): number {
  const n = /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw invalid(option, value, what);
  return n;
}

export function parseEnum<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw invalid(option, value, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
}

/** An absolute http(s) URL without user info: credentials never belong in a log-opt (they show in `docker inspect`). */
export function parseHttpUrl(option: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(option, value, 'an http:// or https:// URL, e.g. https://logs.us-east-1.amazonaws.com');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(option, value, 'an http:// or https:// URL, e.g. https://logs.us-east-1.amazonaws.com');
  if (url.username !== '' || url.password !== '') {
    // Quote the value with the password masked: this message lands in dockerd's log and the user's terminal.
    const shown = url.password === '' ? value : value.replace(`:${url.password}@`, ':***@');
    throw invalid(option, shown, 'a URL without user name or password (log-opts are visible in docker inspect)');
  }
  return value;
}

/** AWS region codes: lower-case words and digits joined by '-', e.g. us-east-1, us-gov-west-1, cn-north-1. */
const REGION = /^[a-z]{2,}(?:-[a-z0-9]+)+$/;

/** True for a syntactically plausible region code; whether it exists is left to the SDK. */
export function isRegionCode(value: string): boolean {
  return REGION.test(value) && value.length <= 64;
}

export function parseRegion(option: string, value: string): string {
  if (!isRegionCode(value)) throw invalid(option, value, 'an AWS region code such as us-east-1 or eu-west-3');
  return value;
}

/** awslogs appends the value to http://169.254.170.2 (the ECS credentials endpoint), so it must be a path. */
export function parseCredentialsPath(option: string, value: string): string {
  if (!/^\/[^\s]*$/.test(value)) throw invalid(option, value, 'a relative URI starting with "/" (it is appended to http://169.254.170.2), e.g. /v2/credentials/<id>');
  return value;
}

/** A profile section name in the shared credentials file (letters, digits and _ . + @ / -). */
export function parseProfileName(option: string, value: string): string {
  if (!/^[A-Za-z0-9_.+@/-]{1,128}$/.test(value)) {
    throw invalid(option, value, 'the name of a profile in the mounted shared credentials file (1-128 of A-Z a-z 0-9 _ . + @ / -); never put secrets in log-opts');
  }
  return value;
}

/** https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html (retentionInDays) */
export const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export function parseRetentionDays(option: string, value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(RETENTION_DAYS as readonly number[]).includes(n)) throw invalid(option, value, `one of CloudWatch's retention periods in days: ${RETENTION_DAYS.join(', ')}`);
  return n;
}

/** https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html (kmsKeyId: ≤ 256, a key ARN) */
export const MAX_KMS_KEY_ID_CHARS = 256;
const KMS_KEY_ARN = /^arn:aws(?:-[a-z]+)*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

export function parseKmsKeyArn(option: string, value: string): string {
  if (value.length > MAX_KMS_KEY_ID_CHARS || !KMS_KEY_ARN.test(value)) {
    throw invalid(option, value, `a KMS key ARN of at most ${MAX_KMS_KEY_ID_CHARS} characters, e.g. arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab`);
  }
  return value;
}

/** https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html (tags) */
export const MAX_GROUP_TAGS = 50;
export const MAX_TAG_KEY_CHARS = 128;
export const MAX_TAG_VALUE_CHARS = 256;
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
/** https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html: the aws: prefix is reserved. */
const RESERVED_TAG_PREFIX = 'aws:';

/** `k=v,k2=v2`: split on ',', then at the first '=' (values may contain '='). */
export function parseGroupTags(option: string, value: string): Readonly<Record<string, string>> {
  const rule = `1-${MAX_GROUP_TAGS} tags as key=value,key2=value2 (key 1-${MAX_TAG_KEY_CHARS} and value 0-${MAX_TAG_VALUE_CHARS} characters of letters, digits, spaces and _ . : / = + - @; keys not starting with '${RESERVED_TAG_PREFIX}')`;
  // No prototype, so a key such as "__proto__" stays a plain key.
  const tags: Record<string, string> = Object.create(null) as Record<string, string>;
  const items = value.split(',');
  if (items.length > MAX_GROUP_TAGS) throw invalid(option, value, `${rule}, got ${items.length} tags`);
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq < 0) throw invalid(option, value, `${rule}; "${item}" has no '='`);
    const k = item.slice(0, eq);
    const v = item.slice(eq + 1);
    const kLen = [...k].length;
    const vLen = [...v].length;
    if (kLen < 1 || kLen > MAX_TAG_KEY_CHARS || !TAG_CHARS.test(k)) throw invalid(option, value, `${rule}; the key "${k}" is not valid`);
    if (vLen > MAX_TAG_VALUE_CHARS || !TAG_CHARS.test(v)) throw invalid(option, value, `${rule}; the value "${v}" of key "${k}" is not valid`);
    if (k.toLowerCase().startsWith(RESERVED_TAG_PREFIX)) throw invalid(option, value, `${rule}; the key "${k}" uses the reserved prefix`);
    if (Object.hasOwn(tags, k)) throw invalid(option, value, `${rule}; the key "${k}" appears twice`);
    tags[k] = v;
  }
  return tags;
}
