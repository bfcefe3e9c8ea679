import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { createPluginApp, listenOnSocket } from '../../../src/protocol/plugin-server';
import type { LogDriver } from '../../../src/protocol/log-driver';
import type { ContainerInfo } from '../../../src/protocol/container-info';
import { InvalidOptionError } from '../../../src/errors';

/** A recording driver: the HTTP shell is under test here, not the driver. */
class RecordingDriver implements LogDriver {
  started: { file: string; info: ContainerInfo }[] = [];
  stopped: string[] = [];
  capabilities() {
    return { ReadLogs: false };
  }
  async startLogging(file: string, info: ContainerInfo): Promise<void> {
    if (info.config['awslogs-group'] === undefined) throw new InvalidOptionError('awslogs-group', "must specify a value for log opt 'awslogs-group'");
    this.started.push({ file, info });
  }
  stopLogging(file: string): void {
    this.stopped.push(file);
  }
}

function post(socketPath: string, method: string, body: string | undefined, contentType = 'application/json'): Promise<{ status: number; type: string; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { socketPath, path: `/${method}`, method: 'POST', headers: { Host: 'plugin.moby.localhost', Accept: 'application/vnd.docker.plugins.v1.2+json', 'Content-Type': contentType } },
      (res) => {
        let data = '';
        res.on('data', (d) => (data += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), json: data ? JSON.parse(data) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const START_BODY = {
  File: '/run/docker/logging/b2a150b15abc7686f1ea11fdc31b2f480352d9bf413bae37494b339984103b70',
  Info: {
    Config: { 'awslogs-group': 'g', mode: 'non-blocking' },
    ContainerID: 'a4fcfba02fbe9aeb2d43b8eb4841be6fd28d8698adc644a12dab513a6f731f82',
    ContainerName: '/clever_sanderson',
    ContainerEntrypoint: 'true',
    ContainerArgs: [],
    ContainerImageID: 'sha256:915d8ae2638e',
    ContainerImageName: 'busybox:local',
    ContainerCreated: '2026-11-28T19:06:41.895522886Z',
    ContainerEnv: ['FOO=1', 'PATH=/bin'],
    ContainerLabels: { a: 'b' },
    LogPath: '',
    DaemonName: 'docker',
  },
};

describe('plugin protocol server over a unix socket', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcw-sock-'));
  const socketPath = path.join(dir, 'cw.sock');
  const driver = new RecordingDriver();
  let server: Server;
  before(async () => {
    fs.writeFileSync(socketPath, 'stale'); // a stale file from a crashed process must not block listening
    server = await listenOnSocket(createPluginApp(driver), socketPath);
  });
  after(() => {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('answers Plugin.Activate with the LogDriver interface', async () => {
    const r = await post(socketPath, 'Plugin.Activate', '');
    assert.deepEqual(r.json, { Implements: ['LogDriver'] });
    assert.equal(r.type, 'application/vnd.docker.plugins.v1+json');
  });

  test('reports capabilities in the Cap envelope dockerd decodes', async () => {
    const r = await post(socketPath, 'LogDriver.Capabilities', '');
    assert.deepEqual(r.json, { Cap: { ReadLogs: false } });
  });

  test('parses StartLogging into typed Info, whatever content type dockerd sends', async () => {
    const r = await post(socketPath, 'LogDriver.StartLogging', JSON.stringify(START_BODY), 'text/plain');
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { Err: '' });
    const got = driver.started.at(-1);
    assert.equal(got?.file, START_BODY.File);
    assert.equal(got?.info.containerName, '/clever_sanderson');
    assert.deepEqual(got?.info.labels, { a: 'b' });
    assert.deepEqual(got?.info.config, { 'awslogs-group': 'g', mode: 'non-blocking' });
  });

  test('returns a driver refusal as Err so docker run shows it', async () => {
    const body = { ...START_BODY, Info: { ...START_BODY.Info, Config: {} } };
    const r = await post(socketPath, 'LogDriver.StartLogging', JSON.stringify(body));
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { Err: "must specify a value for log opt 'awslogs-group'" });
  });

  test('refuses a StartLogging without ContainerID with a protocol error', async () => {
    const r = await post(socketPath, 'LogDriver.StartLogging', JSON.stringify({ File: '/x', Info: {} }));
    assert.match(String((r.json as { Err: string }).Err), /ContainerID/);
  });

  test('passes StopLogging through and answers at once', async () => {
    const started = performance.now();
    const r = await post(socketPath, 'LogDriver.StopLogging', JSON.stringify({ File: START_BODY.File }));
    assert.deepEqual(r.json, { Err: '' });
    assert.deepEqual(driver.stopped, [START_BODY.File]);
    assert.ok(performance.now() - started < 100);
  });

  test('answers malformed JSON with an Err body, not HTML', async () => {
    const r = await post(socketPath, 'LogDriver.StartLogging', '{not json');
    assert.equal(r.status, 400);
    assert.match(String((r.json as { Err: string }).Err), /bad request/);
  });

  test('answers an unknown method with 404 and an Err body', async () => {
    const r = await post(socketPath, 'LogDriver.Frobnicate', '{}');
    assert.equal(r.status, 404);
    assert.match(String((r.json as { Err: string }).Err), /Frobnicate/);
  });
});
