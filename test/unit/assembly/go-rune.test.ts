import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { INCOMPLETE, INVALID, runeWidthAt } from '../../../src/assembly/go-rune';

function width(hex: string, end?: number): number {
  const bytes = Buffer.from(hex.replace(/ /g, ''), 'hex');
  return runeWidthAt(bytes, 0, end ?? bytes.length);
}

describe('runeWidthAt (Go utf8.DecodeRune rules)', () => {
  test('gives the width of valid 1- to 4-byte sequences', () => {
    assert.equal(width('41'), 1);
    assert.equal(width('c3 a9'), 2); // é
    assert.equal(width('e2 82 ac'), 3); // €
    assert.equal(width('f0 9f 98 80'), 4); // 😀
    assert.equal(width('f4 8f bf bf'), 4); // U+10FFFF
  });

  test('marks overlongs, surrogates, stray continuation bytes and values above U+10FFFF invalid', () => {
    for (const hex of ['c0 80', 'c1 bf', 'e0 80 80', 'ed a0 80', 'f0 80 80 80', 'f4 90 80 80', 'f5 80 80 80', '80', 'ff', 'c3 41']) {
      assert.equal(width(hex), INVALID, hex);
    }
  });

  test('reports a valid prefix cut by the window end as incomplete, and a bad one as invalid', () => {
    assert.equal(width('f0 9f 98 80', 3), INCOMPLETE);
    assert.equal(width('e2 82', 2), INCOMPLETE);
    assert.equal(width('e0 80', 2), INVALID); // already overlong, no completion can fix it
  });
});
