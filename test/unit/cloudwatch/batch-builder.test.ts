import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildBatch } from '../../../src/cloudwatch/batch-builder';
import { splitEvent, type SizedEvent } from '../../../src/cloudwatch/event-size';
import { MAX_AGE_MS, MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_BATCH_SPAN_MS, MAX_FUTURE_MS, PER_EVENT_OVERHEAD_BYTES } from '../../../src/cloudwatch/limits';
import { codePoint } from './support/generators';

const HOUR = 3_600_000;

/** Tagged events so that identity survives the trip: `#<index>|` prefix, then random (possibly multibyte) text. */
function tagged(timestamps: number[], bodies: string[]): SizedEvent[] {
  return timestamps.map((t, i) => {
    const message = bodies[i] === '' && i % 3 === 0 ? '' : `#${i}|${bodies[i]}`;
    return { timestampMs: t, message, bytes: Buffer.byteLength(message) };
  });
}

const inputs = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 60 * HOUR }), fc.array(codePoint, { maxLength: 30 }).map((a) => a.join(''))), { maxLength: 300 })
  .map((pairs) => tagged(pairs.map((p) => p[0]), pairs.map((p) => p[1])));

/** Drain the whole queue with small limits so every rule is exercised often. */
function drain(events: SizedEvent[], limits: { maxEvents: number; maxBytes: number; maxSpanMs: number }) {
  const batches: SizedEvent[][] = [];
  let pending = events;
  let blanks = 0;
  for (let guard = 0; pending.length > 0; guard++) {
    assert.ok(guard <= events.length + 1, 'the builder must make progress');
    const built = buildBatch(pending, limits);
    blanks += built.dropped.blankLine;
    if (built.batch.length > 0) batches.push(built.batch);
    assert.equal(built.batchBytes, built.batch.reduce((n, e) => n + e.bytes + PER_EVENT_OVERHEAD_BYTES, 0));
    pending = built.remaining;
  }
  return { batches, blanks };
}

describe('buildBatch (property-based, every PutLogEvents rule)', () => {
  const limits = fc.record({
    maxEvents: fc.integer({ min: 1, max: 50 }),
    maxBytes: fc.integer({ min: 200, max: 3_000 }),
    maxSpanMs: fc.integer({ min: 0, max: 30 * HOUR }),
  });

  test('every batch respects the count, byte (26 per event) and span limits and holds no empty message', () => {
    fc.assert(
      fc.property(inputs, limits, (events, lim) => {
        for (const batch of drain(events, lim).batches) {
          assert.ok(batch.length >= 1 && batch.length <= lim.maxEvents);
          assert.ok(batch.reduce((n, e) => n + e.bytes + PER_EVENT_OVERHEAD_BYTES, 0) <= lim.maxBytes);
          assert.ok(batch[batch.length - 1].timestampMs - batch[0].timestampMs <= lim.maxSpanMs);
          assert.ok(batch.every((e) => e.message !== ''));
        }
      }),
    );
  });

  test('concatenating all batches gives exactly the non-empty input, stably sorted by timestamp', () => {
    fc.assert(
      fc.property(inputs, limits, (events, lim) => {
        const { batches, blanks } = drain(events, lim);
        const sent = batches.flat();
        const nonEmpty = events.filter((e) => e.message !== '');
        const expected = [...nonEmpty].sort((a, b) => a.timestampMs - b.timestampMs);
        assert.deepEqual(sent.map((e) => e.message), expected.map((e) => e.message));
        assert.equal(blanks, events.length - nonEmpty.length);
      }),
    );
  });

  test('with the real limits, batches of size-split events never exceed 10,000 events or 1,048,576 bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30_000 }), fc.integer({ min: 1, max: 400_000 }), fc.integer({ min: 4, max: 1_048_550 }), (n, size, cap) => {
        const events = splitEvent({ timestampMs: 1, message: 'y'.repeat(size) }, cap);
        const many = Array.from({ length: Math.min(n, 20_000) }, (_, i) => ({ ...events[i % events.length], timestampMs: i }));
        const { batch, batchBytes } = buildBatch(many);
        assert.ok(batch.length <= MAX_BATCH_EVENTS && batchBytes <= MAX_BATCH_BYTES);
        assert.ok(batch.every((e) => e.bytes <= cap));
      }),
      { numRuns: 30 },
    );
  });
});

describe('buildBatch (examples)', () => {
  const ev = (t: number, m: string): SizedEvent => ({ timestampMs: t, message: m, bytes: Buffer.byteLength(m) });

  test('takes the oldest events first, keeping queue order for equal timestamps', () => {
    const { batch, remaining } = buildBatch([ev(5, 'c'), ev(1, 'a'), ev(5, 'd'), ev(1, 'b')], { maxEvents: 3 });
    assert.deepEqual(batch.map((e) => e.message), ['a', 'b', 'c']);
    assert.deepEqual(remaining.map((e) => e.message), ['d']);
  });

  test('cuts the batch where it would span more than 24 hours', () => {
    const { batch, remaining } = buildBatch([ev(0, 'a'), ev(MAX_BATCH_SPAN_MS, 'b'), ev(MAX_BATCH_SPAN_MS + 1, 'c')]);
    assert.deepEqual(batch.map((e) => e.message), ['a', 'b']);
    assert.deepEqual(remaining.map((e) => e.message), ['c']);
  });

  test('stops before the event that would pass 1,048,576 bytes counting 26 per event', () => {
    const big = 'x'.repeat(524_262); // 524,262 + 26 = 524,288 = half of the batch limit
    const { batch, batchBytes } = buildBatch([ev(0, big), ev(0, big), ev(0, 'z')]);
    assert.equal(batch.length, 2);
    assert.equal(batchBytes, MAX_BATCH_BYTES);
  });

  test('drops and counts events outside the time window when given the current time', () => {
    const now = 100 * 86_400_000;
    const built = buildBatch([ev(now - MAX_AGE_MS - 1, 'old'), ev(now - 3 * 86_400_000, 'expired'), ev(now, 'ok'), ev(now + MAX_FUTURE_MS + 1, 'new'), ev(now, '')], {
      nowMs: now,
      retentionDays: 1,
    });
    assert.deepEqual(built.batch.map((e) => e.message), ['ok']);
    assert.deepEqual(built.dropped, { blankLine: 1, tooOld: 1, expired: 1, tooNew: 1 });
    assert.equal(built.droppedBytes, 3 + 7 + 3 + 4 * PER_EVENT_OVERHEAD_BYTES);
    assert.equal(built.remaining.length, 0);
  });

  test('an empty queue gives an empty batch', () => {
    assert.deepEqual(buildBatch([]).batch, []);
  });
});
