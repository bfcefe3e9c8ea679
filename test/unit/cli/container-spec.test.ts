import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SHELL_WRAPPER, containerSpec, driverLogOpts } from '../../../src/cli/container-spec';
import { resolveRunConfig, DEFAULT_COMMAND, type RunFlags } from '../../../src/cli/run-options';

const flags: RunFlags = {
  dockerImage: 'busybox:local', bashCommand: 'echo hi', awsCloudwatchGroup: 'g', awsCloudwatchStream: 's',
  awsAccessKeyId: 'AKIDSECRETISH', awsSecretAccessKey: 'very-secret', awsRegion: 'eu-west-1',
  logOpt: ['awslogs-create-group=false', 'tag=x'], pull: 'never', yes: false, stopTimeout: '3', network: 'none', init: true,
};

test('log-opts carry the profile name and never the keys', () => {
  const config = resolveRunConfig(flags, {});
  const spec = containerSpec(config, { credentialsProfile: 'dcw-run-abc' });
  const serialized = JSON.stringify(spec);
  assert.doesNotMatch(serialized, /AKIDSECRETISH|very-secret/);
  assert.equal(spec.HostConfig?.LogConfig?.Type, 'cloudwatch');
  assert.deepEqual(spec.HostConfig?.LogConfig?.Config, {
    'awslogs-create-group': 'false',
    tag: 'x',
    'awslogs-group': 'g',
    'awslogs-stream': 's',
    'awslogs-region': 'eu-west-1',
    'awslogs-credentials-profile': 'dcw-run-abc',
  });
  assert.equal(spec.HostConfig?.NetworkMode, 'none');
  assert.equal(spec.HostConfig?.Init, true);
});

test('the group is created by default and the endpoint is passed when there is one', () => {
  const config = resolveRunConfig({ ...flags, logOpt: [], network: undefined }, {});
  const opts = driverLogOpts(config, { endpoint: 'http://127.0.0.1:9' });
  assert.equal(opts['awslogs-create-group'], 'true');
  assert.equal(opts['awslogs-endpoint'], 'http://127.0.0.1:9');
  assert.equal(containerSpec(config, {}).HostConfig?.NetworkMode, undefined);
});

test('the command is passed verbatim as the wrapper\'s $0', () => {
  const config = resolveRunConfig({ ...flags, bashCommand: DEFAULT_COMMAND }, {});
  const spec = containerSpec(config, {});
  assert.deepEqual(spec.Entrypoint, ['sh', '-c', SHELL_WRAPPER]);
  assert.deepEqual(spec.Cmd, [DEFAULT_COMMAND]);
});

function shellThatRan(pathDir: string): string {
  return execFileSync('/bin/sh', ['-c', SHELL_WRAPPER, 'if [ -n "$BASH_VERSION" ]; then echo bash; else echo sh; fi'], {
    env: { PATH: pathDir },
    encoding: 'utf8',
  }).trim();
}

test('the wrapper runs the command under bash when bash is on PATH, else under sh', (t) => {
  const bash = ['/bin/bash', '/usr/bin/bash'].find((p) => fs.existsSync(p));
  if (!bash) return t.skip('no bash on this machine');
  const withBash = fs.mkdtempSync(path.join(os.tmpdir(), 'dcw-bash-'));
  const withoutBash = fs.mkdtempSync(path.join(os.tmpdir(), 'dcw-sh-'));
  fs.symlinkSync(bash, path.join(withBash, 'bash'));
  fs.symlinkSync('/bin/sh', path.join(withBash, 'sh'));
  fs.symlinkSync('/bin/sh', path.join(withoutBash, 'sh'));
  assert.equal(shellThatRan(withBash), 'bash');
  assert.equal(shellThatRan(withoutBash), 'sh');
  fs.rmSync(withBash, { recursive: true });
  fs.rmSync(withoutBash, { recursive: true });
});
