import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateLogStreamCommand, FilterLogEventsCommand, GetLogEventsCommand, PutLogEventsCommand, type FilterLogEventsCommandInput,
  type GetLogEventsCommandInput,
} from '@aws-sdk/client-cloudwatch-logs';
import { GROUP, STREAM, createGroupAndStream, rejectionOf, startFixture, type Fixture } from './endpoint-fixture';

const T0 = 1_700_000_000_000;

describe('reading events back through the AWS SDK', () => {
  let f: Fixture;
  before(async () => { f = await startFixture({ now: () => T0 + 60_000 }); });
  after(() => f.close());
  beforeEach(async () => {
    f.ep.reset();
    await createGroupAndStream(f);
  });

  const put = (messages: string[], start: number, stream = STREAM) => f.client.send(new PutLogEventsCommand({
    logGroupName: GROUP, logStreamName: stream, logEvents: messages.map((message, i) => ({ timestamp: start + i, message })),
  }));
  const get = (input: Partial<GetLogEventsCommandInput> = {}) =>
    f.client.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: STREAM, ...input }));
  const filter = (input: Partial<FilterLogEventsCommandInput> = {}) =>
    f.client.send(new FilterLogEventsCommand({ logGroupName: GROUP, ...input }));

  test('GetLogEvents without a token returns the newest events by default (startFromHead false)', async () => {
    await put(['e0', 'e1', 'e2', 'e3', 'e4'], T0);
    const out = await get({ limit: 2 });
    assert.deepEqual(out.events?.map((e) => e.message), ['e3', 'e4']);
    const head = await get({ limit: 2, startFromHead: true });
    assert.deepEqual(head.events?.map((e) => e.message), ['e0', 'e1']);
  });

  test('GetLogEvents pages forward until the same token comes back', async () => {
    await put(Array.from({ length: 7 }, (_, i) => `m${i}`), T0);
    const seen: string[] = [];
    let token: string | undefined;
    let calls = 0;
    for (;;) {
      const out = await get({ limit: 3, startFromHead: true, ...(token ? { nextToken: token } : {}) });
      calls++;
      seen.push(...(out.events ?? []).map((e) => e.message!));
      if (out.nextForwardToken === token) break;
      token = out.nextForwardToken;
    }
    assert.deepEqual(seen, Array.from({ length: 7 }, (_, i) => `m${i}`));
    assert.equal(calls, 4, 'three pages with events and one that repeats the token');
  });

  test('GetLogEvents pages backward from the newest with nextBackwardToken', async () => {
    await put(['a', 'b', 'c', 'd', 'e'], T0);
    const newest = await get({ limit: 2 });
    const older = await get({ limit: 2, nextToken: newest.nextBackwardToken });
    const oldest = await get({ limit: 2, nextToken: older.nextBackwardToken });
    const end = await get({ limit: 2, nextToken: oldest.nextBackwardToken });
    assert.deepEqual([newest, older, oldest, end].map((o) => o.events?.map((e) => e.message)), [['d', 'e'], ['b', 'c'], ['a'], []]);
    assert.equal(end.nextBackwardToken, oldest.nextBackwardToken);
  });

  test('GetLogEvents filters by startTime (inclusive) and endTime (exclusive)', async () => {
    await put(['t0', 't1', 't2', 't3'], T0);
    const out = await get({ startTime: T0 + 1, endTime: T0 + 3, startFromHead: true });
    assert.deepEqual(out.events?.map((e) => e.message), ['t1', 't2']);
  });

  test('GetLogEvents returns events by timestamp even when batches arrived out of order', async () => {
    await put(['late'], T0 + 10);
    await put(['early'], T0);
    const out = await get({ startFromHead: true });
    assert.deepEqual(out.events?.map((e) => e.message), ['early', 'late']);
    assert.deepEqual(f.ep.events(GROUP, STREAM).map((e) => e.message), ['late', 'early'], 'events() keeps arrival order');
  });

  test('GetLogEvents reports a missing stream and an invalid token', async () => {
    assert.equal((await rejectionOf(get({ logStreamName: 'nope' }))).name, 'ResourceNotFoundException');
    assert.equal((await rejectionOf(get({ nextToken: 'garbage' }))).name, 'InvalidParameterException');
    assert.match((await rejectionOf(get({ limit: 10_001 }))).message, /at 'limit'.*less than or equal to 10000/);
  });

  const putAt = (stream: string, events: [number, string][]) => f.client.send(new PutLogEventsCommand({
    logGroupName: GROUP, logStreamName: stream, logEvents: events.map(([timestamp, message]) => ({ timestamp, message })),
  }));

  test('FilterLogEvents interleaves streams by timestamp and names each event\'s stream', async () => {
    await f.client.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: 'other' }));
    await putAt(STREAM, [[T0, 's0'], [T0 + 2, 's2']]);
    await putAt('other', [[T0 + 1, 'o1']]);
    const out = await filter();
    assert.deepEqual(out.events?.map((e) => `${e.logStreamName}:${e.message}`), [`${STREAM}:s0`, 'other:o1', `${STREAM}:s2`]);
    assert.equal(new Set(out.events?.map((e) => e.eventId)).size, 3, 'event ids are unique');
    assert.deepEqual(out.searchedLogStreams?.map((s) => s.logStreamName), [STREAM, 'other']);
  });

  test('FilterLogEvents selects streams by names or by prefix, not both', async () => {
    await f.client.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: 'other' }));
    await putAt(STREAM, [[T0, 'a']]);
    await putAt('other', [[T0, 'b']]);
    assert.deepEqual((await filter({ logStreamNames: ['other', 'missing'] })).events?.map((e) => e.message), ['b']);
    assert.deepEqual((await filter({ logStreamNamePrefix: 'cont' })).events?.map((e) => e.message), ['a']);
    const both = await rejectionOf(filter({ logStreamNames: ['other'], logStreamNamePrefix: 'o' }));
    assert.equal(both.name, 'InvalidParameterException');
  });

  test('FilterLogEvents applies the time range and the substring filter pattern', async () => {
    await putAt(STREAM, [[T0, 'ERROR db down'], [T0 + 1, 'INFO db up'], [T0 + 2, 'ERROR cache down'], [T0 + 3, 'ERROR db again']]);
    const msgs = async (input: Partial<FilterLogEventsCommandInput>) => (await filter(input)).events?.map((e) => e.message);
    assert.deepEqual(await msgs({ filterPattern: 'ERROR db' }), ['ERROR db down', 'ERROR db again']);
    assert.deepEqual(await msgs({ filterPattern: '"cache down"' }), ['ERROR cache down']);
    assert.deepEqual(await msgs({ startTime: T0 + 1, endTime: T0 + 3 }), ['INFO db up', 'ERROR cache down']);
    assert.equal((await rejectionOf(filter({ filterPattern: '{ $.level = "x" }' }))).name, 'InvalidParameterException');
  });

  test('FilterLogEvents pages with nextToken', async () => {
    await putAt(STREAM, Array.from({ length: 5 }, (_, i): [number, string] => [T0 + i, `p${i}`]));
    const first = await filter({ limit: 3 });
    const second = await filter({ limit: 3, nextToken: first.nextToken });
    assert.deepEqual([first.events?.map((e) => e.message), second.events?.map((e) => e.message)], [['p0', 'p1', 'p2'], ['p3', 'p4']]);
    assert.ok(first.nextToken);
    assert.equal(second.nextToken, undefined);
  });

  test('FilterLogEvents on a missing group is ResourceNotFoundException', async () => {
    assert.equal((await rejectionOf(filter({ logGroupName: 'nope' }))).name, 'ResourceNotFoundException');
  });
});
