import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateLogGroupCommand, CreateLogStreamCommand, DeleteLogStreamCommand, DescribeLogGroupsCommand,
  DescribeLogStreamsCommand, PutLogEventsCommand, PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { rejectionOf, sdkClient, startFixture, type Fixture } from './endpoint-fixture';

describe('group and stream operations through the AWS SDK', () => {
  let f: Fixture;
  before(async () => { f = await startFixture({ now: () => 1_700_000_000_000 }); });
  after(() => f.close());
  beforeEach(() => f.ep.reset());

  const createGroup = (logGroupName: string, extra: Record<string, unknown> = {}) =>
    f.client.send(new CreateLogGroupCommand({ logGroupName, ...extra }));
  const createStream = (logGroupName: string, logStreamName: string) =>
    f.client.send(new CreateLogStreamCommand({ logGroupName, logStreamName }));

  test('CreateLogGroup creates once, then answers ResourceAlreadyExistsException', async () => {
    await createGroup('/ecs/app');
    const err = await rejectionOf(createGroup('/ecs/app'));
    assert.equal(err.name, 'ResourceAlreadyExistsException');
    assert.equal(err.message, 'The specified log group already exists');
    assert.deepEqual(f.ep.groups(), ['/ecs/app']);
  });

  test('CreateLogGroup refuses invalid names, the aws/ prefix, bad tags and an unknown class', async () => {
    const bad = async (name: string, extra: Record<string, unknown> = {}) => {
      const err = await rejectionOf(createGroup(name, extra));
      assert.equal(err.name, 'InvalidParameterException', name);
      assert.equal(err.$metadata?.httpStatusCode, 400);
      return err.message;
    };
    assert.equal(await bad('has space'),
      "1 validation error detected: Value 'has space' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
    assert.match(await bad('g'.repeat(513)), /Member must have length less than or equal to 512/);
    assert.match(await bad('aws/reserved'), /aws\//);
    assert.match(await bad('ok', { tags: { 'bad!': 'v' } }), /at 'tags'/);
    assert.match(await bad('ok', { logGroupClass: 'COLD' }), /enum value set: \[STANDARD, INFREQUENT_ACCESS, DELIVERY\]/);
    assert.deepEqual(f.ep.groups(), []);
  });

  test('CreateLogGroup keeps kmsKeyId and class, and DescribeLogGroups reports them with ARNs', async () => {
    const client = sdkClient(f.ep, { region: 'eu-west-1' });
    try {
      await client.send(new CreateLogGroupCommand({
        logGroupName: 'cold', logGroupClass: 'INFREQUENT_ACCESS', kmsKeyId: 'arn:aws:kms:eu-west-1:1:key/k', tags: { team: 'core' },
      }));
      await client.send(new PutRetentionPolicyCommand({ logGroupName: 'cold', retentionInDays: 30 }));
      const out = await client.send(new DescribeLogGroupsCommand({}));
      assert.deepEqual(out.logGroups, [{
        logGroupName: 'cold', creationTime: 1_700_000_000_000, retentionInDays: 30, metricFilterCount: 0,
        arn: 'arn:aws:logs:eu-west-1:000000000000:log-group:cold:*', storedBytes: 0, kmsKeyId: 'arn:aws:kms:eu-west-1:1:key/k',
        logGroupClass: 'INFREQUENT_ACCESS', logGroupArn: 'arn:aws:logs:eu-west-1:000000000000:log-group:cold',
      }]);
    } finally {
      client.destroy();
    }
  });

  test('DescribeLogGroups filters by prefix, by pattern and by class, and pages', async () => {
    for (const g of ['app/a', 'app/b', 'app/c', 'other/APP']) await createGroup(g);
    await createGroup('archive', { logGroupClass: 'INFREQUENT_ACCESS' });
    const names = async (input: Record<string, unknown>) =>
      (await f.client.send(new DescribeLogGroupsCommand(input))).logGroups?.map((g) => g.logGroupName);
    assert.deepEqual(await names({ logGroupNamePrefix: 'app/' }), ['app/a', 'app/b', 'app/c']);
    assert.deepEqual(await names({ logGroupNamePattern: 'app' }), ['app/a', 'app/b', 'app/c', 'other/APP']);
    assert.deepEqual(await names({ logGroupClass: 'INFREQUENT_ACCESS' }), ['archive']);
    const page1 = await f.client.send(new DescribeLogGroupsCommand({ limit: 2 }));
    const page2 = await f.client.send(new DescribeLogGroupsCommand({ limit: 2, nextToken: page1.nextToken }));
    const page3 = await f.client.send(new DescribeLogGroupsCommand({ limit: 2, nextToken: page2.nextToken }));
    assert.deepEqual([page1, page2, page3].map((p) => p.logGroups?.map((g) => g.logGroupName)),
      [['app/a', 'app/b'], ['app/c', 'archive'], ['other/APP']]);
    assert.equal(page3.nextToken, undefined);
    const both = await rejectionOf(f.client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'a', logGroupNamePattern: 'b' })));
    assert.equal(both.name, 'InvalidParameterException');
    assert.match((await rejectionOf(f.client.send(new DescribeLogGroupsCommand({ limit: 51 })))).message, /less than or equal to 50/);
  });

  test('CreateLogStream needs an existing group, refuses ":" and duplicates', async () => {
    const noGroup = await rejectionOf(createStream('nope', 's'));
    assert.equal(noGroup.name, 'ResourceNotFoundException');
    assert.equal(noGroup.message, 'The specified log group does not exist.');
    await createGroup('g');
    await createStream('g', 's');
    const dup = await rejectionOf(createStream('g', 's'));
    assert.equal(dup.name, 'ResourceAlreadyExistsException');
    assert.equal(dup.message, 'The specified log stream already exists');
    const colon = await rejectionOf(createStream('g', 'busybox:latest'));
    assert.equal(colon.name, 'InvalidParameterException');
    assert.match(colon.message, /at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: \[\^:\*\]\*/);
    assert.deepEqual(f.ep.streams('g'), ['s']);
  });

  test('DescribeLogStreams lists by name or by last event time, with prefix and paging', async () => {
    await createGroup('g');
    for (const s of ['web-1', 'web-2', 'db-1']) await createStream('g', s);
    const now = 1_700_000_000_000;
    await f.client.send(new PutLogEventsCommand({ logGroupName: 'g', logStreamName: 'web-2', logEvents: [{ timestamp: now - 5000, message: 'x' }] }));
    await f.client.send(new PutLogEventsCommand({ logGroupName: 'g', logStreamName: 'db-1', logEvents: [{ timestamp: now - 10, message: 'y' }, { timestamp: now, message: 'z' }] }));
    const names = async (input: Record<string, unknown>) =>
      (await f.client.send(new DescribeLogStreamsCommand({ logGroupName: 'g', ...input }))).logStreams?.map((s) => s.logStreamName);
    assert.deepEqual(await names({}), ['db-1', 'web-1', 'web-2']);
    assert.deepEqual(await names({ logStreamNamePrefix: 'web' }), ['web-1', 'web-2']);
    assert.deepEqual(await names({ orderBy: 'LastEventTime', descending: true }), ['db-1', 'web-2', 'web-1']);
    const db = (await f.client.send(new DescribeLogStreamsCommand({ logGroupName: 'g', logStreamNamePrefix: 'db' }))).logStreams![0]!;
    assert.deepEqual(
      { first: db.firstEventTimestamp, last: db.lastEventTimestamp, ingested: db.lastIngestionTime, arn: db.arn },
      { first: now - 10, last: now, ingested: 1_700_000_000_000, arn: 'arn:aws:logs:us-east-1:000000000000:log-group:g:log-stream:db-1' },
    );
    const page = await f.client.send(new DescribeLogStreamsCommand({ logGroupName: 'g', limit: 2 }));
    const rest = await f.client.send(new DescribeLogStreamsCommand({ logGroupName: 'g', limit: 2, nextToken: page.nextToken }));
    assert.deepEqual(rest.logStreams?.map((s) => s.logStreamName), ['web-2']);
    const conflict = await rejectionOf(f.client.send(new DescribeLogStreamsCommand({ logGroupName: 'g', orderBy: 'LastEventTime', logStreamNamePrefix: 'w' })));
    assert.equal(conflict.name, 'InvalidParameterException');
    const missing = await rejectionOf(f.client.send(new DescribeLogStreamsCommand({ logGroupName: 'nope' })));
    assert.equal(missing.name, 'ResourceNotFoundException');
  });

  test('DescribeLogStreams accepts a log group ARN as identifier', async () => {
    await createGroup('g');
    await createStream('g', 's');
    const out = await f.client.send(new DescribeLogStreamsCommand({ logGroupIdentifier: 'arn:aws:logs:us-east-1:000000000000:log-group:g:*' }));
    assert.deepEqual(out.logStreams?.map((s) => s.logStreamName), ['s']);
  });

  test('DeleteLogStream makes the next PutLogEvents fail with ResourceNotFoundException', async () => {
    await createGroup('g');
    await createStream('g', 's');
    await f.client.send(new DeleteLogStreamCommand({ logGroupName: 'g', logStreamName: 's' }));
    const err = await rejectionOf(f.client.send(new PutLogEventsCommand({ logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: Date.now(), message: 'x' }] })));
    assert.equal(err.name, 'ResourceNotFoundException');
  });

  test('PutRetentionPolicy accepts the allowed values only and needs the group', async () => {
    await createGroup('g');
    await f.client.send(new PutRetentionPolicyCommand({ logGroupName: 'g', retentionInDays: 7 }));
    assert.equal(f.ep.retentionInDays('g'), 7);
    const bad = await rejectionOf(f.client.send(new PutRetentionPolicyCommand({ logGroupName: 'g', retentionInDays: 2 })));
    assert.equal(bad.name, 'InvalidParameterException');
    assert.match(bad.message, /^1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: \[1, 3, 5, 7, 14/);
    const missing = await rejectionOf(f.client.send(new PutRetentionPolicyCommand({ logGroupName: 'nope', retentionInDays: 7 })));
    assert.equal(missing.name, 'ResourceNotFoundException');
  });
});
