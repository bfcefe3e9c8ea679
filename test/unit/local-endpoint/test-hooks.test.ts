import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GROUP, STREAM, createGroupAndStream, rejectionOf, startFixture, type Fixture } from './endpoint-fixture';

describe('HTTP test hooks under /_dcw/', () => {
  let f: Fixture;
  before(async () => { f = await startFixture(); });
  after(() => f.close());
  beforeEach(async () => {
    f.ep.reset();
    await createGroupAndStream(f);
  });

  const hook = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${f.ep.url}/_dcw/${path}`, init);
    // Hook bodies are plain JSON; each test checks the fields it needs.
    return { status: res.status, body: (await res.json()) as any };
  };
  const put = (...messages: string[]) => f.client.send(new PutLogEventsCommand({
    logGroupName: GROUP, logStreamName: STREAM, logEvents: messages.map((message) => ({ timestamp: Date.now(), message })),
  }));
  const q = `group=${encodeURIComponent(GROUP)}&stream=${encodeURIComponent(STREAM)}`;

  test('health and groups describe the endpoint and its state', async () => {
    assert.deepEqual((await hook('health')).body, { ok: true, url: f.ep.url });
    assert.deepEqual((await hook('groups')).body, { groups: [{ name: GROUP, retentionInDays: null, streams: [STREAM] }] });
  });

  test('events returns stored events from an index and the next index to ask for', async () => {
    await put('a', 'b', 'c');
    const all = await hook(`events?${q}`);
    assert.deepEqual(all.body.events.map((e: { message: string }) => e.message), ['a', 'b', 'c']);
    assert.equal(all.body.next, 3);
    const tail = await hook(`events?${q}&from=2`);
    assert.deepEqual(tail.body.events.map((e: { message: string }) => e.message), ['c']);
    assert.equal((await hook('events?group=x')).status, 400);
  });

  test('events with waitMs long-polls until new events land', async () => {
    const waiting = hook(`events?${q}&from=0&waitMs=5000`);
    const started = performance.now();
    setTimeout(() => void put('late'), 100);
    const { body } = await waiting;
    const took = performance.now() - started;
    assert.deepEqual(body.events.map((e: { message: string }) => e.message), ['late']);
    assert.ok(took >= 80 && took < 4000, `answered after ${took} ms`);
  });

  test('events with waitMs answers empty when nothing arrives in time', async () => {
    const { body } = await hook(`events?${q}&from=0&waitMs=100`);
    assert.deepEqual(body, { events: [], next: 0 });
  });

  test('stats, batches and calls report what happened', async () => {
    await put('héllo');
    const stats = (await hook('stats')).body;
    assert.equal(stats.events, 1);
    assert.equal(stats.messageBytes, 6);
    assert.equal(stats.batches, 1);
    assert.deepEqual(stats.byOperation.PutLogEvents, { calls: 1, errors: 0 });
    assert.equal((await hook('batches')).body.batches[0].bytes, 32);
    assert.deepEqual((await hook('calls')).body.calls.map((c: { operation: string }) => c.operation),
      ['CreateLogGroup', 'CreateLogStream', 'PutLogEvents']);
  });

  test('faults can be installed, listed and cleared over HTTP', async () => {
    const added = await hook('faults', { method: 'POST', body: JSON.stringify({ kind: 'throttle', op: 'PutLogEvents', count: 5 }) });
    assert.equal(added.status, 200);
    assert.equal((await hook('faults')).body.faults[0].id, added.body.id);
    assert.equal((await rejectionOf(put('x'))).name, 'ThrottlingException');
    await hook('faults', { method: 'DELETE' });
    await put('y');
    assert.deepEqual((await hook('faults')).body, { faults: [] });
  });

  test('an invalid fault spec is a 400 with the reason', async () => {
    const res = await hook('faults', { method: 'POST', body: JSON.stringify({ kind: 'latency' }) });
    assert.deepEqual(res, { status: 400, body: { error: 'latency needs ms >= 0' } });
  });

  test('hooks stay reachable while the endpoint is down', async () => {
    await hook('faults', { method: 'POST', body: JSON.stringify({ kind: 'down', forMs: 10_000 }) });
    await rejectionOf(put('lost'));
    assert.equal((await hook('health')).status, 200);
    await hook('faults', { method: 'DELETE' });
    await put('back');
    assert.deepEqual(f.ep.events(GROUP, STREAM).map((e) => e.message), ['back']);
  });

  test('deleting a stream makes PutLogEvents fail with ResourceNotFoundException', async () => {
    assert.equal((await hook(`streams?${q}`, { method: 'DELETE' })).status, 200);
    assert.equal((await rejectionOf(put('x'))).name, 'ResourceNotFoundException');
    assert.equal((await hook(`streams?${q}`, { method: 'DELETE' })).status, 404);
  });

  test('reset drops all state', async () => {
    await put('x');
    await hook('reset', { method: 'POST' });
    assert.deepEqual(f.ep.groups(), []);
    assert.deepEqual(f.ep.calls(), []);
  });

  test('an unknown hook is a 404', async () => {
    assert.equal((await hook('nope')).status, 404);
  });
});
