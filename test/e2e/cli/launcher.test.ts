import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { LocalEndpoint } from '../../../src/local-endpoint';
import { IMAGE, PLUGIN, docker, dockerAvailable, uniqueName } from '../../support/docker';
import { waitFor } from '../../support/wait';
import { cleanEnv, landedMessages, lines, runLauncher, startLauncher, type LauncherResult } from './launcher-process';

/**
 * `docker-cloudwatch run` end to end (issue 5 §7): the built CLI as a child process, the private dockerd at
 * DOCKER_HOST, busybox:local and the managed plugin. Every container runs with --pull never --network none.
 */

const SAFE = ['--docker-image', IMAGE, '--pull', 'never', '--network', 'none', '--plugin', PLUGIN];
const LABEL = 'io.github.docker-cloudwatch.launcher=run';

function assertOneErrorLine(result: LauncherResult, code: number, pattern: RegExp): void {
  assert.equal(result.code, code, result.stderr);
  const errors = lines(result.stderr).filter((l) => l.startsWith('docker-cloudwatch: error: '));
  assert.equal(errors.length, 1, result.stderr);
  assert.match(errors[0]!, pattern);
  assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
}

async function launcherContainers(): Promise<string[]> {
  const ps = await docker(['ps', '-aq', '--filter', `label=${LABEL}`]);
  return lines(ps.stdout);
}

describe('docker-cloudwatch run against the embedded endpoint', () => {
  test('ships every printed line to the embedded endpoint and shows them landing', { timeout: 90_000 }, async (t) => {
    if (!dockerAvailable(t)) return;
    const stream = uniqueName('launcher');
    const result = await runLauncher(
      ['run', ...SAFE, '--aws-cloudwatch-stream', stream, '--bash-command', 'for i in $(seq 1 50); do echo line $i; done'],
      cleanEnv(),
      80_000,
    );
    assert.equal(result.code, 0, result.stderr);
    const expected = Array.from({ length: 50 }, (_, i) => `line ${i + 1}`);
    assert.deepEqual(lines(result.stdout), expected);
    assert.deepEqual(landedMessages(result.stderr, stream), expected);
    assert.match(result.stderr, /50 of 50 lines delivered to test-task-group-1\//);
    assert.match(result.stderr, /embedded endpoint received 50 events, \d+ bytes, in \d+ batch/);
    assert.deepEqual(await launcherContainers(), [], 'the container is removed');
  });

  test('Ctrl-C stops the container, delivers every line printed before it and exits 130', { timeout: 90_000 }, async (t) => {
    if (!dockerAvailable(t)) return;
    const stream = uniqueName('sigint');
    const launcher = startLauncher(
      ['run', ...SAFE, '--aws-cloudwatch-stream', stream, '--stop-timeout', '3',
        '--bash-command', 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.1; done'],
      cleanEnv(),
      80_000,
    );
    assert.ok(await waitFor(() => lines(launcher.stdout()).length >= 10, 30_000), launcher.stderr());
    launcher.kill('SIGINT');
    const result = await launcher.done;
    assert.equal(result.code, 130, result.stderr);
    const printed = lines(result.stdout);
    assert.ok(printed.length >= 10);
    assert.deepEqual(printed, Array.from({ length: printed.length }, (_, i) => `tick ${i + 1}`));
    assert.deepEqual(landedMessages(result.stderr, stream), printed);
    assert.match(result.stderr, new RegExp(`${printed.length} of ${printed.length} lines delivered`));
    assert.deepEqual(await launcherContainers(), [], 'the container is stopped and removed');
  });

  test("exits with the container's exit code", { timeout: 60_000 }, async (t) => {
    if (!dockerAvailable(t)) return;
    const result = await runLauncher(['run', ...SAFE, '--aws-cloudwatch-stream', uniqueName('exit'), '--bash-command', 'echo bye; exit 7']);
    assert.equal(result.code, 7, result.stderr);
    assert.equal(result.stdout, 'bye\n');
  });
});

describe('docker-cloudwatch run against a given endpoint with credentials', () => {
  test('keys reach the plugin by profile name only and are removed afterwards', { timeout: 90_000 }, async (t) => {
    if (!dockerAvailable(t)) return;
    const endpoint = await LocalEndpoint.start();
    const group = uniqueName('keys');
    const secret = 'e2e-secret-value-never-shown';
    try {
      const launcher = startLauncher(
        ['run', ...SAFE, '--aws-endpoint', endpoint.url, '--aws-region', 'us-east-1', '--aws-cloudwatch-group', group,
          '--bash-command', 'echo one; sleep 2; echo two'],
        cleanEnv({ AWS_ACCESS_KEY_ID: 'AKIDE2ELAUNCHER', AWS_SECRET_ACCESS_KEY: secret }),
      );
      assert.ok(await waitFor(() => launcher.stdout().includes('one'), 30_000), launcher.stderr());
      const [id] = await launcherContainers();
      assert.ok(id, 'the container is running');
      const inspect = await docker(['inspect', id]);
      assert.doesNotMatch(inspect.stdout, new RegExp(`${secret}|AKIDE2ELAUNCHER`));
      assert.match(inspect.stdout, /"awslogs-credentials-profile": "dcw-run-[0-9a-f]{12}"/);
      const result = await launcher.done;
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(endpoint.events(group, 'test-task-stream-1').map((e) => e.message), ['one', 'two']);
      assert.match(result.stderr, /2 of 2 lines delivered/);
      assert.doesNotMatch(result.stdout + result.stderr, new RegExp(secret));
      const aws = await docker(['plugin', 'inspect', '-f', '{{range .Settings.Mounts}}{{if eq .Name "aws"}}{{.Source}}{{end}}{{end}}', PLUGIN]);
      const creds = fs.readFileSync(path.join(aws.stdout.trim(), 'credentials'), 'utf8');
      assert.doesNotMatch(creds, new RegExp(secret), 'the profile was removed');
    } finally {
      await endpoint.close();
    }
  });
});

describe('docker-cloudwatch run error classes', () => {
  test('Docker not reachable', { timeout: 30_000 }, async () => {
    const result = await runLauncher(['run', ...SAFE], cleanEnv({ DOCKER_HOST: 'unix:///tmp/dcw-no-such-docker.sock' }));
    assertOneErrorLine(result, 69, /Docker is not reachable at unix:\/\/\/tmp\/dcw-no-such-docker\.sock/);
  });

  test('image missing with --pull never', { timeout: 30_000 }, async (t) => {
    if (!dockerAvailable(t)) return;
    const result = await runLauncher(['run', ...SAFE, '--docker-image', 'dcw-no-such-image:never']);
    assertOneErrorLine(result, 66, /image dcw-no-such-image:never is not present and --pull never/);
  });

  test('plugin missing, without --yes and without a terminal', { timeout: 30_000 }, async (t) => {
    if (!dockerAvailable(t)) return;
    const result = await runLauncher(['run', ...SAFE, '--plugin', 'nonexistent-plugin']);
    assertOneErrorLine(result, 71, /logging plugin "nonexistent-plugin" is not installed/);
  });

  test('no region when shipping to AWS', { timeout: 30_000 }, async () => {
    const result = await runLauncher(['run', ...SAFE], cleanEnv({ AWS_ACCESS_KEY_ID: 'AKIDFAKE', AWS_SECRET_ACCESS_KEY: 'fake' }));
    assertOneErrorLine(result, 68, /no AWS region/);
  });

  test('credentials refused by CloudWatch', { timeout: 30_000 }, async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ __type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const result = await runLauncher(
        ['run', ...SAFE, '--aws-endpoint', url, '--aws-region', 'us-east-1'],
        cleanEnv({ AWS_ACCESS_KEY_ID: 'AKIDREFUSED', AWS_SECRET_ACCESS_KEY: 'refused' }),
      );
      assertOneErrorLine(result, 77, /refused the credentials \(UnrecognizedClientException\)/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('a group name CloudWatch would reject', { timeout: 30_000 }, async () => {
    const result = await runLauncher(['run', ...SAFE, '--aws-cloudwatch-group', 'bad name!']);
    assertOneErrorLine(result, 65, /log group name "bad name!" is invalid: the character " " is not allowed/);
  });

  test('a stream name CloudWatch would reject', { timeout: 30_000 }, async () => {
    const result = await runLauncher(['run', ...SAFE, '--aws-cloudwatch-stream', 'a:b']);
    assertOneErrorLine(result, 65, /log stream name "a:b" is invalid: it contains ':' or '\*'/);
  });
});

test('--help lists the flags, examples and exit codes', { timeout: 30_000 }, async () => {
  const result = await runLauncher(['run', '--help']);
  assert.equal(result.code, 0);
  for (const text of ['--docker-image', '--bash-command', '--aws-cloudwatch-group', '--aws-region', '--pull', 'Examples:', 'Exit codes:', '130']) {
    assert.ok(result.stdout.includes(text), text);
  }
});
