import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { LocalEndpoint, NonLoopbackHostError } from '../../../src/local-endpoint';
import { loopbackHost } from '../../../src/local-endpoint/loopback';

describe('loopback-only binding', () => {
  test('refuses non-loopback hosts before listening', async () => {
    for (const host of ['0.0.0.0', '::', '10.0.0.5', '192.168.1.1', 'example.com', '128.0.0.1']) {
      await assert.rejects(LocalEndpoint.start({ host }), (err: unknown) => {
        assert.ok(err instanceof NonLoopbackHostError, host);
        assert.equal(err.code, 'DCW_ENDPOINT_NOT_LOOPBACK');
        return true;
      });
    }
  });

  test('accepts 127.0.0.0/8, ::1 and localhost', () => {
    assert.equal(loopbackHost(undefined), '127.0.0.1');
    assert.equal(loopbackHost('localhost'), '127.0.0.1');
    assert.equal(loopbackHost('127.0.0.2'), '127.0.0.2');
    assert.equal(loopbackHost('::1'), '::1');
  });

  test('binds 127.0.0.1 on an ephemeral port by default', async () => {
    const ep = await LocalEndpoint.start();
    try {
      assert.match(ep.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.ok(ep.port > 0);
      assert.equal(ep.url, `http://127.0.0.1:${ep.port}`);
    } finally {
      await ep.close();
    }
  });

  test('close() is idempotent and stops listening', async () => {
    const ep = await LocalEndpoint.start();
    await Promise.all([ep.close(), ep.close()]);
    await ep.close();
    await assert.rejects(fetch(`${ep.url}/_dcw/health`));
  });
});

describe('close()', () => {
  test('drops a request held by a latency fault instead of waiting for it', async () => {
    const ep = await LocalEndpoint.start();
    ep.faults.latency({ ms: 30_000, count: 1 });
    const pending = fetch(`${ep.url}/`, { method: 'POST', body: '{}', headers: { 'X-Amz-Target': 'Logs_20140328.DescribeLogGroups' } });
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    await ep.close();
    assert.ok(performance.now() - started < 1000);
    await assert.rejects(pending);
  });
});

describe('standalone main', () => {
  test('prints its URL on the first stdout line and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [join(__dirname, '../../../src/local-endpoint/main.js'), '--port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const firstLine = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
    assert.match(firstLine, /^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${firstLine}/_dcw/health`);
    assert.deepEqual(await health.json(), { ok: true, url: firstLine });
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });

  test('refuses a non-loopback --host with exit code 1', async () => {
    const child = spawn(process.execPath, [join(__dirname, '../../../src/local-endpoint/main.js'), '--host', '0.0.0.0'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 1);
    assert.match(stderr, /loopback only/);
  });
});
