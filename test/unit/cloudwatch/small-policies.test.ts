import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bisect, partitionByWindow } from '../../../src/cloudwatch/batch-repair';
import { ByteBudget } from '../../../src/cloudwatch/byte-budget';
import { decideFlush, type QueueSnapshot } from '../../../src/cloudwatch/flush-policy';
import { MAX_AGE_MS } from '../../../src/cloudwatch/limits';
import { countRejected } from '../../../src/cloudwatch/rejected-events';
import { eventBound } from '../../../src/cloudwatch/sender-tuning';

describe('decideFlush', () => {
  const t = { idleFlushMs: 150, maxWaitMs: 400, flushIntervalMs: 5_000 };
  const q = (o: Partial<QueueSnapshot>): QueueSnapshot => ({ nowMs: 1_000, events: 1, bytes: 30, oldestArrivalMs: 1_000, lastWriteMs: 1_000, closing: false, ...o });

  test('an empty queue never flushes', () => assert.deepEqual(decideFlush(q({ events: 0, oldestArrivalMs: undefined }), t), { now: false, waitMs: Infinity }));
  test('a full batch goes at once', () => assert.deepEqual(decideFlush(q({ events: 10_000 }), t), { now: true }));
  test('a megabyte of queued bytes goes at once', () => assert.deepEqual(decideFlush(q({ bytes: 1_048_576 }), t), { now: true }));
  test('closing flushes at once', () => assert.deepEqual(decideFlush(q({ closing: true }), t), { now: true }));
  test('waits for the writer to pause', () => assert.deepEqual(decideFlush(q({}), t), { now: false, waitMs: 150 }));
  test('flushes once the writer paused', () => assert.deepEqual(decideFlush(q({ nowMs: 1_150 }), t), { now: true }));
  test('a steady trickle flushes when the oldest event waited maxWait', () => {
    assert.deepEqual(decideFlush(q({ nowMs: 1_400, lastWriteMs: 1_390 }), t), { now: true });
  });
  test('the force-flush interval caps every wait', () => {
    assert.deepEqual(decideFlush(q({}), { ...t, flushIntervalMs: 50 }), { now: false, waitMs: 50 });
  });
});

describe('countRejected', () => {
  test('no info means all accepted', () => assert.deepEqual(countRejected(undefined, 5), { tooOld: 0, expired: 0, tooNew: 0, accepted: 5 }));
  test('reads end indices as exclusive and the start index as inclusive', () => {
    assert.deepEqual(countRejected({ tooOldLogEventEndIndex: 1, expiredLogEventEndIndex: 3, tooNewLogEventStartIndex: 8 }, 10), { tooOld: 1, expired: 2, tooNew: 2, accepted: 5 });
  });
  test('clamps indices outside the batch and never counts an event twice', () => {
    assert.deepEqual(countRejected({ tooOldLogEventEndIndex: 50, tooNewLogEventStartIndex: 2 }, 4), { tooOld: 4, expired: 0, tooNew: 0, accepted: 0 });
  });
});

describe('batch repair', () => {
  const ev = (t: number) => ({ timestampMs: t, message: `m${t}`, bytes: 2 });
  test('bisect halves a batch in order and refuses a single event', () => {
    assert.deepEqual(bisect([ev(1), ev(2), ev(3)]), [[ev(1), ev(2)], [ev(3)]]);
    assert.equal(bisect([ev(1)]), undefined);
  });
  test('partitionByWindow separates events that aged out', () => {
    const now = MAX_AGE_MS + 1_000;
    assert.deepEqual(partitionByWindow([ev(0), ev(5_000)], now), { keep: [ev(5_000)], out: [ev(0)] });
  });
});

describe('ByteBudget', () => {
  test('is exhausted at its limit and wakes waiters once below it', async () => {
    const b = new ByteBudget(100);
    b.reserve(100);
    assert.equal(b.exhausted, true);
    let woke = false;
    const wait = b.whenAvailable().then(() => { woke = true; });
    b.release(1);
    await wait;
    assert.equal(woke, true);
    assert.equal(b.usedBytes, 99);
  });
});

test('the per-sink event bound is awslogs buffer plus a batch being filled and one in flight', () => {
  assert.equal(eventBound(4096), 24_096);
});
