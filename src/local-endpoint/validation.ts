/**
 * Pure request validators. Each returns the constraint violations it found (empty = valid), rendered the AWS way
 * (see api-error.ts validationMessage). Paths use 1-based list indices like the real service.
 * Rules: cloudwatch-logs-rules.md §1, §4 and the Smithy model constraints they cite.
 */
import type { ConstraintViolation } from './api-error';
import {
  LOG_GROUP_CLASSES, LOG_GROUP_NAME_PATTERN, LOG_GROUP_NAME_PATTERN_TEXT, LOG_STREAM_NAME_PATTERN_TEXT,
  MAX_KMS_KEY_ID_LENGTH, MAX_LOG_GROUP_NAME_LENGTH, MAX_LOG_STREAM_NAME_LENGTH, MAX_TAG_KEY_LENGTH,
  MAX_TAG_VALUE_LENGTH, MAX_TAGS, RETENTION_DAYS, TAG_CHARS_PATTERN, TAG_KEY_PATTERN_TEXT, TAG_VALUE_PATTERN_TEXT,
} from './limits';

export const NOT_NULL = 'Member must not be null';
export const minLength = (n: number): string => `Member must have length greater than or equal to ${n}`;
export const maxLength = (n: number): string => `Member must have length less than or equal to ${n}`;
export const minValue = (n: number): string => `Member must have value greater than or equal to ${n}`;
export const maxValue = (n: number): string => `Member must have value less than or equal to ${n}`;
export const pattern = (p: string): string => `Member must satisfy regular expression pattern: ${p}`;
export const enumSet = (values: readonly (string | number)[]): string =>
  `Member must satisfy enum value set: [${values.join(', ')}]`;

/** Length in characters as the service counts them (code points, not UTF-16 units). */
function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const missing = (path: string): ConstraintViolation => ({ value: null, path, constraint: NOT_NULL });

/** A string member with length bounds (and an optional pattern). `required` adds the not-null rule. */
export function stringViolations(
  value: string | undefined, path: string,
  rules: { required?: boolean; min?: number; max?: number; pattern?: { re: RegExp; text: string } },
): ConstraintViolation[] {
  if (value === undefined) return rules.required ? [missing(path)] : [];
  const out: ConstraintViolation[] = [];
  const len = charLength(value);
  if (rules.max !== undefined && len > rules.max) out.push({ value, path, constraint: maxLength(rules.max) });
  if (rules.min !== undefined && len < rules.min) out.push({ value, path, constraint: minLength(rules.min) });
  if (rules.pattern && !rules.pattern.re.test(value)) out.push({ value, path, constraint: pattern(rules.pattern.text) });
  return out;
}

/** An integer member with value bounds. */
export function integerViolations(
  value: number | undefined, path: string, rules: { required?: boolean; min?: number; max?: number },
): ConstraintViolation[] {
  if (value === undefined) return rules.required ? [missing(path)] : [];
  const out: ConstraintViolation[] = [];
  if (rules.min !== undefined && value < rules.min) out.push({ value: String(value), path, constraint: minValue(rules.min) });
  if (rules.max !== undefined && value > rules.max) out.push({ value: String(value), path, constraint: maxValue(rules.max) });
  return out;
}

/** Log group name: 1–512 of [\.\-_/#A-Za-z0-9]. The `aws/` prefix is a service rule, see isReservedGroupName. */
export function logGroupNameViolations(name: string | undefined, path = 'logGroupName', required = true): ConstraintViolation[] {
  return stringViolations(name, path, {
    required, min: 1, max: MAX_LOG_GROUP_NAME_LENGTH,
    pattern: { re: LOG_GROUP_NAME_PATTERN, text: LOG_GROUP_NAME_PATTERN_TEXT },
  });
}

export function isReservedGroupName(name: string): boolean {
  return name.startsWith('aws/');
}

const STREAM_NAME_RE = /^[^:*]*$/;

/** Log stream name: 1–512 characters, none of them ':' or '*'. */
export function logStreamNameViolations(name: string | undefined, path = 'logStreamName', required = true): ConstraintViolation[] {
  return stringViolations(name, path, {
    required, min: 1, max: MAX_LOG_STREAM_NAME_LENGTH,
    pattern: { re: STREAM_NAME_RE, text: LOG_STREAM_NAME_PATTERN_TEXT },
  });
}

export function kmsKeyIdViolations(kmsKeyId: string | undefined): ConstraintViolation[] {
  return stringViolations(kmsKeyId, 'kmsKeyId', { max: MAX_KMS_KEY_ID_LENGTH });
}

export function logGroupClassViolations(cls: string | undefined, path = 'logGroupClass'): ConstraintViolation[] {
  if (cls === undefined || (LOG_GROUP_CLASSES as readonly string[]).includes(cls)) return [];
  return [{ value: cls, path, constraint: enumSet(LOG_GROUP_CLASSES) }];
}

export function retentionViolations(days: number | undefined): ConstraintViolation[] {
  if (days === undefined) return [missing('retentionInDays')];
  if ((RETENTION_DAYS as readonly number[]).includes(days)) return [];
  return [{ value: String(days), path: 'retentionInDays', constraint: enumSet(RETENTION_DAYS) }];
}

/** Java Map#toString rendering, which is how the service echoes a map value. */
function renderMap(map: Record<string, string>): string {
  return `{${Object.entries(map).map(([k, v]) => `${k}=${v}`).join(', ')}}`;
}

/** Tags: 1–50 entries; keys 1–128 and values 0–256 characters of [\p{L}\p{Z}\p{N}_.:/=+\-@]. */
export function tagsViolations(tags: Record<string, string> | undefined): ConstraintViolation[] {
  if (tags === undefined) return [];
  const entries = Object.entries(tags);
  const value = renderMap(tags);
  const out: ConstraintViolation[] = [];
  if (entries.length > MAX_TAGS) out.push({ value, path: 'tags', constraint: maxLength(MAX_TAGS) });
  if (entries.length < 1) out.push({ value, path: 'tags', constraint: minLength(1) });
  const keyRules = new Set<string>();
  const valueRules = new Set<string>();
  for (const [k, v] of entries) {
    const klen = charLength(k);
    if (klen > MAX_TAG_KEY_LENGTH) keyRules.add(maxLength(MAX_TAG_KEY_LENGTH));
    if (klen < 1) keyRules.add(minLength(1));
    if (!TAG_CHARS_PATTERN.test(k)) keyRules.add(pattern(TAG_KEY_PATTERN_TEXT));
    if (charLength(v) > MAX_TAG_VALUE_LENGTH) valueRules.add(maxLength(MAX_TAG_VALUE_LENGTH));
    if (!TAG_CHARS_PATTERN.test(v)) valueRules.add(pattern(TAG_VALUE_PATTERN_TEXT));
  }
  if (keyRules.size > 0) out.push({ value, path: 'tags', constraint: `Map keys must satisfy constraint: [${[...keyRules].join(', ')}]` });
  if (valueRules.size > 0) out.push({ value, path: 'tags', constraint: `Map value must satisfy constraint: [${[...valueRules].join(', ')}]` });
  return out;
}

/** The two exclusive pairs (`a` XOR `b`) the read APIs have. Returns the AWS-style message or undefined. */
export function exclusiveMessage(aName: string, a: unknown, bName: string, b: unknown): string | undefined {
  if (a !== undefined && b !== undefined) return `${aName} and ${bName} are mutually exclusive parameters.`;
  return undefined;
}
