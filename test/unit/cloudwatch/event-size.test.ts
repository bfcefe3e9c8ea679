import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { effectiveMaxEventBytes, splitEvent } from '../../../src/cloudwatch/event-size';
import { AWSLOGS_MAX_EVENT_BYTES, MAX_EVENT_BYTES } from '../../../src/cloudwatch/limits';
import { wellFormed } from './support/generators';

test('a 300 KiB line stays one event under the 1 MB default and becomes two under awslogs 262,118', () => {
  const line = 'x'.repeat(300 * 1024);
  assert.equal(splitEvent({ timestampMs: 5, message: line }, MAX_EVENT_BYTES).length, 1);
  const pieces = splitEvent({ timestampMs: 5, message: line }, AWSLOGS_MAX_EVENT_BYTES);
  assert.deepEqual(pieces.map((p) => p.bytes), [262_118, 300 * 1024 - 262_118]);
});

test('a 3 MiB line of multibyte characters splits into pieces within 1 MiB − 26, all with the same timestamp', () => {
  const line = '\u20ac'.repeat(1024 * 1024); // 3 MiB of 3-byte characters
  const pieces = splitEvent({ timestampMs: 42, message: line }, MAX_EVENT_BYTES);
  assert.equal(pieces.length, 4);
  assert.ok(pieces.every((p) => p.bytes <= MAX_EVENT_BYTES && p.timestampMs === 42 && p.bytes % 3 === 0));
  assert.equal(pieces.map((p) => p.message).join(''), line);
});

test('an empty message stays a single empty event for the caller to drop', () => {
  assert.deepEqual(splitEvent({ timestampMs: 1, message: '' }, 100), [{ timestampMs: 1, message: '', bytes: 0 }]);
});

test('clamps the configured cap into [4, 1 MiB − 26]', () => {
  assert.equal(effectiveMaxEventBytes(10_000_000), MAX_EVENT_BYTES);
  assert.equal(effectiveMaxEventBytes(1), 4);
  assert.equal(effectiveMaxEventBytes(Number.NaN), MAX_EVENT_BYTES);
});

test('pieces carry their exact UTF-8 size and rebuild the message', () => {
  fc.assert(
    fc.property(wellFormed, fc.integer({ min: 4, max: 30 }), (message, cap) => {
      const pieces = splitEvent({ timestampMs: 7, message }, cap);
      assert.equal(pieces.map((p) => p.message).join(''), message);
      for (const p of pieces) assert.equal(p.bytes, Buffer.byteLength(p.message));
    }),
  );
});
