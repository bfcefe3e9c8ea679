import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHRONOLOGICAL_ORDER_MESSAGE, SPAN_MESSAGE, checkPutLogEvents, classifyEvents, utf8Bytes, type PutStoreView,
} from '../../../src/local-endpoint/put-log-events';

const NOW = Date.UTC(2026, 0, 15, 12);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function view(opts: { group?: boolean; stream?: boolean; retention?: number | null } = {}): PutStoreView {
  return {
    group: (name) => (opts.group === false || name !== 'g' ? undefined : { retentionInDays: opts.retention ?? null }),
    hasStream: (g, s) => opts.stream !== false && g === 'g' && s === 's',
  };
}

const check = (events: unknown, v = view(), maxEventBytes = 1_048_576, extra: Record<string, unknown> = {}) =>
  checkPutLogEvents({ logGroupName: 'g', logStreamName: 's', logEvents: events, ...extra }, v, { now: NOW, maxEventBytes });

const ev = (timestamp: number, message = 'm') => ({ timestamp, message });

function errorOf(r: ReturnType<typeof check>): { type: string; message: string } {
  assert.equal(r.ok, false, 'expected the check to fail');
  return (r as { error: { type: string; message: string } }).error;
}

describe('checkPutLogEvents step 1: shape', () => {
  test('an empty event list is a validation error', () => {
    assert.equal(errorOf(check([])).message,
      "1 validation error detected: Value '[]' at 'logEvents' failed to satisfy constraint: Member must have length greater than or equal to 1");
  });

  test('an empty message names its 1-based index', () => {
    const e = errorOf(check([ev(NOW), ev(NOW, '')]));
    assert.equal(e.type, 'InvalidParameterException');
    assert.equal(e.message,
      "1 validation error detected: Value '' at 'logEvents.2.member.message' failed to satisfy constraint: Member must have length greater than or equal to 1");
  });

  test('missing members are reported as null, all at once', () => {
    const r = checkPutLogEvents({ logEvents: [{ message: 'x' }] }, view(), { now: NOW, maxEventBytes: 1_048_576 });
    assert.match(errorOf(r).message, /^3 validation errors detected: Value null at 'logGroupName'.*Value null at 'logStreamName'.*Value null at 'logEvents\.1\.member\.timestamp'/);
  });

  test('more than 10,000 events is a validation error; 10,000 is fine', () => {
    assert.match(errorOf(check(Array.from({ length: 10_001 }, () => ev(NOW)))).message, /Member must have length less than or equal to 10000/);
    assert.equal(check(Array.from({ length: 10_000 }, () => ev(NOW))).ok, true);
  });

  test('a negative timestamp is a validation error', () => {
    assert.match(errorOf(check([ev(-1)])).message, /Value '-1' at 'logEvents\.1\.member\.timestamp'.*greater than or equal to 0/);
  });

  test('a member of the wrong JSON type is a SerializationException', () => {
    assert.equal(errorOf(check([{ timestamp: 'now', message: 'x' }])).type, 'SerializationException');
    assert.equal(errorOf(check('nope')).type, 'SerializationException');
  });
});

describe('checkPutLogEvents step 2: existence', () => {
  test('a missing group and a missing stream have the service messages', () => {
    assert.deepEqual(errorOf(check([ev(NOW)], view({ group: false }))), {
      type: 'ResourceNotFoundException', message: 'The specified log group does not exist.', status: 400,
    });
    assert.equal(errorOf(check([ev(NOW)], view({ stream: false }))).message, 'The specified log stream does not exist.');
  });

  test('shape is checked before existence', () => {
    assert.equal(errorOf(check([ev(NOW, '')], view({ group: false }))).type, 'InvalidParameterException');
  });
});

describe('checkPutLogEvents step 3: sizes', () => {
  test('an event may have 1,048,550 bytes; one more byte is too large', () => {
    assert.equal(check([ev(NOW, 'a'.repeat(1_048_550))]).ok, true);
    assert.equal(errorOf(check([ev(NOW, 'a'.repeat(1_048_551))])).message, 'Log event too large: 1048577 bytes exceeds limit of 1048576');
  });

  test('the per-event limit is configurable (old 256 KB rule)', () => {
    assert.equal(check([ev(NOW, 'a'.repeat(262_118))], view(), 262_144).ok, true);
    assert.equal(errorOf(check([ev(NOW, 'a'.repeat(262_119))], view(), 262_144)).type, 'InvalidParameterException');
  });

  test('sizes count UTF-8 bytes: a 3-byte character counts 3', () => {
    assert.equal(errorOf(check([ev(NOW, '€'.repeat(349_517))])).message, 'Log event too large: 1048577 bytes exceeds limit of 1048576');
  });

  test('a batch of exactly 1,048,576 bytes passes and one byte more fails', () => {
    const n = 4;
    const each = 1_048_576 / n - 26;
    const fits = Array.from({ length: n }, () => ev(NOW, 'b'.repeat(each)));
    assert.equal(check(fits).ok, true);
    const over = [...fits.slice(0, 3), ev(NOW, 'b'.repeat(each + 1))];
    assert.equal(errorOf(check(over)).message, 'Upload too large: 1048577 bytes exceeds limit of 1048576');
  });

  test('existence is checked before size', () => {
    assert.equal(errorOf(check([ev(NOW, 'a'.repeat(1_048_551))], view({ stream: false }))).type, 'ResourceNotFoundException');
  });
});

describe('checkPutLogEvents step 4: chronological order', () => {
  test('equal timestamps are fine, a decrease fails the whole request', () => {
    assert.equal(check([ev(NOW), ev(NOW), ev(NOW + 1)]).ok, true);
    assert.equal(errorOf(check([ev(NOW), ev(NOW - 1)])).message, CHRONOLOGICAL_ORDER_MESSAGE);
  });

  test('size is checked before order', () => {
    assert.match(errorOf(check([ev(NOW), ev(NOW - 1, 'a'.repeat(1_048_551))])).message, /^Log event too large/);
  });

  test('order is checked before the too-old classification', () => {
    assert.equal(errorOf(check([ev(NOW), ev(NOW - 20 * DAY)])).message, CHRONOLOGICAL_ORDER_MESSAGE);
  });
});

describe('checkPutLogEvents step 5: too old, expired, too new', () => {
  test('indices: too old [0,i), too new [j,n), only the middle is accepted', () => {
    const r = check([ev(NOW - 15 * DAY, 'old'), ev(NOW - HOUR, 'a'), ev(NOW, 'b'), ev(NOW + 3 * HOUR, 'new')]);
    assert.equal(r.ok, true);
    if (!r.ok) return;
    assert.deepEqual(r.rejected, { tooOldLogEventEndIndex: 1, tooNewLogEventStartIndex: 3 });
    assert.deepEqual(r.accepted.map((e) => e.message), ['a', 'b']);
    assert.equal(r.count, 4);
  });

  test('expired uses the group retention and can coexist with too old', () => {
    const r = check([ev(NOW - 20 * DAY), ev(NOW - 2 * DAY), ev(NOW - HOUR)], view({ retention: 1 }));
    assert.ok(r.ok);
    assert.deepEqual(r.rejected, { tooOldLogEventEndIndex: 1, expiredLogEventEndIndex: 2 });
    assert.equal(r.accepted.length, 1);
  });

  test('boundaries: exactly 14 days old and exactly 2 hours ahead are accepted', () => {
    for (const t of [NOW - 14 * DAY, NOW + 2 * HOUR]) {
      const r = check([ev(t)]);
      assert.ok(r.ok);
      assert.equal(r.rejected, undefined);
    }
    assert.equal(classifyEvents([ev(NOW - 14 * DAY - 1)], NOW, null).rejected?.tooOldLogEventEndIndex, 1);
    assert.equal(classifyEvents([ev(NOW + 2 * HOUR + 1)], NOW, null).rejected?.tooNewLogEventStartIndex, 0);
  });

  test('a batch whose events are all rejected succeeds with nothing to store', () => {
    const r = check([ev(NOW + 5 * HOUR), ev(NOW + 6 * HOUR)]);
    assert.ok(r.ok);
    assert.deepEqual(r.rejected, { tooNewLogEventStartIndex: 0 });
    assert.deepEqual(r.accepted, []);
  });
});

describe('checkPutLogEvents step 6: 24 hour span', () => {
  test('valid events spanning exactly 24 h pass; more fails the whole request', () => {
    assert.equal(check([ev(NOW - DAY), ev(NOW)]).ok, true);
    assert.equal(errorOf(check([ev(NOW - DAY - 1), ev(NOW)])).message, SPAN_MESSAGE);
  });

  test('only events that survive step 5 count towards the span', () => {
    const r = check([ev(NOW - 20 * DAY), ev(NOW - HOUR), ev(NOW + 2 * HOUR)]);
    assert.ok(r.ok);
    assert.deepEqual(r.rejected, { tooOldLogEventEndIndex: 1 });
  });
});

describe('utf8Bytes', () => {
  test('counts a lone surrogate as U+FFFD (3 bytes) and an astral character as 4', () => {
    assert.equal(utf8Bytes('\ud800'), 3);
    assert.equal(utf8Bytes('😀'), 4);
    assert.equal(utf8Bytes('é'), 2);
  });
});
