import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidOptionError } from '../../../src/errors';
import { parseDriverOptions } from '../../../src/options/parse-options';
import { INVALID_OPTION_CASES } from '../../support/invalid-option-cases';
import { containerInfo } from './container-info-fixture';

describe('invalid log-opt configurations', () => {
  test('the table holds at least 35 cases with distinct names', () => {
    assert.ok(INVALID_OPTION_CASES.length >= 35, `only ${INVALID_OPTION_CASES.length} cases`);
    assert.equal(new Set(INVALID_OPTION_CASES.map((c) => c.name)).size, INVALID_OPTION_CASES.length);
  });

  for (const c of INVALID_OPTION_CASES) {
    test(`rejects ${c.name}, naming the option, the value and the expectation`, () => {
      assert.throws(
        () => parseDriverOptions(containerInfo(c.opts), {}, 'host'),
        (e: unknown) => {
          assert.ok(e instanceof InvalidOptionError, `not an InvalidOptionError: ${String(e)}`);
          assert.equal(e.code, 'DCW_INVALID_OPTION');
          assert.equal(e.option, c.option);
          for (const s of c.mustMention) assert.ok(e.message.includes(s), `message ${JSON.stringify(e.message)} lacks ${JSON.stringify(s)}`);
          return true;
        },
      );
    });
  }
});
