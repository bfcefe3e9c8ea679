import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PutLogEventsCommand, PutRetentionPolicyCommand, type InputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { GROUP, STREAM, createGroupAndStream, rejectionOf, sdkClient, startFixture, type Fixture } from './endpoint-fixture';

const NOW = Date.now();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('PutLogEvents through the AWS SDK', () => {
  let f: Fixture;
  before(async () => { f = await startFixture({ now: () => NOW }); });
  after(() => f.close());
  beforeEach(async () => {
    f.ep.reset();
    await createGroupAndStream(f);
  });

  const put = (logEvents: InputLogEvent[], group = GROUP, stream = STREAM) =>
    f.client.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents }));
  const fails = async (logEvents: InputLogEvent[], group = GROUP, stream = STREAM) => {
    const err = await rejectionOf(put(logEvents, group, stream));
    assert.equal(err.$metadata?.httpStatusCode, 400);
    assert.deepEqual(f.ep.events(GROUP, STREAM), [], 'a failed request stores nothing');
    return err;
  };
  const ev = (timestamp: number, message = 'line'): InputLogEvent => ({ timestamp, message });

  test('stores valid events with ingestionTime and returns no rejectedLogEventsInfo', async () => {
    const out = await put([ev(NOW - 2, 'a'), ev(NOW - 1, 'b')]);
    assert.equal(out.rejectedLogEventsInfo, undefined);
    assert.deepEqual(f.ep.events(GROUP, STREAM), [
      { timestamp: NOW - 2, message: 'a', ingestionTime: NOW }, { timestamp: NOW - 1, message: 'b', ingestionTime: NOW },
    ]);
  });

  test('rule 1: an empty message fails the whole batch with the AWS validation text', async () => {
    const err = await fails([ev(NOW, 'ok'), ev(NOW, '')]);
    assert.equal(err.name, 'InvalidParameterException');
    assert.equal(err.message,
      "1 validation error detected: Value '' at 'logEvents.2.member.message' failed to satisfy constraint: Member must have length greater than or equal to 1");
  });

  test('rule 1: an empty event list is invalid', async () => {
    assert.equal((await fails([])).name, 'InvalidParameterException');
  });

  test('rule 1: more than 10,000 events is invalid', async () => {
    const err = await fails(Array.from({ length: 10_001 }, () => ev(NOW, 'x')));
    assert.match(err.message, /at 'logEvents' failed to satisfy constraint: Member must have length less than or equal to 10000/);
  });

  test('rule 2: a missing group and a missing stream are ResourceNotFoundException with the service texts', async () => {
    const noGroup = await fails([ev(NOW)], 'missing-group');
    assert.equal(noGroup.name, 'ResourceNotFoundException');
    assert.equal(noGroup.message, 'The specified log group does not exist.');
    const noStream = await fails([ev(NOW)], GROUP, 'missing-stream');
    assert.equal(noStream.name, 'ResourceNotFoundException');
    assert.equal(noStream.message, 'The specified log stream does not exist.');
  });

  test('rule 3: an event over 1,048,576 − 26 bytes is invalid', async () => {
    const err = await fails([ev(NOW, 'x'.repeat(1_048_551))]);
    assert.equal(err.name, 'InvalidParameterException');
    assert.equal(err.message, 'Log event too large: 1048577 bytes exceeds limit of 1048576');
  });

  test('rule 3: a batch over 1,048,576 bytes counting 26 per event is invalid', async () => {
    const each = 1_048_576 / 8 - 26;
    await put(Array.from({ length: 8 }, () => ev(NOW, 'y'.repeat(each))));
    f.ep.reset();
    await createGroupAndStream(f);
    const err = await fails([...Array.from({ length: 7 }, () => ev(NOW, 'y'.repeat(each))), ev(NOW, 'y'.repeat(each + 1))]);
    assert.equal(err.message, 'Upload too large: 1048577 bytes exceeds limit of 1048576');
  });

  test('rule 4: a decreasing timestamp fails the whole request', async () => {
    const err = await fails([ev(NOW), ev(NOW - 1)]);
    assert.equal(err.name, 'InvalidParameterException');
    assert.equal(err.message, 'Log events in a single PutLogEvents request must be in chronological order.');
  });

  test('rule 5: too old and too new events are rejected by index and the rest is stored', async () => {
    const out = await put([ev(NOW - 15 * DAY, 'old'), ev(NOW - 1, 'kept-1'), ev(NOW, 'kept-2'), ev(NOW + 3 * HOUR, 'new')]);
    assert.deepEqual(out.rejectedLogEventsInfo, { tooOldLogEventEndIndex: 1, tooNewLogEventStartIndex: 3 });
    assert.deepEqual(f.ep.events(GROUP, STREAM).map((e) => e.message), ['kept-1', 'kept-2']);
    assert.equal(f.ep.eventCount(GROUP, STREAM), 2);
    assert.deepEqual(f.ep.batches().map((b) => [b.count, b.rejected]), [[4, 2]]);
  });

  test('rule 5: events older than the group retention are expired', async () => {
    await f.client.send(new PutRetentionPolicyCommand({ logGroupName: GROUP, retentionInDays: 1 }));
    const out = await put([ev(NOW - 3 * DAY, 'expired'), ev(NOW, 'kept')]);
    assert.deepEqual(out.rejectedLogEventsInfo, { expiredLogEventEndIndex: 1 });
    assert.deepEqual(f.ep.events(GROUP, STREAM).map((e) => e.message), ['kept']);
  });

  test('rule 6: valid events spanning more than 24 hours fail the whole request', async () => {
    const err = await fails([ev(NOW - DAY - 1), ev(NOW)]);
    assert.equal(err.message, 'The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
  });

  test('order of checks: shape before existence (empty message to a missing group)', async () => {
    assert.equal((await fails([ev(NOW, '')], 'missing-group')).name, 'InvalidParameterException');
  });

  test('order of checks: existence before size (oversized event to a missing stream)', async () => {
    assert.equal((await fails([ev(NOW, 'x'.repeat(1_048_551))], GROUP, 'missing')).name, 'ResourceNotFoundException');
  });

  test('order of checks: size before chronological order', async () => {
    assert.match((await fails([ev(NOW), ev(NOW - 1, 'x'.repeat(1_048_551))])).message, /^Log event too large/);
  });

  test('order of checks: chronological order before too old', async () => {
    assert.match((await fails([ev(NOW), ev(NOW - 20 * DAY)])).message, /chronological order/);
  });

  test('order of checks: too old events are dropped before the 24 h span is measured', async () => {
    const out = await put([ev(NOW - 20 * DAY, 'old'), ev(NOW, 'kept')]);
    assert.deepEqual(out.rejectedLogEventsInfo, { tooOldLogEventEndIndex: 1 });
  });

  test('a sequenceToken is ignored', async () => {
    await f.client.send(new PutLogEventsCommand({
      logGroupName: GROUP, logStreamName: STREAM, logEvents: [ev(NOW)], sequenceToken: 'stale-token',
    }));
    assert.equal(f.ep.events(GROUP, STREAM).length, 1);
  });

  test('sizes are UTF-8 bytes of the message, recorded per batch', async () => {
    await put([ev(NOW, 'é😀'), ev(NOW, 'abc')]);
    assert.deepEqual(f.ep.batches().map(({ count, bytes, attempt }) => ({ count, bytes, attempt })), [
      { count: 2, bytes: 6 + 26 + 3 + 26, attempt: 1 },
    ]);
  });

  test('the x-amzn-logs-format header is recorded per batch', async () => {
    const client = sdkClient(f.ep);
    client.middlewareStack.add((next) => (args) => {
      (args.request as { headers: Record<string, string> }).headers['x-amzn-logs-format'] = 'json/emf';
      return next(args);
    }, { step: 'build' });
    try {
      await client.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: STREAM, logEvents: [ev(NOW, '{"a":1}')] }));
    } finally {
      client.destroy();
    }
    await put([ev(NOW)]);
    assert.deepEqual(f.ep.batches().map((b) => b.format), ['json/emf', undefined]);
  });

  test('onPut listeners see the stored events and can unsubscribe', async () => {
    const seen: string[] = [];
    const off = f.ep.onPut((g, s, events) => seen.push(`${g}/${s}:${events.map((e) => e.message).join(',')}`));
    await put([ev(NOW - 15 * DAY, 'old'), ev(NOW, 'a'), ev(NOW, 'b')]);
    off();
    await put([ev(NOW, 'c')]);
    assert.deepEqual(seen, [`${GROUP}/${STREAM}:a,b`]);
  });

  test('a configured 256 KB event limit refuses what the 1 MB limit accepts', async () => {
    const small = await startFixture({ maxEventBytes: 262_144 });
    try {
      await createGroupAndStream(small);
      const send = (size: number) => small.client.send(new PutLogEventsCommand({
        logGroupName: GROUP, logStreamName: STREAM, logEvents: [{ timestamp: Date.now(), message: 'z'.repeat(size) }],
      }));
      await send(262_118);
      assert.equal((await rejectionOf(send(262_119))).message, 'Log event too large: 262145 bytes exceeds limit of 262144');
    } finally {
      await small.close();
    }
  });
});
