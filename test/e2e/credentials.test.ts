import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CredentialsProfile } from '../../src/cli/credentials-profile';
import { LocalEndpoint } from '../../src/local-endpoint';
import { IMAGE, PLUGIN, SAFE_RUN, docker, dockerAvailable, logOpts, uniqueName } from '../support/docker';
import { RecordingProxy } from '../support/recording-proxy';
import { waitFor } from '../support/wait';

/**
 * Issue 4 item 6, end to end: per-container credentials come from a named profile in the shared credentials file on
 * the plugin's `aws` mount; only the profile's name travels in log-opts. A RecordingProxy in front of the local
 * endpoint reads the SigV4 access key id of every call, so the test sees which credentials signed them.
 * The plugin itself runs with AKIDLOCALTEST in its env (scripts/test.sh), which a profile must override.
 */
const PROFILE = 'dcw-test-profile';
const PROFILE_KEYS = { accessKeyId: 'AKIDDCWPROFILETEST', secretAccessKey: 'dcw-profile-secret-do-not-leak' };
const PLUGIN_ENV_KEY = 'AKIDLOCALTEST';

/** Host directory mounted as the plugin's `aws` mount: DCW_TEST_AWS_DIR (scripts/test.sh), else the plugin's setting. */
async function pluginAwsDir(): Promise<string> {
  if (process.env.DCW_TEST_AWS_DIR) return process.env.DCW_TEST_AWS_DIR;
  const r = await docker(['plugin', 'inspect', '-f', '{{range .Settings.Mounts}}{{if eq .Name "aws"}}{{.Source}}{{end}}{{end}}', PLUGIN]);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.trim();
}

describe('credentials per container from a named profile', () => {
  let ep: LocalEndpoint;
  let proxy: RecordingProxy;
  let profile: CredentialsProfile | undefined;
  const containers: string[] = [];
  before(async () => {
    ep = await LocalEndpoint.start();
    proxy = await RecordingProxy.start(ep.url);
  });
  after(async () => {
    profile?.remove();
    if (containers.length > 0) await docker(['rm', '-f', ...containers]);
    await proxy?.close();
    await ep?.close();
  });

  const opts = (group: string, extra: Record<string, string>): string[] =>
    logOpts({ 'awslogs-group': group, 'awslogs-stream': 's', 'awslogs-endpoint': proxy.url, 'awslogs-region': 'us-east-1', 'awslogs-create-group': 'true', ...extra });

  async function runNamed(group: string, extra: Record<string, string>, cmd: string[]): Promise<{ name: string; code: number; stderr: string }> {
    const name = uniqueName('dcw-creds');
    containers.push(name);
    const r = await docker(['run', '--name', name, ...SAFE_RUN, '--log-driver', PLUGIN, ...opts(group, extra), IMAGE, ...cmd]);
    return { name, code: r.code, stderr: r.stderr };
  }

  /** Writes the profile once (under the same lock the launcher uses); removed in `after`. */
  async function ensureProfile(): Promise<void> {
    if (profile) return;
    const dir = await pluginAwsDir();
    assert.ok(fs.existsSync(dir), `the plugin's aws mount source ${dir} does not exist`);
    profile = CredentialsProfile.write(dir, PROFILE_KEYS, PROFILE);
    assert.match(fs.readFileSync(path.join(dir, 'credentials'), 'utf8'), new RegExp(`\\[${PROFILE}\\]`));
  }

  test('a container with awslogs-credentials-profile signs its calls with that profile\'s keys', async (t) => {
    if (!dockerAvailable(t)) return;
    await ensureProfile();
    const group = uniqueName('creds-profile');
    const run = await runNamed(group, { 'awslogs-credentials-profile': PROFILE }, ['seq', '1', '50']);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(await waitFor(() => ep.eventCount(group, 's') >= 50, 15_000), `${ep.eventCount(group, 's')} of 50 events arrived`);
    assert.deepEqual(ep.events(group, 's').map((e) => e.message), Array.from({ length: 50 }, (_, i) => String(i + 1)));
    assert.deepEqual(proxy.accessKeysFor(group), [PROFILE_KEYS.accessKeyId]);
  });

  test('without the option the same plugin signs with its own credentials', async (t) => {
    if (!dockerAvailable(t)) return;
    const group = uniqueName('creds-default');
    const run = await runNamed(group, {}, ['echo', 'plain']);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(await waitFor(() => ep.eventCount(group, 's') >= 1, 15_000));
    assert.deepEqual(proxy.accessKeysFor(group), [PLUGIN_ENV_KEY]);
  });

  test('docker inspect shows the profile name and no secret', async (t) => {
    if (!dockerAvailable(t)) return;
    await ensureProfile();
    const group = uniqueName('creds-inspect');
    const run = await runNamed(group, { 'awslogs-credentials-profile': PROFILE }, ['echo', 'inspected']);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(await waitFor(() => ep.eventCount(group, 's') >= 1, 15_000));
    const r = await docker(['inspect', run.name]);
    assert.equal(r.code, 0, r.stderr);
    const [info] = JSON.parse(r.stdout) as [{ HostConfig: { LogConfig: { Type: string; Config: Record<string, string> } } }];
    assert.equal(info.HostConfig.LogConfig.Config['awslogs-credentials-profile'], PROFILE);
    assert.ok(!r.stdout.includes(PROFILE_KEYS.secretAccessKey), 'the secret access key is in docker inspect');
    assert.ok(!r.stdout.includes(PROFILE_KEYS.accessKeyId), 'the access key id is in docker inspect');
    // The daemon log holds the plugin's stdout/stderr (test-machine.md gotcha 28): the secret must not be there either.
    const root = process.env.DCW_DOCKERD_ROOT;
    if (root && fs.existsSync(path.join(root, 'dockerd.log'))) {
      assert.ok(!fs.readFileSync(path.join(root, 'dockerd.log'), 'utf8').includes(PROFILE_KEYS.secretAccessKey), 'the secret is in the dockerd log');
    }
  });

  test('a profile that does not exist fails docker run, names the option and says how to provide credentials', async (t) => {
    if (!dockerAvailable(t)) return;
    const group = uniqueName('creds-missing');
    const run = await runNamed(group, { 'awslogs-credentials-profile': 'dcw-no-such-profile' }, ['echo', 'must not run']);
    assert.notEqual(run.code, 0, 'docker run succeeded without credentials');
    const message = run.stderr.slice(run.stderr.indexOf('error creating logger: '));
    assert.match(message, /^error creating logger: /);
    assert.match(message, /awslogs-credentials-profile/);
    assert.match(message, /dcw-no-such-profile/);
    assert.match(message, /docker plugin set/, 'the message does not say how to provide credentials');
    const state = await docker(['inspect', '-f', '{{.State.Status}}', run.name]);
    assert.equal(state.stdout.trim(), 'created');
    assert.equal(ep.eventCount(group, 's'), 0);
  });
});
