import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { LocalEndpoint } from '../../src/local-endpoint';
import { IMAGE, PLUGIN, SAFE_RUN, docker, dockerAvailable, logOpts, uniqueName } from '../support/docker';
import { useEndpoint } from '../support/endpoint-opts';
import { waitFor } from '../support/wait';

/**
 * Issue 3 end to end: no state of CloudWatch loses a line or makes Docker wait. Each fault is bounded in count or
 * time (the endpoint's FaultController) and every test stops by itself.
 */
describe('delivery under CloudWatch faults, through a real Docker engine', () => {
  const { endpoint, opts } = useEndpoint();
  let ep: LocalEndpoint;
  beforeEach(() => {
    ep = endpoint();
  });
  const seq = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

  async function runSeq(group: string, stream: string, n: number, extra: Record<string, string> = {}): Promise<void> {
    const r = await docker(['run', '--rm', ...SAFE_RUN, '--log-driver', PLUGIN, ...opts(group, stream, extra), IMAGE, 'seq', '1', String(n)]);
    assert.equal(r.code, 0, r.stderr);
  }

  async function expectExactly(group: string, stream: string, expected: string[], timeoutMs: number): Promise<void> {
    await waitFor(() => ep.eventCount(group, stream) >= expected.length, timeoutMs);
    assert.deepEqual(ep.events(group, stream).map((e) => e.message), expected);
  }

  // Transient faults, bounded by count so every run is hit the same way: the container prints a sequence, and exactly
  // that sequence must land. A throttling storm hits every operation, group and stream creation included.
  const TRANSIENT: { name: string; lines: number; install: (ep: LocalEndpoint) => number; errorType: string }[] = [
    { name: 'a throttling storm (6 calls in a row)', lines: 20_000, install: (e) => e.faults.throttle({ count: 6 }), errorType: 'ThrottlingException' },
    { name: '5xx answers', lines: 20_000, install: (e) => e.faults.serverError({ op: 'PutLogEvents', count: 4 }), errorType: 'ServiceUnavailableException' },
    { name: 'connection resets', lines: 20_000, install: (e) => e.faults.reset({ op: 'PutLogEvents', count: 3 }), errorType: 'ConnectionReset' },
  ];
  for (const fault of TRANSIENT) {
    test(`${fault.name} lose nothing and keep order`, async (t) => {
      if (!dockerAvailable(t)) return;
      const group = uniqueName('fault');
      const before = ep.calls().filter((c) => c.errorType === fault.errorType).length;
      const id = fault.install(ep);
      try {
        await runSeq(group, 's', fault.lines);
        await expectExactly(group, 's', seq(fault.lines), 60_000);
      } finally {
        ep.faults.clear(id);
      }
      const hit = ep.calls().filter((c) => c.errorType === fault.errorType).length - before;
      assert.ok(hit > 0, `the fault actually hit calls (${fault.errorType})`);
      t.diagnostic(`${hit} calls failed with ${fault.errorType}`);
    });
  }

  test('responses slower than the flush interval lose nothing', async (t) => {
    if (!dockerAvailable(t)) return;
    const group = uniqueName('slow');
    const id = ep.faults.latency({ op: 'PutLogEvents', ms: 2_500, count: 3 });
    try {
      await runSeq(group, 's', 5_000, { 'awslogs-force-flush-interval-seconds': '1' });
      await expectExactly(group, 's', seq(5_000), 30_000);
    } finally {
      ep.faults.clear(id);
    }
  });

  test('the endpoint down for 30 s, then back: 0 lines lost, order kept, and docker stop returns within 1 s', async (t) => {
    if (!dockerAvailable(t)) return;
    const group = uniqueName('down');
    // Lines before, during and after the start of the outage; the container is stopped while CloudWatch is down.
    const loop = 'trap "exit 0" TERM; i=0; while true; do i=$((i+1)); echo $i; [ $((i % 100)) = 0 ] && usleep 100000; done';
    const started = await docker(['run', '-d', ...SAFE_RUN, '--log-driver', PLUGIN, ...opts(group, 's'), IMAGE, 'sh', '-c', loop]);
    assert.equal(started.code, 0, started.stderr);
    const id = started.stdout.trim();
    t.after(async () => {
      await docker(['rm', '-f', id]);
    });
    await waitFor(() => ep.eventCount(group, 's') > 0, 10_000);
    const down = ep.faults.down({ forMs: 30_000 });
    try {
      await new Promise((r) => setTimeout(r, 2_000));
      const stop = await docker(['stop', '-t', '5', id]);
      assert.equal(stop.code, 0, stop.stderr);
      assert.ok(stop.ms < 1_000, `docker stop took ${stop.ms.toFixed(0)} ms while the endpoint was down`);
      const logs = await docker(['logs', id]); // Docker's own cache holds exactly what the container printed
      const printed = logs.stdout.split('\n').filter(Boolean);
      assert.ok(printed.length > 1_000, `the container printed ${printed.length} lines`);
      assert.ok(ep.eventCount(group, 's') < printed.length, 'some lines were still undelivered when CloudWatch went down');
      await waitFor(() => ep.eventCount(group, 's') >= printed.length, 60_000, 200);
      assert.deepEqual(ep.events(group, 's').map((e) => e.message), printed);
      t.diagnostic(`${printed.length} lines, 0 lost across a 30 s outage; docker stop took ${stop.ms.toFixed(0)} ms`);
    } finally {
      ep.faults.clear(down);
    }
  });

  test('lines of 300 KiB and 3 MiB arrive whole or split at UTF-8 boundaries within the event limit', async (t) => {
    if (!dockerAvailable(t)) return;
    const group = uniqueName('long');
    const max = 1_048_550;
    // 'é' (2 bytes) placed so it would straddle both the 16 KiB chunk boundary and the event-size split point.
    const script = [
      "head -c 307200 /dev/zero | tr '\\0' a; echo",
      "head -c 16383 /dev/zero | tr '\\0' c; printf '\\303\\251'; echo",
      `head -c ${max - 1} /dev/zero | tr '\\0' b; printf '\\303\\251'; head -c ${3 * 1024 * 1024 - max - 1} /dev/zero | tr '\\0' d; echo`,
      'echo end',
    ].join('; ');
    const r = await docker(['run', '--rm', ...SAFE_RUN, '--log-driver', PLUGIN, ...opts(group, 's'), IMAGE, 'sh', '-c', script]);
    assert.equal(r.code, 0, r.stderr);
    await waitFor(() => ep.events(group, 's').some((e) => e.message === 'end'), 30_000);
    const msgs = ep.events(group, 's').map((e) => e.message);
    assert.equal(msgs[0], 'a'.repeat(307_200), 'a 300 KiB line is one event');
    assert.equal(msgs[1], 'c'.repeat(16_383) + 'é', 'a character across the 16 KiB chunk boundary survives');
    const big = msgs.slice(2, -1);
    assert.equal(big.length, 4, 'a 3 MiB line becomes consecutive events');
    assert.equal(big[0], 'b'.repeat(max - 1), 'the split moves before a character that would cross the limit');
    for (const m of big) assert.ok(Buffer.byteLength(m) <= max);
    assert.equal(big.join(''), 'b'.repeat(max - 1) + 'é' + 'd'.repeat(3 * 1024 * 1024 - max - 1));
    assert.equal(msgs.at(-1), 'end');
  });

  test('events CloudWatch rejects as out of its time window are counted and logged, and the batch is not retried', async (t) => {
    if (!dockerAvailable(t)) return;
    // An endpoint whose clock runs 3 h behind sees our events as more than 2 h in the future.
    const skewed = await LocalEndpoint.start({ now: () => Date.now() - 3 * 3600_000 });
    t.after(() => skewed.close());
    const group = uniqueName('skew');
    const args = logOpts({ 'awslogs-group': group, 'awslogs-stream': 's', 'awslogs-endpoint': skewed.url, 'awslogs-region': 'us-east-1', 'awslogs-create-group': 'true' });
    const r = await docker(['run', '--rm', ...SAFE_RUN, '--log-driver', PLUGIN, ...args, IMAGE, 'seq', '1', '10']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(await waitFor(() => skewed.batches().length > 0, 10_000));
    await new Promise((res) => setTimeout(res, 1_000));
    assert.equal(skewed.events(group, 's').length, 0);
    assert.equal(skewed.calls().filter((c) => c.operation === 'PutLogEvents').length, 1, 'a batch with rejected events is never retried');
    // The plugin's stdout is in the dockerd log (docker-logging-protocol.md §9); scripts/dockerd-up.sh exports its root.
    assert.ok(process.env.DCW_DOCKERD_ROOT, 'DCW_DOCKERD_ROOT must name the private dockerd root to read the plugin log');
    const daemonLog = path.join(process.env.DCW_DOCKERD_ROOT, 'dockerd.log');
    const logged = await waitFor(() => /dropped 10 event\(s\): rejected-too-new/.test(fs.readFileSync(daemonLog, 'utf8')), 5_000);
    assert.ok(logged, 'the plugin logged the drop with its reason');
  });

  test('CreateLogStream is called once per stream while the plugin lives', async (t) => {
    if (!dockerAvailable(t)) return;
    const group = uniqueName('once');
    const creates = () => ep.calls().filter((c) => c.operation === 'CreateLogStream').length;
    const before = creates();
    await runSeq(group, 'shared', 10);
    await runSeq(group, 'shared', 10);
    await expectExactly(group, 'shared', [...seq(10), ...seq(10)], 10_000);
    // The first container's stream creation fails (group missing), creates the group, then creates the stream.
    assert.equal(creates() - before, 2, 'CreateLogStream → (group) → CreateLogStream, and none for the second container');
  });
});
