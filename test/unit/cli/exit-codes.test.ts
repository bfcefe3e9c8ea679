import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXIT_CODES, EXIT_CODE_HELP, type ExitCodeName } from '../../../src/cli/exit-codes';

const names = Object.keys(EXIT_CODES) as ExitCodeName[];

test('every error class has its own exit code', () => {
  const codes = names.map((n) => EXIT_CODES[n]);
  assert.equal(new Set(codes).size, codes.length);
});

test("the launcher's own failures stay clear of shell and docker run codes", () => {
  const reserved = new Set([0, 1, 2, 125, 126, 127, 128, 129, 130, 137, 143]);
  for (const name of names) {
    if (name === 'interrupted' || name === 'terminated') continue;
    assert.ok(!reserved.has(EXIT_CODES[name]), `${name}=${EXIT_CODES[name]} collides`);
    assert.ok(EXIT_CODES[name] >= 64 && EXIT_CODES[name] <= 78, `${name} is outside the sysexits range`);
  }
});

test('interrupt codes follow the shell convention 128 + signal number', () => {
  assert.equal(EXIT_CODES.interrupted, 128 + 2);
  assert.equal(EXIT_CODES.terminated, 128 + 15);
});

test('every code has a help line', () => {
  for (const name of names) assert.ok(EXIT_CODE_HELP[name].length > 0, name);
});
