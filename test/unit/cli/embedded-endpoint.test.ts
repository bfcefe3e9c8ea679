import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSummary, formatTailLine, TAIL_TAG } from '../../../src/cli/embedded-endpoint';

test('tail lines look like aws logs tail behind a tag that sets them apart from container output', () => {
  const line = formatTailLine('test-task-stream-1', { timestamp: Date.UTC(2026, 0, 2, 3, 4, 5, 6), message: 'line 1' });
  assert.equal(line, `${TAIL_TAG} 2026-01-02T03:04:05.006Z test-task-stream-1 line 1`);
});

test('the summary names events, bytes and batches with correct plurals', () => {
  assert.equal(formatSummary({ events: 50, bytes: 1_700, batches: 1 }), 'embedded endpoint received 50 events, 1700 bytes, in 1 batch');
  assert.equal(formatSummary({ events: 1, bytes: 30, batches: 2 }), 'embedded endpoint received 1 event, 30 bytes, in 2 batches');
});
