import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesFilter, parseFilterPattern } from '../../../src/local-endpoint/filter-pattern';
import { decodeOffset, decodePosition, encodePosition, lowerBound, pageOf } from '../../../src/local-endpoint/paging';

describe('parseFilterPattern', () => {
  test('a blank pattern matches everything', () => {
    const p = parseFilterPattern('  ');
    assert.ok(p.ok);
    assert.equal(matchesFilter(p.terms, 'anything'), true);
  });

  test('terms are ANDed substrings and case-sensitive', () => {
    const p = parseFilterPattern('ERROR db');
    assert.ok(p.ok);
    assert.equal(matchesFilter(p.terms, 'ERROR: db down'), true);
    assert.equal(matchesFilter(p.terms, 'ERROR: cache down'), false);
    assert.equal(matchesFilter(p.terms, 'error: db down'), false);
  });

  test('a quoted phrase is one term with its spaces', () => {
    const p = parseFilterPattern('"connection reset" peer');
    assert.ok(p.ok);
    assert.deepEqual(p.terms, ['connection reset', 'peer']);
  });

  test('unsupported syntax is refused instead of silently mismatched', () => {
    for (const pat of ['{ $.level = "error" }', '[ip, user]', '?ERROR ?WARN', 'ERROR -debug', 'a"b']) {
      assert.equal(parseFilterPattern(pat).ok, false, pat);
    }
  });
});

describe('paging helpers', () => {
  test('GetLogEvents tokens round-trip and reject garbage', () => {
    assert.deepEqual(decodePosition(encodePosition('f', 42)), { dir: 'f', pos: 42 });
    assert.deepEqual(decodePosition(encodePosition('b', 0)), { dir: 'b', pos: 0 });
    assert.equal(decodePosition('x/1/s'), undefined);
    assert.equal(decodeOffset('garbage'), undefined);
  });

  test('pageOf returns a token only while items remain', () => {
    const first = pageOf([1, 2, 3, 4, 5], 2, undefined)!;
    assert.deepEqual(first.items, [1, 2]);
    const second = pageOf([1, 2, 3, 4, 5], 2, first.nextToken)!;
    const third = pageOf([1, 2, 3, 4, 5], 2, second.nextToken)!;
    assert.deepEqual([second.items, third.items, third.nextToken], [[3, 4], [5], undefined]);
  });

  test('lowerBound finds the first timestamp at or after t', () => {
    const ev = [1, 2, 2, 5].map((timestamp) => ({ timestamp }));
    assert.deepEqual([0, 2, 3, 6].map((t) => lowerBound(ev, t)), [0, 1, 3, 4]);
  });
});
