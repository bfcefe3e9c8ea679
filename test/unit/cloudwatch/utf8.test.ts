import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { decodeUtf8GoStyle, splitUtf8, utf8Length } from '../../../src/cloudwatch/utf8';
import { isWellFormed, wellFormed } from './support/generators';

const FFFD = '\uFFFD';
const hex = (s: string): Buffer => Buffer.from(s.replace(/ /g, ''), 'hex');

describe('decodeUtf8GoStyle', () => {
  const cases: Array<[string, string, string]> = [
    ['a truncated 3-byte sequence', 'E2 82', FFFD + FFFD],
    ['a UTF-16 surrogate encoded in UTF-8', 'ED A0 80', FFFD.repeat(3)],
    ['an overlong NUL', 'C0 80', FFFD.repeat(2)],
    ['a truncated 4-byte sequence', 'F0 9F 98', FFFD.repeat(3)],
    ['a code point above U+10FFFF', 'F4 90 80 80', FFFD.repeat(4)],
    ['a lone continuation byte between ASCII', '61 80 62', `a${FFFD}b`],
    ['a byte that never appears in UTF-8', 'FF', FFFD],
    ['an overlong 3-byte sequence', 'E0 80 AF', FFFD.repeat(3)],
    ['a lead byte followed by ASCII', 'C3 41', `${FFFD}A`],
  ];
  for (const [what, bytes, expected] of cases) {
    test(`replaces each byte of ${what} with U+FFFD like Go`, () => {
      assert.equal(decodeUtf8GoStyle(hex(bytes)), expected);
    });
  }

  test('differs from WHATWG TextDecoder, which replaces a maximal subpart once', () => {
    const bytes = hex('E2 82');
    assert.equal(new TextDecoder().decode(bytes), FFFD);
    assert.equal(decodeUtf8GoStyle(bytes), FFFD + FFFD);
  });

  test('returns valid input unchanged, multibyte and astral characters included', () => {
    fc.assert(fc.property(wellFormed, (s) => decodeUtf8GoStyle(Buffer.from(s, 'utf8')) === s));
  });

  test('always yields a string whose UTF-8 encoding is valid and counts 3 bytes per replaced byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (arr) => {
        const buf = Buffer.from(arr);
        fc.pre(!buf.includes(hex('EF BF BD'))); // a genuine U+FFFD in the input would blur the count
        const out = decodeUtf8GoStyle(buf);
        const encoded = Buffer.from(out, 'utf8');
        assert.ok(isUtf8(encoded));
        const replaced = [...out].filter((c) => c === FFFD).length;
        assert.equal(encoded.length, buf.length + 2 * replaced);
        if (isUtf8(buf)) assert.equal(replaced, 0);
      }),
    );
  });
});

describe('splitUtf8', () => {
  test('returns the string whole when it fits', () => {
    assert.deepEqual(splitUtf8('h\u00e9llo', 6), ['h\u00e9llo']);
  });

  test('never cuts a 4-byte character placed exactly at the split point', () => {
    const s = 'abc\u{1F600}def';
    const pieces = splitUtf8(s, 5);
    assert.deepEqual(pieces, ['abc', '\u{1F600}d', 'ef']);
  });

  test('never cuts a 3-byte character straddling the limit', () => {
    assert.deepEqual(splitUtf8('ab\u20ac\u20ac', 4), ['ab', '\u20ac', '\u20ac']);
  });

  test('refuses a limit below one code point', () => {
    assert.throws(() => splitUtf8('abc', 3), RangeError);
  });

  test('pieces are within the limit, well formed, non-empty, and concatenate to the input', () => {
    fc.assert(
      fc.property(wellFormed, fc.integer({ min: 4, max: 40 }), (s, max) => {
        const pieces = splitUtf8(s, max);
        assert.equal(pieces.join(''), s);
        for (const p of pieces) {
          assert.ok(utf8Length(p) <= max);
          assert.ok(isWellFormed(p));
          if (s.length > 0) assert.ok(p.length > 0);
        }
        // Greedy: every piece but the last is too full to take the next code point.
        for (let i = 0; i + 1 < pieces.length; i++) {
          const next = String.fromCodePoint(pieces[i + 1].codePointAt(0)!);
          assert.ok(utf8Length(pieces[i]) + utf8Length(next) > max);
        }
      }),
    );
  });
});
