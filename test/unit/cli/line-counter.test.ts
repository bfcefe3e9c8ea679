import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineCounter } from '../../../src/cli/line-counter';

const count = (...chunks: string[]): number => {
  const c = new LineCounter();
  for (const chunk of chunks) c.push(Buffer.from(chunk));
  return c.lines;
};

test('counts non-empty lines and skips empty ones, as the driver does', () => {
  assert.equal(count('a\n\nb\n'), 2);
  assert.equal(count('\n\n\n'), 0);
  assert.equal(count(' \n'), 1);
});

test('counts an unterminated non-empty tail, which Docker flushes at EOF', () => {
  assert.equal(count('a\nb'), 2);
  assert.equal(count(''), 0);
});

test('a line split across chunks counts once', () => {
  assert.equal(count('lo', 'ng li', 'ne\n', '\n'), 1);
  assert.equal(count('x', '\n', '\n', 'y'), 2);
});

test('chunking never changes the count', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'b', '\n', ' ')), fc.array(fc.nat(), { maxLength: 5 }), (chars, cuts) => {
      const text = chars.join('');
      const expected = text.split('\n').filter((l) => l.length > 0).length;
      const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
      const chunks: string[] = [];
      let start = 0;
      for (const p of points) {
        chunks.push(text.slice(start, p));
        start = p;
      }
      chunks.push(text.slice(start));
      assert.equal(count(...chunks), expected);
    }),
  );
});
