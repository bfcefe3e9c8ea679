/**
 * The AWS JSON 1.1 surface (rules §5): `POST /` routed on `X-Amz-Target: Logs_20140328.<Op>`, any SigV4 accepted,
 * `x-amzn-RequestId` on every response, errors as `{"__type","message"}` with the service's HTTP status.
 * Faults are applied here, because they are about the transport. Paths under /_dcw/ go to the test hooks.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { apiError, serialization, type ApiError } from './api-error';
import type { FaultController } from './faults';
import { delay, readBody, resetConnection, send } from './http-io';
import { isObject, type JsonObject } from './json-fields';
import { MAX_REQUEST_BODY_BYTES } from './limits';
import { operationName, runOperation, unknownOperation, type OpContext } from './operations';
import type { Store } from './store';
import type { StoredEvent } from './types';

export const HOOK_PREFIX = '/_dcw/';
const CONTENT_TYPE = 'application/x-amz-json-1.1';
const DEFAULT_REGION = 'us-east-1';
/** The account id every ARN carries; there is no account behind the local endpoint. */
export const LOCAL_ACCOUNT_ID = '000000000000';

export const THROTTLED: ApiError = apiError('ThrottlingException', 'Rate exceeded');
export const UNAVAILABLE: ApiError = apiError('ServiceUnavailableException', 'The service is unavailable. Please try again later.', 500);

export interface EndpointServerDeps {
  readonly store: Store;
  readonly faults: FaultController;
  readonly now: () => number;
  readonly maxEventBytes: number;
  readonly keepAliveTimeoutMs: number;
  readonly onStored: (group: string, stream: string, events: StoredEvent[]) => void;
  readonly hooks: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

/** Region from `Credential=AKID/yyyymmdd/<region>/logs/aws4_request`; the signature itself is not checked. */
export function regionFromAuthorization(header: string | undefined): string {
  const m = /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\//.exec(header ?? '');
  return m ? m[1]! : DEFAULT_REGION;
}

/** `amz-sdk-request: attempt=2; max=3` → 2. */
export function attemptFromHeader(header: string | undefined): number | undefined {
  const m = /attempt=(\d+)/.exec(header ?? '');
  return m ? Number(m[1]) : undefined;
}

/** Parses a JSON 1.1 body; an empty body is `{}`, anything but an object is a SerializationException. */
export function parseJsonBody(body: Buffer): { ok: true; value: JsonObject } | { ok: false; error: ApiError } {
  if (body.length === 0) return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, error: serialization('The request body is not valid JSON.') };
  }
  return isObject(value) ? { ok: true, value } : { ok: false, error: serialization('The request body must be a JSON object.') };
}

export function createEndpointServer(deps: EndpointServerDeps): { server: Server; timers: Set<NodeJS.Timeout> } {
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const handler = req.url?.startsWith(HOOK_PREFIX) ? deps.hooks(req, res) : handleAws(deps, timers, req, res);
    handler.catch((err: unknown) => {
      if (!res.headersSent) reply(req, res, apiError('InternalFailure', String(err), 500));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = deps.keepAliveTimeoutMs;
  deps.faults.onDown(() => server.closeIdleConnections());
  return { server, timers };
}

function reply(req: IncomingMessage, res: ServerResponse, error: ApiError | undefined, body?: JsonObject): void {
  const headers = { 'Content-Type': CONTENT_TYPE, 'x-amzn-RequestId': randomUUID() };
  if (error) send(req, res, error.status, JSON.stringify({ __type: error.type, message: error.message }), headers);
  else send(req, res, 200, body === undefined ? '' : JSON.stringify(body), headers);
}

async function handleAws(deps: EndpointServerDeps, timers: Set<NodeJS.Timeout>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = header(req, 'x-amz-target');
  const op = operationName(target);
  const attempt = attemptFromHeader(header(req, 'amz-sdk-request'));
  const receivedAt = Date.now();
  const record = (status: number, errorType?: string): void => {
    deps.store.calls.push({
      operation: op ?? target ?? '', at: receivedAt, status,
      ...(errorType !== undefined ? { errorType } : {}), ...(attempt !== undefined ? { attempt } : {}),
    });
  };
  const respond = (error: ApiError | undefined, body?: JsonObject): void => {
    reply(req, res, error, body);
    record(error ? error.status : 200, error?.type);
  };

  const decision = deps.faults.decide(op ?? target ?? '');
  if (decision.action === 'down' || (decision.action === 'reset' && !decision.afterApply)) {
    record(0, decision.action === 'down' ? 'Down' : 'ConnectionReset');
    resetConnection(req);
    return;
  }
  const body = await readBody(req, MAX_REQUEST_BODY_BYTES);
  await delay(decision.delayMs, timers);
  if (req.method !== 'POST' || (req.url !== '/' && !req.url?.startsWith('/?'))) {
    return respond(apiError('UnknownOperationException', `No operation at ${req.method} ${req.url}`, 404));
  }
  if (body === undefined) {
    return respond(apiError('RequestEntityTooLargeException', `Request body exceeds ${MAX_REQUEST_BODY_BYTES} bytes`, 413));
  }
  if (!op) return respond(unknownOperation(target));
  if (decision.action === 'throttle') return respond(THROTTLED);
  if (decision.action === 'serverError') return respond(UNAVAILABLE);
  const input = parseJsonBody(body);
  if (!input.ok) return respond(input.error);

  const ctx: OpContext = {
    store: deps.store, now: deps.now(), receivedAt, region: regionFromAuthorization(header(req, 'authorization')),
    accountId: LOCAL_ACCOUNT_ID, maxEventBytes: deps.maxEventBytes, format: header(req, 'x-amzn-logs-format'),
    attempt, onStored: deps.onStored,
  };
  const result = runOperation(op, input.value, ctx);
  if (decision.action === 'reset') {
    record(0, 'ConnectionReset');
    resetConnection(req);
    return;
  }
  respond(result.ok ? undefined : result.error, result.ok ? result.body : undefined);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
