import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { CreateLogStreamCommand, DescribeLogGroupsCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { LocalEndpoint } from '../../../src/local-endpoint';
import { GROUP, STREAM, createGroupAndStream, rejectionOf, sdkClient, startFixture, type Fixture } from './endpoint-fixture';

describe('fault injection seen through the AWS SDK', () => {
  let f: Fixture;
  before(async () => { f = await startFixture(); });
  after(() => f.close());
  beforeEach(async () => {
    f.ep.reset();
    await createGroupAndStream(f);
  });

  const put = (message = 'x', client = f.client) => client.send(new PutLogEventsCommand({
    logGroupName: GROUP, logStreamName: STREAM, logEvents: [{ timestamp: Date.now(), message }],
  }));

  test('throttle surfaces as ThrottlingException (HTTP 400, "Rate exceeded") for exactly count requests', async () => {
    f.ep.faults.throttle({ op: 'PutLogEvents', count: 2 });
    for (let i = 0; i < 2; i++) {
      const err = await rejectionOf(put());
      assert.equal(err.name, 'ThrottlingException');
      assert.equal(err.message, 'Rate exceeded');
      assert.equal(err.$metadata?.httpStatusCode, 400);
    }
    await put();
    assert.equal(f.ep.events(GROUP, STREAM).length, 1);
    assert.deepEqual(f.ep.calls().filter((c) => c.operation === 'PutLogEvents').map((c) => [c.status, c.errorType]),
      [[400, 'ThrottlingException'], [400, 'ThrottlingException'], [200, undefined]]);
  });

  test('a fault scoped to one operation leaves the others alone', async () => {
    f.ep.faults.throttle({ op: 'PutLogEvents', forMs: 10_000 });
    await f.client.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: 'other' }));
    assert.equal((await rejectionOf(put())).name, 'ThrottlingException');
  });

  test('the SDK retries a throttled batch and the batch record shows the attempt number', async () => {
    const retrying = sdkClient(f.ep, { maxAttempts: 3 });
    try {
      f.ep.faults.throttle({ op: 'PutLogEvents', count: 1 });
      await put('retried', retrying);
    } finally {
      retrying.destroy();
    }
    assert.deepEqual(f.ep.batches().map((b) => b.attempt), [2]);
    assert.deepEqual(f.ep.calls().filter((c) => c.operation === 'PutLogEvents').map((c) => c.attempt), [1, 2]);
  });

  test('serverError surfaces as ServiceUnavailableException with HTTP 500', async () => {
    f.ep.faults.serverError({ count: 1 });
    const err = await rejectionOf(put());
    assert.equal(err.name, 'ServiceUnavailableException');
    assert.equal(err.$metadata?.httpStatusCode, 500);
    assert.deepEqual(f.ep.events(GROUP, STREAM), []);
  });

  test('latency delays the response by at least the given time', async () => {
    const started = performance.now();
    await put('fast');
    const fast = performance.now() - started;
    f.ep.faults.latency({ ms: 300, count: 1 });
    const t = performance.now();
    await put('slow');
    const slow = performance.now() - t;
    assert.ok(slow >= 290, `delayed call took ${slow} ms`);
    assert.ok(slow > fast + 200, `fast ${fast} ms, slow ${slow} ms`);
  });

  test('reset drops the connection: the SDK sees a network error and nothing is stored', async () => {
    f.ep.faults.reset({ op: 'PutLogEvents', count: 1 });
    const err = await rejectionOf(put());
    assert.match(`${err.code ?? ''} ${err.name} ${err.message}`, /ECONNRESET|socket hang up|EPIPE/);
    assert.equal(err.$metadata?.httpStatusCode, undefined);
    assert.deepEqual(f.ep.events(GROUP, STREAM), []);
    assert.deepEqual(f.ep.calls().at(-1), { operation: 'PutLogEvents', at: f.ep.calls().at(-1)!.at, status: 0, errorType: 'ConnectionReset', attempt: 1 });
  });

  test('reset with afterApply stores the events but loses the reply (a retry would duplicate)', async () => {
    f.ep.faults.reset({ op: 'PutLogEvents', count: 1, afterApply: true });
    await rejectionOf(put('applied'));
    assert.deepEqual(f.ep.events(GROUP, STREAM).map((e) => e.message), ['applied']);
  });

  test('down refuses every request for its duration, then the endpoint answers again', async () => {
    f.ep.faults.down({ forMs: 300 });
    // Installing `down` also closes idle pooled sockets, so the first call may already fail on its stale socket;
    // the second one reaches the server on a fresh connection and is dropped there.
    for (let i = 0; i < 2; i++) {
      const err = await rejectionOf(f.client.send(new DescribeLogGroupsCommand({})));
      assert.equal(err.$metadata?.httpStatusCode, undefined);
    }
    await new Promise((r) => setTimeout(r, 350));
    const out = await f.client.send(new DescribeLogGroupsCommand({}));
    assert.deepEqual(out.logGroups?.map((g) => g.logGroupName), [GROUP]);
    assert.ok(f.ep.calls().some((c) => c.errorType === 'Down'));
    assert.equal(f.ep.calls().filter((c) => c.operation === 'DescribeLogGroups' && c.status === 200).length, 1);
  });

  test('clear() ends a long fault at once', async () => {
    f.ep.faults.throttle({ forMs: 60_000 });
    assert.equal((await rejectionOf(put())).name, 'ThrottlingException');
    f.ep.faults.clear();
    await put();
    assert.deepEqual(f.ep.faults.active(), []);
  });
});

describe('keep-alive idle close', () => {
  function idleSocketLifetime(ep: LocalEndpoint, waitMs: number): Promise<{ closedAfterMs?: number }> {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    return new Promise((resolve, reject) => {
      const req = request(`${ep.url}/`, { method: 'POST', agent, headers: { 'X-Amz-Target': 'Logs_20140328.DescribeLogGroups' } }, (res) => {
        res.resume();
        res.on('end', () => {
          const idleSince = performance.now();
          const socket = req.socket!;
          const timer = setTimeout(() => {
            agent.destroy();
            resolve({});
          }, waitMs);
          socket.once('close', () => {
            clearTimeout(timer);
            agent.destroy();
            resolve({ closedAfterMs: performance.now() - idleSince });
          });
        });
      });
      req.on('error', reject);
      req.end('{}');
    });
  }

  test('the server closes an idle keep-alive socket after keepAliveTimeoutMs', async () => {
    const ep = await LocalEndpoint.start({ keepAliveTimeoutMs: 200 });
    try {
      const { closedAfterMs } = await idleSocketLifetime(ep, 2000);
      assert.ok(closedAfterMs !== undefined, 'socket was not closed');
      assert.ok(closedAfterMs >= 150 && closedAfterMs < 1500, `closed after ${closedAfterMs} ms`);
    } finally {
      await ep.close();
    }
  });

  test('with the default 6 s timeout an idle socket is still open after 500 ms', async () => {
    const ep = await LocalEndpoint.start();
    try {
      assert.deepEqual(await idleSocketLifetime(ep, 500), {});
    } finally {
      await ep.close();
    }
  });

  test('the SDK recovers after its pooled socket was closed for idleness', async () => {
    const f = await startFixture({ keepAliveTimeoutMs: 100 });
    try {
      await f.client.send(new DescribeLogGroupsCommand({}));
      await new Promise((r) => setTimeout(r, 300));
      const out = await f.client.send(new DescribeLogGroupsCommand({}));
      assert.equal(out.$metadata.httpStatusCode, 200);
    } finally {
      await f.close();
    }
  });
});
