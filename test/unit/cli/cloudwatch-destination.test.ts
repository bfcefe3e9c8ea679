import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudWatchDestination, classifyPreflightError } from '../../../src/cli/cloudwatch-destination';
import { LauncherError } from '../../../src/cli/errors';

type Handler = (target: string, body: Record<string, unknown>) => { status: number; body: unknown };

/** A real HTTP server speaking just enough AWS JSON 1.1 for the call under test. */
async function fakeCloudWatch(handler: Handler): Promise<{ url: string; calls: string[]; close: () => Promise<void> }> {
  const calls: string[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
      calls.push(target);
      const reply = handler(target, raw ? (JSON.parse(raw) as Record<string, unknown>) : {});
      res.writeHead(reply.status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise((r) => server.close(() => r())) };
}

const keys = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' };
const target = { region: 'us-east-1', keys, group: 'g', stream: 's' };

describe('CloudWatchDestination.connect', () => {
  test('refused credentials (UnrecognizedClientException) fail with the credentials-refused code', async () => {
    const cw = await fakeCloudWatch(() => ({ status: 400, body: { __type: 'UnrecognizedClientException', message: 'bad token' } }));
    await assert.rejects(CloudWatchDestination.connect({ ...target, endpoint: cw.url }), (err: unknown) => {
      assert.ok(err instanceof LauncherError);
      assert.equal(err.kind, 'credentialsRefused');
      assert.equal(err.exitCode, 77);
      assert.doesNotMatch(err.message, /AKIDTEST/);
      return true;
    });
    assert.deepEqual(cw.calls, ['DescribeLogGroups']);
    await cw.close();
  });

  test('AccessDenied on the check still accepts the keys: the driver needs only PutLogEvents', async () => {
    const cw = await fakeCloudWatch(() => ({ status: 400, body: { __type: 'AccessDeniedException', message: 'no' } }));
    const destination = await CloudWatchDestination.connect({ ...target, endpoint: cw.url });
    await destination.close();
    await cw.close();
  });

  test('an endpoint that does not answer fails with the unreachable code', async () => {
    const cw = await fakeCloudWatch(() => ({ status: 200, body: {} }));
    await cw.close();
    await assert.rejects(CloudWatchDestination.connect({ ...target, endpoint: cw.url }), (err: unknown) => {
      assert.ok(err instanceof LauncherError);
      assert.equal(err.kind, 'cloudwatchUnreachable');
      return true;
    });
  });
});

describe('CloudWatchDestination.delivered', () => {
  test('pages through GetLogEvents from the run start until the token repeats', async () => {
    let since = 0;
    const cw = await fakeCloudWatch((op, body) => {
      if (op === 'DescribeLogGroups') return { status: 200, body: { logGroups: [] } };
      since = Number(body.startTime);
      const event = { timestamp: since, message: 'x', ingestionTime: since };
      if (body.nextToken === undefined) return { status: 200, body: { events: [event, event], nextForwardToken: 'f/1' } };
      if (body.nextToken === 'f/1') return { status: 200, body: { events: [event], nextForwardToken: 'f/2' } };
      return { status: 200, body: { events: [], nextForwardToken: 'f/2' } };
    });
    const before = Date.now();
    const destination = await CloudWatchDestination.connect({ ...target, endpoint: cw.url });
    assert.equal(await destination.delivered(), 3);
    assert.ok(since >= before && since <= Date.now());
    await destination.close();
    await cw.close();
  });

  test('a stream that does not exist yet holds nothing', async () => {
    const cw = await fakeCloudWatch((op) =>
      op === 'DescribeLogGroups'
        ? { status: 200, body: {} }
        : { status: 400, body: { __type: 'ResourceNotFoundException', message: 'The specified log stream does not exist.' } },
    );
    const destination = await CloudWatchDestination.connect({ ...target, endpoint: cw.url });
    assert.equal(await destination.delivered(), 0);
    await destination.close();
    await cw.close();
  });
});

test('classifies by error name, not message text', () => {
  assert.equal(classifyPreflightError(Object.assign(new Error('whatever'), { name: 'ExpiredTokenException', $metadata: { httpStatusCode: 400 } })), 'refused');
  assert.equal(classifyPreflightError(Object.assign(new Error('token invalid'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } })), 'accepted');
  assert.equal(classifyPreflightError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })), 'unreachable');
});
