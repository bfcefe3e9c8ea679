import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDriverOptions } from '../../../src/options/parse-options';
import { OPTION_TABLE } from '../../../src/options/option-table';
import { CONTAINER_ID, containerInfo } from './container-info-fixture';

const parse = (opts: Record<string, string>, env: { AWS_REGION?: string } = {}) =>
  parseDriverOptions(containerInfo({ 'awslogs-group': 'app', ...opts }), env, 'build-host');

describe('parseDriverOptions defaults', () => {
  test('gives awslogs defaults when only awslogs-group is set', () => {
    const o = parse({});
    assert.equal(o.group, 'app');
    assert.equal(o.stream, CONTAINER_ID);
    assert.equal(o.region, undefined);
    assert.equal(o.endpoint, undefined);
    assert.equal(o.createGroup, false);
    assert.equal(o.createStream, true);
    assert.equal(o.multilinePattern, undefined);
    assert.equal(o.credentialsEndpoint, undefined);
    assert.equal(o.credentialsProfile, undefined);
    assert.equal(o.flushIntervalMs, 5000);
    assert.equal(o.maxBufferedEvents, 4096);
    assert.equal(o.format, undefined);
    assert.equal(o.maxEventBytes, 1_048_550);
    assert.equal(o.retentionDays, undefined);
    assert.equal(o.groupClass, undefined);
    assert.equal(o.kmsKeyId, undefined);
    assert.equal(o.groupTags, undefined);
    assert.equal(o.mode, 'blocking');
  });

  test('treats an option present with an empty value as unset, like awslogs', () => {
    const o = parse({ 'awslogs-region': '', 'awslogs-create-stream': '', 'awslogs-force-flush-interval-seconds': '', tag: '', 'awslogs-stream': '' });
    assert.equal(o.region, undefined);
    assert.equal(o.createStream, true);
    assert.equal(o.flushIntervalMs, 5000);
    assert.equal(o.stream, CONTAINER_ID);
  });
});

describe('parseDriverOptions non-default values', () => {
  test('takes awslogs-region over the plugin AWS_REGION, and AWS_REGION when the option is absent', () => {
    assert.equal(parse({ 'awslogs-region': 'eu-west-3' }, { AWS_REGION: 'us-east-1' }).region, 'eu-west-3');
    assert.equal(parse({}, { AWS_REGION: 'us-gov-west-1' }).region, 'us-gov-west-1');
    assert.equal(parse({}, { AWS_REGION: '' }).region, undefined);
  });

  test('accepts an http endpoint', () => {
    assert.equal(parse({ 'awslogs-endpoint': 'http://127.0.0.1:4566' }).endpoint, 'http://127.0.0.1:4566');
  });

  test('accepts every Go ParseBool spelling for create-group and create-stream', () => {
    for (const t of ['1', 't', 'T', 'TRUE', 'true', 'True']) assert.equal(parse({ 'awslogs-create-group': t }).createGroup, true, t);
    for (const f of ['0', 'f', 'F', 'FALSE', 'false', 'False']) assert.equal(parse({ 'awslogs-create-stream': f }).createStream, false, f);
  });

  test('converts the flush interval to milliseconds and accepts a Go Atoi sign', () => {
    assert.equal(parse({ 'awslogs-force-flush-interval-seconds': '2' }).flushIntervalMs, 2000);
    assert.equal(parse({ 'awslogs-force-flush-interval-seconds': '+7' }).flushIntervalMs, 7000);
  });

  test('reads max buffered events and max event size', () => {
    assert.equal(parse({ 'awslogs-max-buffered-events': '10000' }).maxBufferedEvents, 10000);
    assert.equal(parse({ 'awslogs-max-event-size': '262118' }).maxEventBytes, 262118);
    assert.equal(parse({ 'awslogs-max-event-size': '1048550' }).maxEventBytes, 1048550);
  });

  test('compiles awslogs-multiline-pattern as an unanchored Go regex', () => {
    const re = parse({ 'awslogs-multiline-pattern': '\\d{4}-\\d{2}' }).multilinePattern!;
    assert.ok(re.test('at 2026-11 something'));
    assert.ok(!re.test('  at Foo.bar'));
  });

  test('compiles awslogs-datetime-format through the strftime table', () => {
    const re = parse({ 'awslogs-datetime-format': '\\[%b %d, %Y %H:%M:%S\\]' }).multilinePattern!;
    assert.ok(re.test('[Nov 28, 2026 19:06:41] started'));
    assert.ok(!re.test('    at line 3'));
  });

  test('leaves multiline off when the datetime format converts to nothing (%F), like awslogs', () => {
    assert.equal(parse({ 'awslogs-datetime-format': '%F' }).multilinePattern, undefined);
  });

  test('reads credentials endpoint and credentials profile', () => {
    assert.equal(parse({ 'awslogs-credentials-endpoint': '/v2/credentials/abc' }).credentialsEndpoint, '/v2/credentials/abc');
    assert.equal(parse({ 'awslogs-credentials-profile': 'logs-writer' }).credentialsProfile, 'logs-writer');
  });

  test('accepts awslogs-format json/emf', () => {
    assert.equal(parse({ 'awslogs-format': 'json/emf' }).format, 'json/emf');
  });

  test('reads the group-creation extensions when create-group is on', () => {
    const o = parse({
      'awslogs-create-group': 'true',
      'awslogs-retention-days': '3653',
      'awslogs-group-class': 'INFREQUENT_ACCESS',
      'awslogs-kms-key-id': 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      'awslogs-group-tags': 'team=web,expr=a=b,empty=,name=Zoë Ω',
    });
    assert.equal(o.retentionDays, 3653);
    assert.equal(o.groupClass, 'INFREQUENT_ACCESS');
    assert.equal(o.kmsKeyId, 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    assert.deepEqual({ ...o.groupTags }, { team: 'web', expr: 'a=b', empty: '', name: 'Zoë Ω' });
  });

  test('keeps a tag key named __proto__ as a plain key', () => {
    const tags = parse({ 'awslogs-create-group': 'true', 'awslogs-group-tags': '__proto__=x' }).groupTags!;
    assert.equal(Object.getOwnPropertyDescriptor(tags, '__proto__')?.value, 'x');
  });

  test('reads mode and accepts every Docker generic option', () => {
    const o = parse({
      mode: 'non-blocking', 'max-buffer-size': '4m', 'cache-disabled': 'true', 'cache-max-size': '10m', 'cache-max-file': '2',
      'cache-compress': 'false', labels: 'a,b', 'labels-regex': '^com\\.', env: 'FOO', 'env-regex': '^APP_',
    });
    assert.equal(o.mode, 'non-blocking');
  });

  test('accepts every option of OPTION_TABLE with its documented example', () => {
    for (const spec of OPTION_TABLE) {
      const opts: Record<string, string> = { [spec.name]: spec.example };
      if (spec.name.startsWith('awslogs-retention') || spec.name.startsWith('awslogs-group-') || spec.name === 'awslogs-kms-key-id') opts['awslogs-create-group'] = 'true';
      assert.doesNotThrow(() => parse(opts), spec.name);
    }
  });

  test('documents a default or "none" and a description for every option', () => {
    for (const spec of OPTION_TABLE) {
      assert.ok(spec.description.length > 10, spec.name);
      assert.ok(spec.example.length > 0, spec.name);
    }
    assert.equal(OPTION_TABLE.find((o) => o.name === 'awslogs-force-flush-interval-seconds')?.default, '5');
    assert.equal(OPTION_TABLE.find((o) => o.name === 'awslogs-max-buffered-events')?.default, '4096');
    assert.equal(OPTION_TABLE.find((o) => o.name === 'awslogs-create-stream')?.default, 'true');
  });
});

describe('stream naming', () => {
  test('uses awslogs-stream first, over prefix and tag', () => {
    assert.equal(parse({ 'awslogs-stream': 'web-1', 'awslogs-stream-prefix': 'p', tag: '{{.Name}}' }).stream, 'web-1');
  });

  test('maps awslogs-stream-prefix to prefix/container-name/container-id outside ECS', () => {
    assert.equal(parse({ 'awslogs-stream-prefix': 'web', tag: '{{.Name}}' }).stream, `web/clever_sanderson/${CONTAINER_ID}`);
  });

  test('renders the tag when neither stream nor prefix is given', () => {
    assert.equal(parse({ tag: '{{.Name}}-{{.ID}}' }).stream, 'clever_sanderson-a4fcfba02fbe');
  });

  test("replaces ':' and '*' by '_' so {{.ImageName}} gives a valid stream (moby#30518)", () => {
    assert.equal(parse({ tag: '{{.ImageName}}' }).stream, 'registry.example_5000/team/app_1.27');
    assert.equal(parse({ 'awslogs-stream': 'a*b:c' }).stream, 'a_b_c');
  });

  test('cuts the stream name to 512 code points without splitting a surrogate pair', () => {
    assert.equal(parse({ 'awslogs-stream': 'x'.repeat(600) }).stream.length, 512);
    const emoji = parse({ 'awslogs-stream': '😀'.repeat(600) }).stream;
    assert.equal([...emoji].length, 512);
    assert.ok(emoji.endsWith('😀'));
  });

  test('uses the hostname given by the caller for {{.Hostname}}', () => {
    assert.equal(parse({ tag: '{{.Hostname}}' }).stream, 'build-host');
  });
});
