import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LocalEndpoint } from '../../src/local-endpoint';
import { IMAGE, PLUGIN, SAFE_RUN, docker, dockerAvailable, uniqueName } from '../support/docker';
import { useEndpoint } from '../support/endpoint-opts';
import { waitFor } from '../support/wait';

/**
 * The walking skeleton, end to end: real dockerd → FIFO → managed plugin (scripts/build-plugin.sh) → local
 * CloudWatch endpoint over the AWS JSON 1.1 protocol. Every message is compared byte for byte with the output.
 */
describe('plugin delivery through a real Docker engine', () => {
  const { endpoint, opts } = useEndpoint();
  let ep: LocalEndpoint;
  beforeEach(() => {
    ep = endpoint();
  });

  test('100,000 lines on stdout and stderr arrive in order, byte-equal to what the container printed', async (t) => {
    if (!dockerAvailable(t)) return;
    const group = uniqueName('e2e');
    const n = 50_000;
    const script = `awk 'BEGIN{for(i=1;i<=${n};i++) print "out line " i " äöü"}' & awk 'BEGIN{for(i=1;i<=${n};i++) print "err line " i}' >&2; wait`;
    const run = await docker(['run', '--rm', ...SAFE_RUN, '--log-driver', PLUGIN, ...opts(group, 's'), IMAGE, 'sh', '-c', script]);
    assert.equal(run.code, 0, run.stderr);
    const complete = await waitFor(() => ep.eventCount(group, 's') >= 2 * n, 30_000);
    const events = ep.events(group, 's');
    assert.ok(complete, `only ${events.length} of ${2 * n} events arrived`);
    assert.equal(events.length, 2 * n);
    const out = events.filter((e) => e.message.startsWith('out ')).map((e) => e.message);
    const err = events.filter((e) => e.message.startsWith('err ')).map((e) => e.message);
    assert.deepEqual(out, Array.from({ length: n }, (_, i) => `out line ${i + 1} äöü`));
    assert.deepEqual(err, Array.from({ length: n }, (_, i) => `err line ${i + 1}`));
    // The endpoint enforces every PutLogEvents rule (order within a batch, sizes, counts): no put may have failed.
    const failed = ep.calls().filter((c) => c.operation === 'PutLogEvents' && c.status !== 200);
    assert.deepEqual(failed, []);
  });

  test('eight busy containers are not slowed by six idle ones (no threadpool starvation)', async (t) => {
    if (!dockerAvailable(t)) return;
    const group = uniqueName('e2e-busy');
    const idle = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        docker(['run', '-d', ...SAFE_RUN, '--log-driver', PLUGIN, ...opts(group, `idle-${i}`), IMAGE, 'sh', '-c', 'sleep 60; echo late']),
      ),
    );
    const idleIds = idle.map((r) => r.stdout.trim());
    t.after(async () => {
      await docker(['rm', '-f', ...idleIds]);
    });
    for (const r of idle) assert.equal(r.code, 0, r.stderr);
    const lines = 20_000;
    const started = Date.now();
    const busy = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        docker(['run', '--rm', ...SAFE_RUN, '--log-driver', PLUGIN, ...opts(group, `busy-${i}`), IMAGE, 'sh', '-c', `seq 1 ${lines}`]),
      ),
    );
    for (const r of busy) assert.equal(r.code, 0, r.stderr);
    const delivered = await waitFor(() => Array.from({ length: 8 }, (_, i) => ep.eventCount(group, `busy-${i}`)).every((c) => c === lines), 30_000);
    const elapsed = Date.now() - started;
    assert.ok(delivered, 'every busy container delivered all its lines');
    const running = await docker(['inspect', '-f', '{{.State.Running}}', ...idleIds]);
    // The idle containers sleep 60 s: everything above happened while all six FIFOs were open and silent.
    assert.deepEqual(running.stdout.trim().split('\n'), Array(6).fill('true'));
    assert.ok(elapsed < 45_000, `busy containers took ${elapsed} ms`);
    t.diagnostic(`8 × ${lines} lines beside 6 idle containers: delivered in ${elapsed} ms`);
  });

  test('docker logs shows the lines from the dual-logging cache', async (t) => {
    if (!dockerAvailable(t)) return;
    const group = uniqueName('e2e-logs');
    const name = uniqueName('dcw-logs');
    const run = await docker(['run', '--name', name, ...SAFE_RUN, '--log-driver', PLUGIN, ...opts(group, 's'), IMAGE, 'sh', '-c', 'echo first; echo second >&2; echo third']);
    t.after(async () => {
      await docker(['rm', '-f', name]);
    });
    assert.equal(run.code, 0, run.stderr);
    const logs = await docker(['logs', name]);
    assert.equal(logs.code, 0, logs.stderr);
    assert.deepEqual((logs.stdout + logs.stderr).split('\n').filter(Boolean).sort(), ['first', 'second', 'third']);
    assert.ok(await waitFor(() => ep.eventCount(group, 's') === 3, 10_000));
  });

  test('a docker logs session on a stopped container makes no CloudWatch call', async (t) => {
    if (!dockerAvailable(t)) return;
    const group = uniqueName('e2e-quiet');
    const name = uniqueName('dcw-quiet');
    const run = await docker(['run', '--name', name, ...SAFE_RUN, '--log-driver', PLUGIN, ...opts(group, 's'), IMAGE, 'echo', 'only']);
    t.after(async () => {
      await docker(['rm', '-f', name]);
    });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(await waitFor(() => ep.eventCount(group, 's') === 1, 10_000));
    const callsBefore = ep.calls().length;
    const logs = await docker(['logs', name]);
    assert.equal(logs.stdout, 'only\n');
    await new Promise((r) => setTimeout(r, 1_500));
    assert.equal(ep.calls().length, callsBefore, 'the docker logs session called CloudWatch');
  });

  test('a missing awslogs-group fails docker run with a message naming it', async (t) => {
    if (!dockerAvailable(t)) return;
    const run = await docker(['run', '--rm', ...SAFE_RUN, '--log-driver', PLUGIN, '--log-opt', `awslogs-endpoint=${ep.url}`, IMAGE, 'true']);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /awslogs-group/);
  });

  test('docker run --rm and docker stop return as fast as with --log-driver none', async (t) => {
    if (!dockerAvailable(t)) return;
    const group = uniqueName('e2e-fast');
    const timeRun = async (driverArgs: string[]): Promise<number> => {
      const r = await docker(['run', '--rm', ...SAFE_RUN, ...driverArgs, IMAGE, 'sh', '-c', 'seq 1 2000']);
      assert.equal(r.code, 0, r.stderr);
      return r.ms;
    };
    const timeStop = async (driverArgs: string[]): Promise<number> => {
      const loop = 'trap "exit 0" TERM; while true; do echo tick; sleep 0.05; done';
      const r = await docker(['run', '-d', ...SAFE_RUN, ...driverArgs, IMAGE, 'sh', '-c', loop]);
      assert.equal(r.code, 0, r.stderr);
      const id = r.stdout.trim();
      await new Promise((res) => setTimeout(res, 500));
      const stop = await docker(['stop', '-t', '5', id]);
      await docker(['rm', '-f', id]);
      assert.equal(stop.code, 0, stop.stderr);
      return stop.ms;
    };
    const plugin = ['--log-driver', PLUGIN, ...opts(group, 'fast')];
    const none = ['--log-driver', 'none'];
    const runNone = await timeRun(none);
    const runPlugin = await timeRun(plugin);
    const stopNone = await timeStop(none);
    const stopPlugin = await timeStop(plugin);
    t.diagnostic(`run --rm: none ${runNone.toFixed(0)} ms, plugin ${runPlugin.toFixed(0)} ms; stop: none ${stopNone.toFixed(0)} ms, plugin ${stopPlugin.toFixed(0)} ms`);
    assert.ok(runPlugin < runNone + 1_000, `docker run --rm took ${runPlugin} ms vs ${runNone} ms`);
    assert.ok(stopPlugin < stopNone + 1_000, `docker stop took ${stopPlugin} ms vs ${stopNone} ms`);
  });
});
