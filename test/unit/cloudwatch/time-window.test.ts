import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_AGE_MS, MAX_FUTURE_MS, RETENTION_DAY_MS } from '../../../src/cloudwatch/limits';
import { classifyTimestamp } from '../../../src/cloudwatch/time-window';

const now = 1_750_000_000_000;

test('accepts the exact 14-day and 2-hour boundaries', () => {
  assert.equal(classifyTimestamp(now - MAX_AGE_MS, now), 'ok');
  assert.equal(classifyTimestamp(now + MAX_FUTURE_MS, now), 'ok');
});

test('one millisecond beyond either boundary is too old or too new', () => {
  assert.equal(classifyTimestamp(now - MAX_AGE_MS - 1, now), 'too-old');
  assert.equal(classifyTimestamp(now + MAX_FUTURE_MS + 1, now), 'too-new');
});

test('a negative timestamp is too old', () => {
  assert.equal(classifyTimestamp(-1, now), 'too-old');
});

test('an event older than the group retention is expired', () => {
  assert.equal(classifyTimestamp(now - 2 * RETENTION_DAY_MS, now, 1), 'expired');
  assert.equal(classifyTimestamp(now - RETENTION_DAY_MS + 1, now, 1), 'ok');
  assert.equal(classifyTimestamp(now - 2 * RETENTION_DAY_MS, now, 3), 'ok');
});
