/**
 * Test hooks over HTTP under /_dcw/, for a process that does not hold the LocalEndpoint object (the launcher tailing
 * events, e2e tests reading back from an endpoint started by `main.ts`). They are not part of the AWS surface: AWS
 * requests are always `POST /`, and faults (including `down`) never apply to these paths.
 *
 *   GET    /_dcw/health                                  {ok, url}
 *   GET    /_dcw/groups                                  {groups: [{name, retentionInDays, streams: [name]}]}
 *   GET    /_dcw/events?group=G&stream=S[&from=N][&waitMs=M]
 *                                                        {events: StoredEvent[], next} (arrival order, from index N;
 *                                                        waits up to M ms (≤ 30 s) for new events when there are none)
 *   GET    /_dcw/stats                                   counts of groups, streams, events, bytes, batches, calls
 *   GET    /_dcw/batches                                 {batches: BatchRecord[]}
 *   GET    /_dcw/calls                                   {calls: CallRecord[]}
 *   GET    /_dcw/faults                                  {faults: ActiveFault[]}
 *   POST   /_dcw/faults   body: FaultSpec (faults.ts)    {id}
 *   DELETE /_dcw/faults[?id=N]                           clears one or all faults
 *   DELETE /_dcw/streams?group=G&stream=S                deletes a stream (ResourceNotFound-after-delete tests)
 *   POST   /_dcw/reset                                   drops all state and faults
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseFaultSpec, type FaultController } from './faults';
import { readBody, sendJson } from './http-io';
import type { BatchRecord, CallRecord, StoredEvent } from './types';

const MAX_HOOK_BODY_BYTES = 65_536;
const MAX_WAIT_MS = 30_000;

/** What the hooks need from the endpoint (LocalEndpoint implements it). */
export interface HookTarget {
  readonly url: string;
  readonly faults: FaultController;
  events(group: string, stream: string): StoredEvent[];
  streams(group: string): string[];
  groups(): string[];
  retentionInDays(group: string): number | null | undefined;
  batches(): BatchRecord[];
  calls(): CallRecord[];
  onPut(listener: (group: string, stream: string, events: StoredEvent[]) => void): () => void;
  deleteStream(group: string, stream: string): boolean;
  reset(): void;
}

export function stats(t: HookTarget): Record<string, unknown> {
  let streams = 0;
  let events = 0;
  let bytes = 0;
  for (const g of t.groups()) {
    for (const s of t.streams(g)) {
      streams++;
      for (const e of t.events(g, s)) {
        events++;
        bytes += Buffer.byteLength(e.message, 'utf8');
      }
    }
  }
  const byOperation: Record<string, { calls: number; errors: number }> = {};
  for (const c of t.calls()) {
    const o = (byOperation[c.operation] ??= { calls: 0, errors: 0 });
    o.calls++;
    if (c.status !== 200) o.errors++;
  }
  return { groups: t.groups().length, streams, events, messageBytes: bytes, batches: t.batches().length, calls: t.calls().length, byOperation };
}

function waitForPut(t: HookTarget, group: string, stream: string, ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      unsubscribe();
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const unsubscribe = t.onPut((g, s) => { if (g === group && s === stream) done(); });
    res.on('close', done);
  });
}

async function events(t: HookTarget, q: URLSearchParams, res: ServerResponse): Promise<[number, unknown]> {
  const group = q.get('group');
  const stream = q.get('stream');
  if (group === null || stream === null) return [400, { error: 'group and stream are required' }];
  const from = Math.max(0, Number(q.get('from') ?? 0) || 0);
  const waitMs = Math.min(MAX_WAIT_MS, Math.max(0, Number(q.get('waitMs') ?? 0) || 0));
  if (waitMs > 0 && t.events(group, stream).length <= from) await waitForPut(t, group, stream, waitMs, res);
  const all = t.events(group, stream);
  return [200, { events: all.slice(from), next: Math.max(from, all.length) }];
}

async function route(t: HookTarget, req: IncomingMessage, res: ServerResponse): Promise<[number, unknown]> {
  const url = new URL(req.url ?? '/', 'http://local');
  const q = url.searchParams;
  const key = `${req.method} ${url.pathname}`;
  switch (key) {
    case 'GET /_dcw/health': return [200, { ok: true, url: t.url }];
    case 'GET /_dcw/groups':
      return [200, { groups: t.groups().map((name) => ({ name, retentionInDays: t.retentionInDays(name) ?? null, streams: t.streams(name) })) }];
    case 'GET /_dcw/events': return events(t, q, res);
    case 'GET /_dcw/stats': return [200, stats(t)];
    case 'GET /_dcw/batches': return [200, { batches: t.batches() }];
    case 'GET /_dcw/calls': return [200, { calls: t.calls() }];
    case 'GET /_dcw/faults': return [200, { faults: t.faults.active() }];
    case 'POST /_dcw/faults': {
      const body = await readBody(req, MAX_HOOK_BODY_BYTES);
      let raw: unknown;
      try {
        raw = JSON.parse(body?.toString('utf8') ?? '');
      } catch {
        return [400, { error: 'body must be a JSON fault spec' }];
      }
      const spec = parseFaultSpec(raw);
      return typeof spec === 'string' ? [400, { error: spec }] : [200, { id: t.faults.add(spec) }];
    }
    case 'DELETE /_dcw/faults': {
      const id = q.get('id');
      t.faults.clear(id === null ? undefined : Number(id));
      return [200, { ok: true }];
    }
    case 'DELETE /_dcw/streams': {
      const deleted = t.deleteStream(q.get('group') ?? '', q.get('stream') ?? '');
      return deleted ? [200, { ok: true }] : [404, { error: 'no such stream' }];
    }
    case 'POST /_dcw/reset':
      t.reset();
      return [200, { ok: true }];
    default: return [404, { error: `no test hook ${key}` }];
  }
}

export function createHookHandler(t: HookTarget): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const [status, body] = await route(t, req, res);
    sendJson(req, res, status, body);
  };
}
