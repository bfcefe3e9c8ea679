import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { STRFTIME_TO_REGEX, strftimeToGoRegex } from '../../../src/options/strftime';
import { compileGoRegexp } from '../../../src/options/go-regexp';

const compile = (format: string): RegExp => compileGoRegexp(strftimeToGoRegex(format), 'awslogs-datetime-format', format);

describe('strftime table (moby strftimeToRegex)', () => {
  const expected: Record<string, string> = {
    '%a': '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)',
    '%A': '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)',
    '%w': '[0-6]',
    '%d': '(?:0[1-9]|[1,2][0-9]|3[0,1])',
    '%b': '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)',
    '%B': '(?:January|February|March|April|May|June|July|August|September|October|November|December)',
    '%m': '(?:0[1-9]|1[0-2])',
    '%Y': '\\d{4}',
    '%y': '\\d{2}',
    '%H': '(?:[0,1][0-9]|2[0-3])',
    '%I': '(?:0[0-9]|1[0-2])',
    '%p': '[A,P]M',
    '%M': '[0-5][0-9]',
    '%S': '[0-5][0-9]',
    '%f': '\\d{6}',
    '%z': '[+-]\\d{4}',
    '%Z': '[A-Z]{1,4}T',
    '%j': '(?:0[0-9][1-9]|[1,2][0-9][0-9]|3[0-5][0-9]|36[0-6])',
    '%L': '\\.\\d{3}',
  };
  test('has exactly the 19 awslogs entries', () => assert.deepEqual({ ...STRFTIME_TO_REGEX }, expected));
  for (const [seq, re] of Object.entries(expected)) {
    test(`converts ${seq} to ${re}`, () => assert.equal(strftimeToGoRegex(`x${seq}y`), `x${re}y`));
  }
});

describe('strftime quirks kept for awslogs compatibility', () => {
  test('drops unknown sequences such as %F, %T, %e, %k and %%', () => {
    assert.equal(strftimeToGoRegex('%F|%T|%e|%k|%%'), '||||');
  });
  test('replaces % followed by a multibyte character as one sequence', () => {
    assert.equal(strftimeToGoRegex('a%éb'), 'ab');
  });
  test('keeps a trailing % and a % before a newline, as Go %. does', () => {
    assert.equal(strftimeToGoRegex('50%'), '50%');
    assert.equal(strftimeToGoRegex('%\n'), '%\n');
  });
  test('passes other characters through as regex, so an unescaped . matches anything', () => {
    const re = compile('%H.%M');
    assert.ok(re.test('12x34'));
  });
  test('matches a comma where the table has [1,2] or [0,1]', () => {
    assert.ok(compile('^%d$').test(',5'));
    assert.ok(compile('^%H$').test(',9'));
    assert.ok(compile('^%p$').test(',M'));
  });
  test('cannot match day-of-year 010 with %j, accepts hour 00 with %I, and needs a T for %Z', () => {
    assert.ok(!compile('^%j$').test('010'));
    assert.ok(compile('^%j$').test('011'));
    assert.ok(compile('^%I$').test('00'));
    assert.ok(compile('^%Z$').test('PDT'));
    assert.ok(!compile('^%Z$').test('UTC'));
    assert.ok(compile('%Z').test('UTC'), 'unanchored, "UT" matches');
    assert.ok(!compile('%Z').test('Z'));
  });
  test('is unanchored: a date anywhere in the line matches', () => {
    assert.ok(compile('%Y-%m-%d').test('message logged on 2026-11-28 by x'));
  });
  test('matches the docs example with escaped brackets', () => {
    const re = compile('\\[%b %d, %Y %H:%M:%S\\]');
    assert.ok(re.test('[Nov 28, 2026 19:06:41] GET /'));
    assert.ok(!re.test('[nov 28, 2026 19:06:41] GET /'));
  });
  test('matches milliseconds, offsets and microseconds', () => {
    assert.ok(compile('^%H:%M:%S%L %z').test('19:06:41.123 +0100'));
    assert.ok(compile('^%S.%f$').test('41.123456'));
  });
});
