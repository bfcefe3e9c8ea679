import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MultilineGrouper } from '../../../src/assembly/multiline';
import type { AssembledLine, LogEvent } from '../../../src/pipeline-types';

const MAX = 1_048_550;
const INTERVAL = 5_000;

function line(text: string, timestampMs = 1_000): AssembledLine {
  return { source: 'stdout', timestampMs, text };
}

function pushAll(grouper: MultilineGrouper, texts: string[], timestampMs = 1_000): LogEvent[] {
  return texts.flatMap((text, i) => grouper.push(line(text, timestampMs + i), timestampMs + i));
}

function messages(events: LogEvent[]): string[] {
  return events.map((e) => e.message);
}

describe('MultilineGrouper without a pattern', () => {
  test('makes one event per line, keeping empty lines for the sender to count', () => {
    const grouper = new MultilineGrouper(undefined, MAX, INTERVAL);
    const events = pushAll(grouper, ['a', '', '  indented']);
    assert.deepEqual(events, [
      { timestampMs: 1_000, message: 'a' },
      { timestampMs: 1_001, message: '' },
      { timestampMs: 1_002, message: '  indented' },
    ]);
    assert.deepEqual(grouper.flushAll(), []);
    assert.deepEqual(grouper.flushExpired(1e12), []);
  });
});

describe('MultilineGrouper with a pattern (awslogs-options.md §4)', () => {
  test('groups a Java stack trace under the line that starts it', () => {
    const grouper = new MultilineGrouper(/^[^\s]/, MAX, INTERVAL);
    const events = pushAll(grouper, [
      'Exception in thread "main" java.lang.IllegalStateException: boom',
      '\tat com.example.App.run(App.java:42)',
      '\tat com.example.App.main(App.java:7)',
      'INFO next message',
    ]);
    assert.deepEqual(events, [
      {
        timestampMs: 1_000,
        message:
          'Exception in thread "main" java.lang.IllegalStateException: boom\n' +
          '\tat com.example.App.run(App.java:42)\n' +
          '\tat com.example.App.main(App.java:7)\n',
      },
    ]);
    assert.deepEqual(grouper.flushAll(), [{ timestampMs: 1_003, message: 'INFO next message\n' }]);
  });

  test('starts events at lines carrying a date with a datetime-format pattern, unanchored like Go', () => {
    // awslogs-datetime-format "%Y-%m-%d %H:%M:%S" converted by the strftime table.
    const pattern = /\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[1,2][0-9]|3[0,1]) (?:[0,1][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]/;
    const grouper = new MultilineGrouper(pattern, MAX, INTERVAL);
    const events = pushAll(grouper, [
      '2024-05-01 10:00:00 ERROR request failed',
      'java.lang.RuntimeException: x',
      'Caused by: java.io.IOException: y',
      '[worker] 2024-05-01 10:00:01 INFO a date mid-line also starts an event',
      'continued',
    ]);
    assert.deepEqual(messages(events), [
      '2024-05-01 10:00:00 ERROR request failed\njava.lang.RuntimeException: x\nCaused by: java.io.IOException: y\n',
    ]);
    assert.deepEqual(messages(grouper.flushAll()), [
      '[worker] 2024-05-01 10:00:01 INFO a date mid-line also starts an event\ncontinued\n',
    ]);
  });

  test('keeps blank lines inside an event as newlines', () => {
    const grouper = new MultilineGrouper(/^START/, MAX, INTERVAL);
    pushAll(grouper, ['START one', '', 'body', '']);
    assert.deepEqual(messages(grouper.flushAll()), ['START one\n\nbody\n\n']);
  });

  test('makes a non-matching first line an event of its own, so a lone blank line becomes "\\n"', () => {
    const grouper = new MultilineGrouper(/^START/, MAX, INTERVAL);
    assert.deepEqual(messages(pushAll(grouper, ['', 'START'])), ['\n']);
  });

  test('takes the timestamp of the first line of each event', () => {
    const grouper = new MultilineGrouper(/^S/, MAX, INTERVAL);
    const events = [...pushAll(grouper, ['S1', 'x', 'S2', 'y'], 500), ...grouper.flushAll()];
    assert.deepEqual(events.map((e) => e.timestampMs), [500, 502]);
  });

  test('starts a new event before the line that would push it past the maximum size, counting UTF-8 bytes', () => {
    const grouper = new MultilineGrouper(/^START/, 20, INTERVAL);
    // 'é' is 2 bytes: "STARTé\n" = 8 bytes, "ééééé\n" = 11 bytes → 19; one more "a\n" makes 21 > 20.
    const events = pushAll(grouper, ['STARTé', 'ééééé', 'a', 'b']);
    assert.deepEqual(messages(events), ['STARTé\nééééé\n']);
    assert.deepEqual(messages(grouper.flushAll()), ['a\nb\n']);
  });

  test('fills an event to exactly the maximum size, newline included', () => {
    const grouper = new MultilineGrouper(/^START/, 12, INTERVAL);
    const events = pushAll(grouper, ['START', 'abcde', 'x']); // 6 + 6 = 12
    assert.deepEqual(messages(events), ['START\nabcde\n']);
    assert.ok(Buffer.byteLength(events[0].message) <= 12);
  });

  test('appends no newline to a line that alone is the maximum size', () => {
    const grouper = new MultilineGrouper(/^START/, 10, INTERVAL);
    const events = pushAll(grouper, ['START', '0123456789', 'after']);
    assert.deepEqual(messages(events), ['START\n', '0123456789']);
    assert.deepEqual(messages(grouper.flushAll()), ['after\n']);
  });

  test('matches every time with a global or sticky pattern, whose lastIndex would otherwise skip matches', () => {
    const grouper = new MultilineGrouper(/START/gy, MAX, INTERVAL);
    const events = pushAll(grouper, ['START a', 'START b', 'START c']);
    assert.deepEqual(messages(events), ['START a\n', 'START b\n']);
  });
});

describe('MultilineGrouper age flush', () => {
  test('flushes an event once no line arrived for the flush interval', () => {
    const grouper = new MultilineGrouper(/^S/, MAX, INTERVAL);
    grouper.push(line('S trace'), 10_000);
    grouper.push(line('  at x'), 11_000);
    assert.deepEqual(grouper.flushExpired(15_999), []);
    assert.equal(grouper.holding, true);
    assert.deepEqual(grouper.flushExpired(16_000), [{ timestampMs: 1_000, message: 'S trace\n  at x\n' }]);
    assert.equal(grouper.holding, false);
    assert.deepEqual(grouper.flushExpired(100_000), []);
  });

  test('flushes an event that keeps growing once it is twice the flush interval old', () => {
    const grouper = new MultilineGrouper(/^S/, MAX, INTERVAL);
    grouper.push(line('S start'), 0);
    for (let t = 1_000; t < 10_000; t += 1_000) grouper.push(line(`  more ${t}`), t);
    assert.deepEqual(grouper.flushExpired(9_999), []);
    const [event] = grouper.flushExpired(10_000);
    assert.ok(event.message.startsWith('S start\n  more 1000\n'));
    assert.ok(event.message.endsWith('  more 9000\n'));
  });

  test('flushes when the clock went backwards', () => {
    const grouper = new MultilineGrouper(/^S/, MAX, INTERVAL);
    grouper.push(line('S'), 50_000);
    assert.deepEqual(messages(grouper.flushExpired(49_000)), ['S\n']);
  });

  test('starts the next event with its own timestamp after an age flush', () => {
    const grouper = new MultilineGrouper(/^S/, MAX, INTERVAL);
    grouper.push(line('S first', 100), 100);
    grouper.flushExpired(10_000);
    grouper.push(line('late continuation', 20_000), 20_000);
    assert.deepEqual(grouper.flushAll(), [{ timestampMs: 20_000, message: 'late continuation\n' }]);
  });

  test('flushes what it holds at close, and nothing when it holds nothing', () => {
    const grouper = new MultilineGrouper(/^S/, MAX, INTERVAL);
    assert.deepEqual(grouper.flushAll(), []);
    pushAll(grouper, ['S a', 'b']);
    assert.deepEqual(messages(grouper.flushAll()), ['S a\nb\n']);
    assert.deepEqual(grouper.flushAll(), []);
  });
});

describe('MultilineGrouper properties', () => {
  test('loses and reorders nothing, and keeps every event within the maximum size', () => {
    const lineArb = fc.oneof(fc.constant(''), fc.string({ maxLength: 12 }), fc.string({ maxLength: 6 }).map((s) => `S${s}`));
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), fc.integer({ min: 14, max: 60 }), (texts, max) => {
        const grouper = new MultilineGrouper(/^S/, max, INTERVAL);
        const events = [...pushAll(grouper, texts), ...grouper.flushAll()];
        assert.equal(messages(events).join(''), texts.map((t) => `${t}\n`).join(''));
        assert.ok(events.every((e) => Buffer.byteLength(e.message) <= max));
      }),
    );
  });
});
