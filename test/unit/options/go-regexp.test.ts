import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidOptionError } from '../../../src/errors';
import { compileGoRegexp, translateGoRegexp } from '../../../src/options/go-regexp';

const go = (p: string): RegExp => compileGoRegexp(p, 'awslogs-multiline-pattern');

describe('Go RE2 to JavaScript translation', () => {
  const cases: [string, string, string][] = [
    ['^\\d{4}-\\d{2}', '^\\d{4}-\\d{2}', 'u'],
    ['(?i)^error', '^error', 'ui'],
    ['(?s)a.b', 'a.b', 'us'],
    ['(?i)(?s)x', 'x', 'uis'],
    ['a.b', 'a[^\\n]b', 'u'],
    ['(?m)^a$', '(?<![^\\n])a(?![^\\n])', 'u'],
    ['(?P<year>\\d+)', '(?<year>\\d+)', 'u'],
    ['(?<year>\\d+)', '(?<year>\\d+)', 'u'],
    ['\\Aabc\\z', '^abc$', 'u'],
    ['\\Qa.b*\\E+', 'a\\.b\\*+', 'u'],
    ['[[:alpha:]]', '[\\u{41}-\\u{5A}\\u{61}-\\u{7A}]', 'u'],
    ['\\pL\\p{Greek}\\PL\\p{^Greek}', '\\p{L}\\p{Script=Greek}\\P{L}\\P{Script=Greek}', 'u'],
    ['\\x{1F600}\\x41', '\\u{1F600}\\u{41}', 'u'],
    ['\\s\\S', '[\\t\\n\\f\\r ][^\\t\\n\\f\\r ]', 'u'],
    ['[]a]', '[\\]a]', 'u'],
    ['a{,3}', 'a\\{,3\\}', 'u'],
    ['\\101\\a', '\\u{41}\\u{7}', 'u'],
    ['\\-\\#\\:', '-#:', 'u'],
    ['^*', '(?:^)*', 'u'],
    ['(?:ab)+(c+)?', '(?:ab)+(c+)?', 'u'],
  ];
  for (const [goSrc, js, flags] of cases) {
    test(`translates ${goSrc} to /${js}/${flags}`, () => assert.deepEqual(translateGoRegexp(goSrc), { source: js, flags }));
  }
});

describe('Go semantics of the translated pattern', () => {
  test('matches unanchored, like regexp.Match', () => assert.ok(go('ERROR').test('2026 ERROR boom')));
  test('applies a leading (?i) to the whole pattern', () => assert.ok(go('(?i)^error').test('Error: x')));
  test('does not let . match a newline without (?s), but does match \\r and U+2028', () => {
    assert.ok(!go('a.b').test('a\nb'));
    assert.ok(go('a.b').test('a\rb'));
    assert.ok(go('a.b').test('a\u2028b'));
    assert.ok(go('(?s)a.b').test('a\nb'));
  });
  test('ends (?m) lines only at \\n, not at \\r', () => {
    assert.ok(go('(?m)^b').test('a\nb'));
    assert.ok(!go('(?m)^b').test('a\rb'));
    assert.ok(go('(?m)a$').test('a\nb'));
  });
  test('keeps \\A and \\z at the text edges even with (?m)', () => {
    assert.ok(!go('(?m)\\Ab').test('a\nb'));
    assert.ok(go('(?m)\\Aa').test('a\nb'));
  });
  test('matches \\s as Go ASCII space only, not \\v or NBSP', () => {
    assert.ok(go('^\\s$').test('\t'));
    assert.ok(!go('^\\s$').test('\v'));
    assert.ok(!go('^\\s$').test('\u00a0'));
    assert.ok(go('^[\\S]$').test('\u00a0'));
  });
  test('expands POSIX classes, including negated ones inside a class', () => {
    assert.ok(go('^[[:digit:]]+$').test('123'));
    assert.ok(!go('^[[:digit:]]+$').test('12a'));
    assert.ok(go('^[[:^digit:]]$').test('é'));
    assert.ok(!go('^[^[:^digit:]]$').test('x'));
    assert.ok(go('^[[:punct:][:space:]]+$').test('!; ~'));
  });
  test('matches one astral character with . as Go matches one rune', () => assert.ok(go('^.$').test('😀')));
  test('matches Unicode classes and scripts', () => {
    assert.ok(go('^\\p{Greek}+$').test('αβγ'));
    assert.ok(!go('^\\pL$').test('1'));
  });
  test('treats a leading ] in a class as a literal', () => assert.ok(go('^[]x]$').test(']')));
  test('quotes \\Q…\\E text literally', () => {
    assert.ok(go('^\\Q[a.b]\\E$').test('[a.b]'));
    assert.ok(!go('^\\Q[a.b]\\E$').test('[axb]'));
  });
});

describe('patterns that cannot be honoured are rejected with the option and the pattern', () => {
  const rejects = (pattern: string, detail: string): void => {
    test(`rejects ${pattern}: ${detail}`, () => {
      assert.throws(
        () => go(pattern),
        (e: unknown) =>
          e instanceof InvalidOptionError &&
          e.option === 'awslogs-multiline-pattern' &&
          e.message.includes(`'awslogs-multiline-pattern'='${pattern}'`) &&
          e.message.includes(detail) &&
          e.message.includes('Go RE2'),
      );
    });
  };
  rejects('(?i:a)b', 'scoped flag group');
  rejects('a(?i)b', 'after the start');
  rejects('(?:x(?i)y)', 'after the start');
  rejects('(?U)a+', 'ungreedy');
  rejects('(a)\\1', 'backreference');
  rejects('(?P<n>a)(?P=n)', 'backreference');
  rejects('(?=a)', 'look-around');
  rejects('(?<!a)b', 'look-around');
  rejects('a{1001}', 'at most 1000');
  rejects('a{2,1001}', 'at most 1000');
  rejects('a{3,2}', 'max below min');
  rejects('(a+)+', 'exponential');
  rejects('(a|aa)*', 'exponential');
  rejects('(\\w+\\s?)*$', 'exponential');
  rejects('((ab)*c)+', 'exponential');
  rejects('(?:a*){2,}', 'exponential');
  rejects('a**', 'nested repetition');
  rejects('+a', 'missing argument to repetition operator');
  rejects('(a', 'missing closing )');
  rejects('a)', 'unexpected )');
  rejects('[a', 'missing closing ]');
  rejects('[z-a]', 'invalid character class range');
  rejects('[[:nope:]]', 'invalid character class range');
  rejects('\\Z', 'invalid escape sequence');
  rejects('\\x{110000}', 'invalid escape sequence');
  rejects('a\\', 'trailing backslash');
  rejects('(?P<1a>x)', 'starting with a digit');
  rejects('\\p{NotAScript}', 'is not valid');

  test('allows a bounded repeat of a group with a quantifier, such as (a+)? or (a+){1}', () => {
    assert.doesNotThrow(() => go('(a+)?'));
    assert.doesNotThrow(() => go('(a+){1}'));
  });

  test('names awslogs-datetime-format and its converted pattern when that option is the source', () => {
    assert.throws(
      () => compileGoRegexp('[\\d{4}', 'awslogs-datetime-format', '[%Y'),
      (e: unknown) => e instanceof InvalidOptionError && e.message.includes("'awslogs-datetime-format'='[%Y'") && e.message.includes('"[\\d{4}"'),
    );
  });
});
