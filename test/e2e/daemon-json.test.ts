import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { LocalEndpoint } from '../../src/local-endpoint';
import { IMAGE, PLUGIN, SAFE_RUN, dockerAvailable, uniqueName } from '../support/docker';
import { PrivateDockerd, runScript } from '../support/private-dockerd';
import { waitFor } from '../support/wait';

/**
 * Issue 4 item 7: the plugin as the daemon's default log driver, configured only by daemon.json. A second private
 * dockerd gets the plugin (scripts/build-plugin.sh), is restarted with `--config-file` pointing at a daemon.json
 * whose `log-driver` is the plugin and whose `log-opts` carry the awslogs options, and then runs containers with no
 * --log-driver and no --log-opt at all. daemon.json log-opts reach a plugin only when it is the default driver
 * (awslogs-options.md §2), which is exactly the path this covers.
 */
const SETUP_TIMEOUT_MS = 240_000;

describe('the plugin as the default log driver from daemon.json', () => {
  let ep: LocalEndpoint | undefined;
  let daemon: PrivateDockerd | undefined;
  const group = uniqueName('daemon-json');

  before(async () => {
    if (!process.env.DOCKER_HOST) return; // the tests skip, or fail under DCW_REQUIRE_DOCKER (dockerAvailable)
    ep = await LocalEndpoint.start();
    daemon = PrivateDockerd.create();
    await daemon.up();
    const image = await runScript('busybox-image.sh', [IMAGE], daemon.env);
    assert.equal(image.code, 0, image.stderr);
    const install = await runScript('build-plugin.sh', [], {
      ...daemon.env,
      PLUGIN_NAME: PLUGIN,
      PLUGIN_STATE_DIR: path.join(daemon.root, 'plugin-state'),
      PLUGIN_AWS_DIR: path.join(daemon.root, 'plugin-aws'),
      PLUGIN_SET: 'AWS_ACCESS_KEY_ID=AKIDLOCALTEST AWS_SECRET_ACCESS_KEY=local-test-secret AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true',
    });
    assert.equal(install.code, 0, `build-plugin.sh: ${install.stdout}\n${install.stderr}`);
    await daemon.down();
    const config = path.join(daemon.root, 'daemon.json');
    fs.writeFileSync(config, JSON.stringify({
      'log-driver': PLUGIN,
      'log-opts': {
        'awslogs-group': group,
        'awslogs-region': 'us-east-1',
        'awslogs-endpoint': ep.url,
        'awslogs-create-group': 'true',
        tag: '{{.Name}}',
      },
    }, null, 2));
    await daemon.up(`--config-file ${config}`);
  }, { timeout: SETUP_TIMEOUT_MS });

  after(async () => {
    await daemon?.purge();
    await ep?.close();
  }, { timeout: 60_000 });

  test('the restarted daemon reports the plugin as its logging driver', async (t) => {
    if (!dockerAvailable(t)) return;
    const info = await daemon!.docker(['info', '-f', '{{.LoggingDriver}}']);
    assert.equal(info.code, 0, info.stderr);
    assert.match(info.stdout.trim(), new RegExp(`^${PLUGIN}(:latest)?$`));
    const plugins = await daemon!.docker(['plugin', 'ls', '--format', '{{.Name}} {{.Enabled}}']);
    assert.match(plugins.stdout, new RegExp(`^${PLUGIN}(:latest)? true$`, 'm'));
  });

  test('a container run without --log-driver or --log-opt ships its lines to the stream named by the tag', async (t) => {
    if (!dockerAvailable(t)) return;
    const name = uniqueName('dj');
    t.after(async () => {
      await daemon!.docker(['rm', '-f', name]);
    });
    const run = await daemon!.docker(['run', '--name', name, ...SAFE_RUN, IMAGE, 'sh', '-c', 'echo one; echo two >&2; echo "three: ä€"']);
    assert.equal(run.code, 0, `${run.stderr}\n${daemon!.logTail()}`);
    const inspect = await daemon!.docker(['inspect', '-f', '{{.HostConfig.LogConfig.Type}}', name]);
    assert.match(inspect.stdout.trim(), new RegExp(`^${PLUGIN}(:latest)?$`));
    const arrived = await waitFor(() => ep!.eventCount(group, name) >= 3, 15_000);
    assert.ok(arrived, `streams of ${group}: [${ep!.streams(group).join(', ')}]\n${daemon!.logTail()}`);
    assert.deepEqual(ep!.streams(group), [name]);
    assert.deepEqual(ep!.events(group, name).map((e) => e.message).sort(), ['one', 'three: ä€', 'two']);
  });

  test('a container\'s own --log-opt is merged over the daemon.json log-opts', async (t) => {
    if (!dockerAvailable(t)) return;
    const name = uniqueName('dj-override');
    const stream = uniqueName('explicit');
    t.after(async () => {
      await daemon!.docker(['rm', '-f', name]);
    });
    const run = await daemon!.docker(['run', '--name', name, ...SAFE_RUN, '--log-opt', `awslogs-stream=${stream}`, IMAGE, 'echo', 'overridden']);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(await waitFor(() => ep!.eventCount(group, stream) >= 1, 15_000), `streams: [${ep!.streams(group).join(', ')}]`);
    assert.deepEqual(ep!.events(group, stream).map((e) => e.message), ['overridden']);
    assert.equal(ep!.eventCount(group, name), 0, 'the tag stream was used despite awslogs-stream');
  });
});
