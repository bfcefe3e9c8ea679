import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IMAGE, PLUGIN, SAFE_RUN, docker, dockerAvailable, uniqueName } from '../support/docker';
import { useEndpoint } from '../support/endpoint-opts';
import { waitFor } from '../support/wait';

/**
 * The managed plugin's process lifecycle. Node is PID 1 inside the plugin and has no default SIGTERM action: without
 * a handler `docker plugin disable -f` waits for dockerd's SIGKILL at 10 s (docker-logging-protocol.md §7.5).
 */
describe('managed plugin lifecycle', () => {
  const { endpoint, opts } = useEndpoint();

  test('docker plugin disable returns well within dockerd\'s 10 s grace, and the plugin works again after enable', async (t) => {
    if (!dockerAvailable(t)) return;
    const group = uniqueName('lifecycle');
    const before = await docker(['run', '--rm', ...SAFE_RUN, '--log-driver', PLUGIN, ...opts(group, 'before'), IMAGE, 'echo', 'before']);
    assert.equal(before.code, 0, before.stderr);
    const disable = await docker(['plugin', 'disable', '-f', PLUGIN], { timeoutMs: 30_000 });
    const enable = await docker(['plugin', 'enable', PLUGIN], { timeoutMs: 30_000 });
    assert.equal(disable.code, 0, disable.stderr);
    assert.equal(enable.code, 0, enable.stderr);
    t.diagnostic(`plugin disable took ${disable.ms.toFixed(0)} ms`);
    assert.ok(disable.ms < 3_000, `disable took ${disable.ms.toFixed(0)} ms: SIGTERM was not handled`);
    const after = await docker(['run', '--rm', ...SAFE_RUN, '--log-driver', PLUGIN, ...opts(group, 'after'), IMAGE, 'echo', 'after']);
    assert.equal(after.code, 0, after.stderr);
    assert.ok(await waitFor(() => endpoint().eventCount(group, 'after') === 1, 10_000));
    assert.deepEqual(endpoint().events(group, 'before').map((e) => e.message), ['before']);
  });
});
