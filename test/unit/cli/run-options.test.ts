import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LauncherError } from '../../../src/cli/errors';
import { EXIT_CODES } from '../../../src/cli/exit-codes';
import {
  DEFAULT_COMMAND, parseLogOpts, resolveRunConfig, type RunFlags,
} from '../../../src/cli/run-options';

const base: RunFlags = {
  dockerImage: 'python',
  bashCommand: DEFAULT_COMMAND,
  awsCloudwatchGroup: 'test-task-group-1',
  awsCloudwatchStream: 'test-task-stream-1',
  logOpt: [],
  pull: 'missing',
  yes: false,
  stopTimeout: '10',
  init: true,
};

function rejects(kind: keyof typeof EXIT_CODES, run: () => unknown): LauncherError {
  let caught: unknown;
  try {
    run();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof LauncherError, `expected a LauncherError, got ${String(caught)}`);
  assert.equal(caught.kind, kind);
  assert.equal(caught.exitCode, EXIT_CODES[kind]);
  return caught;
}

describe('resolveRunConfig', () => {
  test('the default command pip-installs tqdm, then prints a counter every 0.1 s', () => {
    assert.match(DEFAULT_COMMAND, /^pip install pip -U && pip install tqdm && python -c "/);
    assert.match(DEFAULT_COMMAND, /time\.sleep\(0\.1\)/);
    assert.match(DEFAULT_COMMAND, /itertools\.count\(1\)/);
  });

  test('with no credentials and no endpoint it ships to the embedded endpoint in us-east-1', () => {
    const config = resolveRunConfig(base, {});
    assert.equal(config.target, 'embedded');
    assert.equal(config.region, 'us-east-1');
    assert.deepEqual(config.credentials, { kind: 'none' });
    assert.equal(config.plugin, 'cloudwatch');
    assert.equal(config.pull, 'missing');
    assert.equal(config.stopTimeoutSeconds, 10);
    assert.equal(config.network, undefined);
  });

  test('keys on the command line need a region', () => {
    const flags = { ...base, awsAccessKeyId: 'AKID', awsSecretAccessKey: 'secret' };
    const err = rejects('noRegion', () => resolveRunConfig(flags, {}));
    assert.match(err.message, /--aws-region/);
    const config = resolveRunConfig({ ...flags, awsRegion: 'eu-west-1' }, {});
    assert.equal(config.target, 'aws');
    assert.deepEqual(config.credentials, { kind: 'static', accessKeyId: 'AKID', secretAccessKey: 'secret' });
  });

  test('AWS_REGION and then AWS_DEFAULT_REGION stand in for --aws-region', () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 's', AWS_DEFAULT_REGION: 'ap-south-1' };
    assert.equal(resolveRunConfig(base, env).region, 'ap-south-1');
    assert.equal(resolveRunConfig(base, { ...env, AWS_REGION: 'us-west-2' }).region, 'us-west-2');
    assert.equal(resolveRunConfig({ ...base, awsRegion: 'eu-north-1' }, { ...env, AWS_REGION: 'us-west-2' }).region, 'eu-north-1');
  });

  test('environment keys carry the session token; AWS_PROFILE takes precedence over them like the SDK chain', () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 's', AWS_SESSION_TOKEN: 't', AWS_REGION: 'us-east-2' };
    assert.deepEqual(resolveRunConfig(base, env).credentials, { kind: 'static', accessKeyId: 'AKID', secretAccessKey: 's', sessionToken: 't' });
    assert.deepEqual(resolveRunConfig(base, { ...env, AWS_PROFILE: 'dev' }).credentials, { kind: 'profile', profile: 'dev' });
  });

  test('an endpoint without credentials ships there (not embedded) and needs a region', () => {
    rejects('noRegion', () => resolveRunConfig({ ...base, awsEndpoint: 'http://127.0.0.1:4566' }, {}));
    const config = resolveRunConfig({ ...base, awsEndpoint: 'http://127.0.0.1:4566', awsRegion: 'us-east-1' }, {});
    assert.equal(config.target, 'aws');
    assert.equal(config.endpoint, 'http://127.0.0.1:4566');
    assert.equal(resolveRunConfig(base, { AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: 'http://localhost:1', AWS_REGION: 'us-east-1' }).endpoint, 'http://localhost:1');
  });

  test('half a key pair is a usage error', () => {
    rejects('usage', () => resolveRunConfig({ ...base, awsAccessKeyId: 'AKID' }, {}));
    rejects('usage', () => resolveRunConfig({ ...base, awsSecretAccessKey: 's' }, {}));
  });

  test('group names CloudWatch would reject fail with the invalid-name code', () => {
    for (const group of ['', 'has space', 'bad:colon', 'aws/reserved', 'x'.repeat(513), 'ünïcode']) {
      rejects('invalidName', () => resolveRunConfig({ ...base, awsCloudwatchGroup: group }, {}));
    }
    assert.equal(resolveRunConfig({ ...base, awsCloudwatchGroup: '/ecs/my-app_1.0#x' }, {}).group, '/ecs/my-app_1.0#x');
    assert.equal(resolveRunConfig({ ...base, awsCloudwatchGroup: 'g'.repeat(512) }, {}).group.length, 512);
  });

  test('stream names with ":" or "*", empty or over 512 characters fail with the invalid-name code', () => {
    for (const stream of ['', 'a:b', 'a*b', 's'.repeat(513)]) {
      rejects('invalidName', () => resolveRunConfig({ ...base, awsCloudwatchStream: stream }, {}));
    }
    assert.equal(resolveRunConfig({ ...base, awsCloudwatchStream: 'any thing/ü' }, {}).stream, 'any thing/ü');
  });

  test('a malformed region, endpoint, pull policy or stop timeout is a usage error', () => {
    rejects('usage', () => resolveRunConfig({ ...base, awsRegion: 'Mars' }, {}));
    rejects('usage', () => resolveRunConfig({ ...base, awsEndpoint: 'not a url', awsRegion: 'us-east-1' }, {}));
    rejects('usage', () => resolveRunConfig({ ...base, awsEndpoint: 'ftp://x', awsRegion: 'us-east-1' }, {}));
    rejects('usage', () => resolveRunConfig({ ...base, pull: 'sometimes' }, {}));
    rejects('usage', () => resolveRunConfig({ ...base, stopTimeout: '-1' }, {}));
    rejects('usage', () => resolveRunConfig({ ...base, stopTimeout: '1.5' }, {}));
  });

  test('the plugin name comes from --plugin, then PLUGIN_NAME', () => {
    assert.equal(resolveRunConfig(base, { PLUGIN_NAME: 'cw-dev' }).plugin, 'cw-dev');
    assert.equal(resolveRunConfig({ ...base, plugin: 'other' }, { PLUGIN_NAME: 'cw-dev' }).plugin, 'other');
  });
});

describe('parseLogOpts', () => {
  test('splits at the first "=" and keeps empty values', () => {
    assert.deepEqual(parseLogOpts(['tag={{.Name}}', 'awslogs-multiline-pattern=^a=b', 'env=']), {
      tag: '{{.Name}}',
      'awslogs-multiline-pattern': '^a=b',
      env: '',
    });
  });

  test('rejects pairs without a key', () => {
    rejects('usage', () => parseLogOpts(['novalue']));
    rejects('usage', () => parseLogOpts(['=x']));
  });

  test('rejects options the launcher sets from its own flags, naming the flag', () => {
    const err = rejects('usage', () => parseLogOpts(['awslogs-group=x']));
    assert.match(err.message, /--aws-cloudwatch-group/);
    rejects('usage', () => parseLogOpts(['awslogs-credentials-profile=p']));
  });
});
