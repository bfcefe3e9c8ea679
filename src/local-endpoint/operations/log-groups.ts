/** CreateLogGroup, DeleteLogGroup, DescribeLogGroups, PutRetentionPolicy (cloudwatch-logs-rules.md §4, §6). */
import {
  GROUP_EXISTS, GROUP_NOT_FOUND, invalidParameter, resourceAlreadyExists, resourceNotFound,
} from '../api-error';
import { optInteger, optString, optStringMap, type JsonObject } from '../json-fields';
import { MAX_DESCRIBE_LIMIT, MAX_LOG_GROUP_NAME_LENGTH } from '../limits';
import { pageOf } from '../paging';
import type { GroupState } from '../store';
import {
  integerViolations, isReservedGroupName, kmsKeyIdViolations, logGroupClassViolations, logGroupNameViolations,
  retentionViolations, stringViolations, tagsViolations,
} from '../validation';
import { INVALID_TOKEN, fail, groupArn, invalid, ok, type OpContext, type OpResult } from './common';

export function createLogGroup(input: JsonObject, ctx: OpContext): OpResult {
  const name = optString(input, 'logGroupName');
  const kmsKeyId = optString(input, 'kmsKeyId');
  const tags = optStringMap(input, 'tags');
  const logGroupClass = optString(input, 'logGroupClass');
  const bad = invalid([
    ...logGroupNameViolations(name), ...kmsKeyIdViolations(kmsKeyId), ...tagsViolations(tags),
    ...logGroupClassViolations(logGroupClass),
  ]);
  if (bad) return bad;
  if (isReservedGroupName(name!)) return fail(invalidParameter("Log group names starting with 'aws/' are reserved for AWS."));
  const created = ctx.store.createGroup({
    name: name!, ...(kmsKeyId !== undefined ? { kmsKeyId } : {}), ...(tags ? { tags } : {}),
    ...(logGroupClass !== undefined ? { logGroupClass } : {}),
  }, ctx.now);
  return created ? ok() : fail(resourceAlreadyExists(GROUP_EXISTS));
}

export function deleteLogGroup(input: JsonObject, ctx: OpContext): OpResult {
  const name = optString(input, 'logGroupName');
  const bad = invalid(logGroupNameViolations(name));
  if (bad) return bad;
  return ctx.store.deleteGroup(name!) ? ok() : fail(resourceNotFound(GROUP_NOT_FOUND));
}

export function putRetentionPolicy(input: JsonObject, ctx: OpContext): OpResult {
  const name = optString(input, 'logGroupName');
  const days = optInteger(input, 'retentionInDays');
  const bad = invalid([...logGroupNameViolations(name), ...retentionViolations(days)]);
  if (bad) return bad;
  const group = ctx.store.group(name!);
  if (!group) return fail(resourceNotFound(GROUP_NOT_FOUND));
  group.retentionInDays = days!;
  return ok();
}

function describeGroup(g: GroupState, ctx: OpContext): JsonObject {
  let storedBytes = 0;
  for (const s of g.streams.values()) storedBytes += s.storedBytes;
  const arn = groupArn(ctx, g.name);
  return {
    logGroupName: g.name,
    creationTime: g.creationTime,
    ...(g.retentionInDays !== null ? { retentionInDays: g.retentionInDays } : {}),
    metricFilterCount: 0,
    arn: `${arn}:*`,
    storedBytes,
    ...(g.kmsKeyId !== undefined ? { kmsKeyId: g.kmsKeyId } : {}),
    logGroupClass: g.logGroupClass,
    logGroupArn: arn,
  };
}

const GROUP_PATTERN_RE = /^[.\-_/#A-Za-z0-9]*$/;

/** `logGroupNamePrefix` XOR `logGroupNamePattern` (case-insensitive substring), optional class filter, pages of ≤ 50. */
export function describeLogGroups(input: JsonObject, ctx: OpContext): OpResult {
  const prefix = optString(input, 'logGroupNamePrefix');
  const substring = optString(input, 'logGroupNamePattern');
  const limit = optInteger(input, 'limit');
  const cls = optString(input, 'logGroupClass');
  const token = optString(input, 'nextToken');
  const bad = invalid([
    ...logGroupNameViolations(prefix, 'logGroupNamePrefix', false),
    ...stringViolations(substring, 'logGroupNamePattern', {
      max: MAX_LOG_GROUP_NAME_LENGTH, pattern: { re: GROUP_PATTERN_RE, text: '[\\.\\-_/#A-Za-z0-9]*' },
    }),
    ...integerViolations(limit, 'limit', { min: 1, max: MAX_DESCRIBE_LIMIT }),
    ...logGroupClassViolations(cls),
  ]);
  if (bad) return bad;
  if (prefix !== undefined && substring !== undefined) {
    return fail(invalidParameter('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.'));
  }
  const needle = substring?.toLowerCase();
  const matching = ctx.store.sortedGroups().filter((g) =>
    (prefix === undefined || g.name.startsWith(prefix)) &&
    (needle === undefined || g.name.toLowerCase().includes(needle)) &&
    (cls === undefined || g.logGroupClass === cls));
  const page = pageOf(matching, limit ?? MAX_DESCRIBE_LIMIT, token);
  if (!page) return fail(invalidParameter(INVALID_TOKEN));
  return ok({ logGroups: page.items.map((g) => describeGroup(g, ctx)), ...(page.nextToken ? { nextToken: page.nextToken } : {}) });
}
