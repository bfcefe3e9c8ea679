import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { ByteBudget } from '../../../src/cloudwatch/byte-budget';
import { ClientFactory } from '../../../src/cloudwatch/client-factory';
import { Destination, type DestinationOptions } from '../../../src/cloudwatch/destination';
import { ResourceCache } from '../../../src/cloudwatch/resource-cache';
import type { SenderTuning } from '../../../src/cloudwatch/sender-tuning';
import { StreamSender } from '../../../src/cloudwatch/stream-sender';
import { droppedEvents } from '../../../src/observability/metrics';
import { FakeLogsServer, type Fault } from './support/fake-logs-server';

process.env.AWS_ACCESS_KEY_ID = 'AKIDTEST';
process.env.AWS_SECRET_ACCESS_KEY = 'secret';
delete process.env.AWS_PROFILE;

const TUNING: SenderTuning = {
  flushIntervalMs: 1_000,
  idleFlushMs: 20,
  maxWaitMs: 60,
  maxEventBytes: 1_048_550,
  maxSinkBytes: 8 * 1024 * 1024,
  maxBufferedEvents: 4096,
  backoff: { transientBaseMs: 10, throttleBaseMs: 20, capMs: 80 },
  fatalHoldMs: 60_000,
  credentialsGraceMs: 1_000,
  callTimeoutMs: 3_000,
  errorLogIntervalMs: 60_000,
};

async function dropped(reason: string): Promise<number> {
  const m = await droppedEvents.get();
  return m.values.find((v) => v.labels.reason === reason)?.value ?? 0;
}

async function until(cond: () => boolean, timeoutMs = 4_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('StreamSender against a real HTTP endpoint', () => {
  let server: FakeLogsServer;
  let clients: ClientFactory;
  let resources: ResourceCache;

  before(async () => { server = await FakeLogsServer.start(); });
  after(async () => { await server.stop(); });
  beforeEach(() => {
    clients?.destroyAll();
    clients = new ClientFactory({ requestTimeoutMs: 2_000, connectTimeoutMs: 1_000, idleSocketTimeoutMs: 1_000 });
    resources = new ResourceCache();
    server.calls.length = 0;
    server.groups.clear();
    server.hook = undefined;
  });
  after(() => clients.destroyAll());

  function sink(o: Partial<DestinationOptions> = {}, tuning: Partial<SenderTuning> = {}, budget = new ByteBudget(1 << 30)): StreamSender {
    const options: DestinationOptions = { region: 'us-east-1', endpoint: server.url, group: 'g', stream: 's', createGroup: false, createStream: true, ...o };
    const destination = new Destination(options, { clients, resources, resolveRegion: async (r) => r });
    return new StreamSender({ destination, budget, tuning: { ...TUNING, ...tuning }, containerId: 'c0ffee' });
  }

  function writeLines(s: StreamSender, n: number, prefix = 'line'): string[] {
    const base = Date.now();
    const lines = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
    lines.forEach((message, i) => s.write({ timestampMs: base + i, message }));
    return lines;
  }

  test('a session that never got an event makes zero CloudWatch calls, even on close', async () => {
    await sink().close(Date.now() + 1_000);
    assert.equal(server.calls.length, 0);
  });

  test('creates the stream lazily and delivers lines in order within the low-rate latency', async () => {
    server.groups.set('g', new Map());
    const s = sink();
    const t0 = Date.now();
    s.write({ timestampMs: t0, message: 'hello' });
    await until(() => server.messages('g', 's').length === 1);
    assert.ok(Date.now() - t0 < 1_000, 'a quiet line must not wait for the flush interval');
    assert.deepEqual(server.calls.map((c) => c.op), ['CreateLogStream', 'PutLogEvents']);
    await s.close(Date.now() + 1_000);
  });

  test('does not create a missing group unless allowed, and counts the loss', async () => {
    const before = await dropped('fatal-destination');
    const s = sink({ createGroup: false });
    writeLines(s, 3);
    await s.close(Date.now() + 2_000);
    assert.equal(server.callsOf('CreateLogGroup').length, 0);
    assert.equal(server.callsOf('PutLogEvents').length, 0);
    assert.equal((await dropped('fatal-destination')) - before, 3);
  });

  test('creates the group with its settings when allowed, then the stream, then replays', async () => {
    const s = sink({ createGroup: true, retentionDays: 7, groupClass: 'INFREQUENT_ACCESS', groupTags: { team: 'a' } });
    const lines = writeLines(s, 5);
    await s.close(Date.now() + 2_000);
    assert.deepEqual(server.calls.map((c) => c.op), ['CreateLogStream', 'CreateLogGroup', 'PutRetentionPolicy', 'CreateLogStream', 'PutLogEvents']);
    assert.deepEqual(server.callsOf('CreateLogGroup')[0].body, { logGroupName: 'g', logGroupClass: 'INFREQUENT_ACCESS', tags: { team: 'a' } });
    assert.equal(server.callsOf('PutRetentionPolicy')[0].body.retentionInDays, 7);
    assert.deepEqual(server.messages('g', 's'), lines);
  });

  test('calls CreateLogStream once for a stream shared by two sinks', async () => {
    server.groups.set('g', new Map());
    const a = sink();
    const b = sink();
    writeLines(a, 3, 'a');
    writeLines(b, 3, 'b');
    await Promise.all([a.close(Date.now() + 2_000), b.close(Date.now() + 2_000)]);
    const c = sink();
    writeLines(c, 1, 'c');
    await c.close(Date.now() + 2_000);
    assert.equal(server.callsOf('CreateLogStream').length, 1);
    assert.equal(server.messages('g', 's').length, 7);
  });

  for (const [what, fault] of [
    ['a throttling storm', { kind: 'error', status: 400, type: 'ThrottlingException' }],
    ['5xx errors', { kind: 'error', status: 500, type: 'ServiceUnavailableException' }],
    ['connection resets', { kind: 'reset' }],
  ] as Array<[string, Fault]>) {
    test(`rides out ${what} with no loss, no duplicate and order kept`, async () => {
      server.groups.set('g', new Map([['s', []]]));
      let failures = 0;
      server.hook = (op) => (op === 'PutLogEvents' && failures++ < 8 ? fault : undefined);
      const s = sink();
      const lines = writeLines(s, 50);
      await until(() => server.messages('g', 's').length === 50);
      await s.close(Date.now() + 2_000);
      assert.deepEqual(server.messages('g', 's'), lines);
      assert.ok(server.callsOf('PutLogEvents').length >= 9);
      // Retries are ours, not the SDK's: every request is the SDK's one and only attempt.
      assert.ok(server.calls.every((c) => String(c.headers['amz-sdk-request']).includes('max=1')));
    });
  }

  test('refreshes credentials once after a credentials error and delivers without loss', async () => {
    server.groups.set('g', new Map([['s', []]]));
    let calls = 0;
    server.hook = (op) => (op === 'PutLogEvents' && calls++ === 0 ? { kind: 'error', status: 400, type: 'ExpiredTokenException' } : undefined);
    const s = sink();
    const lines = writeLines(s, 5);
    await s.close(Date.now() + 2_000);
    assert.deepEqual(server.messages('g', 's'), lines);
  });

  test('treats credentials refused beyond the grace period as a counted, permanent failure', async () => {
    server.groups.set('g', new Map([['s', []]]));
    server.hook = (op) => (op === 'PutLogEvents' ? { kind: 'error', status: 400, type: 'UnrecognizedClientException' } : undefined);
    const before = await dropped('fatal-destination');
    const s = sink({}, { credentialsGraceMs: 150 });
    writeLines(s, 4);
    await s.close(Date.now() + 3_000);
    assert.equal((await dropped('fatal-destination')) - before, 4);
    assert.equal(server.messages('g', 's').length, 0);
  });

  test('keeps going when responses are slower than the flush interval', async () => {
    server.groups.set('g', new Map([['s', []]]));
    server.hook = (op) => (op === 'PutLogEvents' ? { kind: 'delay', ms: 250 } : undefined);
    const s = sink({}, { flushIntervalMs: 50 });
    const first = writeLines(s, 10, 'a');
    await new Promise((r) => setTimeout(r, 120));
    const second = writeLines(s, 10, 'b');
    await s.close(Date.now() + 3_000);
    assert.deepEqual(server.messages('g', 's'), [...first, ...second]);
  });

  test('loses nothing while the endpoint is down for a while, and keeps order', async () => {
    server.groups.set('g', new Map([['s', []]]));
    const s = sink();
    const lines = writeLines(s, 20, 'before');
    await until(() => server.messages('g', 's').length === 20);
    await server.down();
    const base = Date.now();
    const during = Array.from({ length: 30 }, (_, i) => `during-${i}`);
    for (const [i, message] of during.entries()) {
      s.write({ timestampMs: base + i, message });
      await new Promise((r) => setTimeout(r, 20));
    }
    await server.up();
    await s.close(Date.now() + 3_000);
    assert.deepEqual(server.messages('g', 's'), [...lines, ...during]);
  });

  test('counts rejectedLogEventsInfo and never retries that batch', async () => {
    server.groups.set('g', new Map([['s', []]]));
    server.hook = (op) => (op === 'PutLogEvents' ? { kind: 'respond', body: { rejectedLogEventsInfo: { tooOldLogEventEndIndex: 1, tooNewLogEventStartIndex: 4 } } } : undefined);
    const [old0, new0] = [await dropped('rejected-too-old'), await dropped('rejected-too-new')];
    const s = sink();
    writeLines(s, 5);
    await s.close(Date.now() + 2_000);
    assert.equal(server.callsOf('PutLogEvents').length, 1);
    assert.equal((await dropped('rejected-too-old')) - old0, 1);
    assert.equal((await dropped('rejected-too-new')) - new0, 1);
  });

  test('repairs an InvalidParameterException by isolating and dropping only the offending event', async () => {
    server.groups.set('g', new Map([['s', []]]));
    server.hook = (op, body) => {
      const events = (body.logEvents ?? []) as Array<{ message: string }>;
      return op === 'PutLogEvents' && events.some((e) => e.message === 'POISON') ? { kind: 'error', status: 400, type: 'InvalidParameterException' } : undefined;
    };
    const before = await dropped('invalid-parameter');
    const s = sink();
    const base = Date.now();
    const lines = Array.from({ length: 9 }, (_, i) => (i === 6 ? 'POISON' : `ok-${i}`));
    lines.forEach((message, i) => s.write({ timestampMs: base + i, message }));
    await s.close(Date.now() + 2_000);
    assert.deepEqual(server.messages('g', 's'), lines.filter((l) => l !== 'POISON'));
    assert.equal((await dropped('invalid-parameter')) - before, 1);
    const sent = server.callsOf('PutLogEvents').map((c) => JSON.stringify(c.body.logEvents));
    assert.equal(new Set(sent).size, sent.length, 'a refused batch is never resent as is');
  });

  test('drops blank lines (counted) and pre-filters events outside the time window', async () => {
    server.groups.set('g', new Map([['s', []]]));
    const [blank0, old0, new0] = [await dropped('blank-line'), await dropped('too-old'), await dropped('too-new')];
    const s = sink();
    const now = Date.now();
    s.write({ timestampMs: now, message: '' });
    s.write({ timestampMs: now - 15 * 86_400_000, message: 'ancient' });
    s.write({ timestampMs: now + 3 * 3_600_000, message: 'future' });
    s.write({ timestampMs: now, message: 'kept' });
    await s.close(Date.now() + 2_000);
    assert.deepEqual(server.messages('g', 's'), ['kept']);
    assert.deepEqual([(await dropped('blank-line')) - blank0, (await dropped('too-old')) - old0, (await dropped('too-new')) - new0], [1, 1, 1]);
  });

  test('close() resolves by its deadline while the endpoint is down and counts what is left', async () => {
    server.groups.set('g', new Map([['s', []]]));
    await server.down();
    try {
      const before = await dropped('close-deadline');
      const s = sink();
      writeLines(s, 40);
      const t0 = Date.now();
      await s.close(t0 + 300);
      const took = Date.now() - t0;
      assert.ok(took >= 250 && took < 600, `close took ${took} ms`);
      assert.equal((await dropped('close-deadline')) - before, 40);
    } finally {
      await server.up();
    }
  });

  test('reports full at the per-sink bound and resolves room() once delivery frees space', async () => {
    server.groups.set('g', new Map([['s', []]]));
    await server.down();
    const s = sink({}, { maxSinkBytes: 2_000 });
    let n = 0;
    while (!s.full) s.write({ timestampMs: Date.now(), message: `event-${n++}-`.padEnd(74, 'x') });
    assert.equal(n, 20); // 20 × (74 + 26) = 2,000 bytes
    let roomy = false;
    const room = s.room().then(() => { roomy = true; });
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(roomy, false);
    await server.up();
    await room;
    assert.equal(s.full, false);
    await s.close(Date.now() + 2_000);
    assert.equal(server.messages('g', 's').length, 20);
  });

  test('a global byte budget makes every sink full', async () => {
    const budget = new ByteBudget(100);
    const a = sink({}, {}, budget);
    const b = sink({ stream: 'other' }, {}, budget);
    a.write({ timestampMs: Date.now(), message: 'x'.repeat(80) });
    assert.equal(b.full, true);
    await a.close(Date.now());
    assert.equal(b.full, false);
  });

  test('sends x-amzn-logs-format with awslogs-format=json/emf', async () => {
    server.groups.set('g', new Map([['s', []]]));
    const s = sink({ format: 'json/emf' });
    writeLines(s, 1);
    await s.close(Date.now() + 2_000);
    assert.equal(server.callsOf('PutLogEvents')[0].headers['x-amzn-logs-format'], 'json/emf');
  });
});
