import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForDelivery } from '../../../src/cli/delivery-wait';

function fakeClock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

test('returns as soon as the destination holds the expected count', async () => {
  const clock = fakeClock();
  const counts = [0, 3, 7, 10];
  let polls = 0;
  const result = await waitForDelivery({ expected: 10, count: async () => counts[polls++]!, deadlineMs: 10_000, pollMs: 100, ...clock });
  assert.deepEqual(result, { delivered: 10, complete: true });
  assert.equal(polls, 4);
  assert.equal(clock.now(), 300);
});

test('gives up at the deadline with the last count', async () => {
  const clock = fakeClock();
  const result = await waitForDelivery({ expected: 10, count: async () => 4, deadlineMs: 1_000, pollMs: 100, ...clock });
  assert.deepEqual(result, { delivered: 4, complete: false });
  assert.equal(clock.now(), 1_000);
});

test('read errors are retried; if none succeeds, the last error is returned', async () => {
  const clock = fakeClock();
  const boom = new Error('nope');
  const result = await waitForDelivery({ expected: 1, count: async () => { throw boom; }, deadlineMs: 300, pollMs: 100, ...clock });
  assert.deepEqual(result, { delivered: undefined, complete: false, error: boom });
  let n = 0;
  const recovered = await waitForDelivery({
    expected: 1,
    count: async () => { if (n++ === 0) throw boom; return 1; },
    deadlineMs: 300, pollMs: 100, ...fakeClock(),
  });
  assert.deepEqual(recovered, { delivered: 1, complete: true });
});

test('nothing expected means nothing to wait for', async () => {
  const result = await waitForDelivery({ expected: 0, count: async () => 0, deadlineMs: 1_000, pollMs: 100, ...fakeClock() });
  assert.deepEqual(result, { delivered: 0, complete: true });
});
