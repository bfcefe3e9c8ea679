/** The operation table (X-Amz-Target suffix → handler) and a dispatcher that never throws for bad input. */
import { apiError, serialization, type ApiError } from '../api-error';
import { WireTypeError, type JsonObject } from '../json-fields';
import type { OpContext, OpResult, Operation } from './common';
import { createLogGroup, deleteLogGroup, describeLogGroups, putRetentionPolicy } from './log-groups';
import { createLogStream, deleteLogStream, describeLogStreams } from './log-streams';
import { putLogEvents } from './put-events';
import { filterLogEvents, getLogEvents } from './read-events';

export type { OpContext, OpResult } from './common';

/** The service's target prefix: `X-Amz-Target: Logs_20140328.<Operation>` (rules §5). */
export const TARGET_PREFIX = 'Logs_20140328.';

export const OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateLogGroup: createLogGroup,
  CreateLogStream: createLogStream,
  DeleteLogGroup: deleteLogGroup,
  DeleteLogStream: deleteLogStream,
  DescribeLogGroups: describeLogGroups,
  DescribeLogStreams: describeLogStreams,
  FilterLogEvents: filterLogEvents,
  GetLogEvents: getLogEvents,
  PutLogEvents: putLogEvents,
  PutRetentionPolicy: putRetentionPolicy,
};

/** `Logs_20140328.PutLogEvents` → `PutLogEvents`, or undefined for anything that is not one of our operations. */
export function operationName(target: string | undefined): string | undefined {
  if (!target?.startsWith(TARGET_PREFIX)) return undefined;
  const name = target.slice(TARGET_PREFIX.length);
  return Object.hasOwn(OPERATIONS, name) ? name : undefined;
}

export function unknownOperation(target: string | undefined): ApiError {
  return apiError('UnknownOperationException', `Unknown operation ${target ?? '(no X-Amz-Target header)'}`);
}

export function runOperation(name: string, input: JsonObject, ctx: OpContext): OpResult {
  try {
    return OPERATIONS[name]!(input, ctx);
  } catch (err) {
    if (err instanceof WireTypeError) return { ok: false, error: serialization(err.message) };
    throw err;
  }
}
