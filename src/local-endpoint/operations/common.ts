/** Shared shapes for the operation handlers: context in, result value out. No I/O here. */
import { GROUP_NOT_FOUND, invalidParameter, resourceNotFound, validationError, type ApiError, type ConstraintViolation } from '../api-error';
import { optString, type JsonObject } from '../json-fields';
import type { GroupState, Store } from '../store';
import type { StoredEvent } from '../types';
import { logGroupNameViolations } from '../validation';

export interface OpContext {
  readonly store: Store;
  /** CloudWatch clock (LocalEndpointOptions.now): ingestionTime, creationTime, too old / too new. */
  readonly now: number;
  /** Wall-clock arrival time of the request (BatchRecord.receivedAt), independent of `now`. */
  readonly receivedAt: number;
  /** From the SigV4 credential scope; used in ARNs. */
  readonly region: string;
  readonly accountId: string;
  readonly maxEventBytes: number;
  /** `x-amzn-logs-format` header. */
  readonly format: string | undefined;
  /** `amz-sdk-request` attempt number. */
  readonly attempt: number | undefined;
  /** Called after events were stored. */
  readonly onStored: (group: string, stream: string, events: StoredEvent[]) => void;
}

export type OpResult = { ok: true; body?: JsonObject } | { ok: false; error: ApiError };
export type Operation = (input: JsonObject, ctx: OpContext) => OpResult;

export const ok = (body?: JsonObject): OpResult => (body === undefined ? { ok: true } : { ok: true, body });
export const fail = (error: ApiError): OpResult => ({ ok: false, error });
export const invalid = (violations: ConstraintViolation[]): OpResult | undefined =>
  violations.length > 0 ? fail(validationError(violations)) : undefined;

export const groupArn = (ctx: OpContext, group: string): string => `arn:aws:logs:${ctx.region}:${ctx.accountId}:log-group:${group}`;

/** `arn:aws:logs:R:A:log-group:NAME` (optionally `:*`) → NAME; a plain name is returned as is. */
export function groupNameFromIdentifier(identifier: string): string {
  const m = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:([^:]+)(?::\*)?$/.exec(identifier);
  return m ? m[1]! : identifier;
}

/**
 * The read APIs take `logGroupName` or `logGroupIdentifier` (name or ARN), exactly one. Returns the existing group or
 * the error to send.
 */
export function resolveGroup(input: JsonObject, ctx: OpContext, required: boolean): GroupState | ApiError | undefined {
  const name = optString(input, 'logGroupName');
  const identifier = optString(input, 'logGroupIdentifier');
  if (name !== undefined && identifier !== undefined) {
    return invalidParameter('LogGroup name and LogGroup identifier are mutually exclusive parameters.');
  }
  if (name === undefined && identifier === undefined) {
    return required ? invalidParameter('Should provide either name or identifier.') : undefined;
  }
  if (name !== undefined) {
    const violations = logGroupNameViolations(name);
    if (violations.length > 0) return validationError(violations);
  }
  const group = ctx.store.group(name ?? groupNameFromIdentifier(identifier!));
  return group ?? resourceNotFound(GROUP_NOT_FOUND);
}

export function isApiError(v: unknown): v is ApiError {
  return typeof v === 'object' && v !== null && 'type' in v && 'status' in v;
}

export const INVALID_TOKEN = 'The specified nextToken is invalid.';
