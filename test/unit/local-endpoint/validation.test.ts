import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validationMessage } from '../../../src/local-endpoint/api-error';
import {
  isReservedGroupName, kmsKeyIdViolations, logGroupClassViolations, logGroupNameViolations, logStreamNameViolations,
  retentionViolations, tagsViolations,
} from '../../../src/local-endpoint/validation';

describe('validationMessage', () => {
  test('renders one violation in the AWS wording with a quoted value', () => {
    assert.equal(
      validationMessage([{ value: '', path: 'logEvents.1.member.message', constraint: 'Member must have length greater than or equal to 1' }]),
      "1 validation error detected: Value '' at 'logEvents.1.member.message' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  test('renders a missing member as null and joins several violations with "; "', () => {
    assert.equal(
      validationMessage([
        { value: null, path: 'logGroupName', constraint: 'Member must not be null' },
        { value: 'a:b', path: 'logStreamName', constraint: 'X' },
      ]),
      "2 validation errors detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null; " +
        "Value 'a:b' at 'logStreamName' failed to satisfy constraint: X",
    );
  });
});

describe('log group names', () => {
  test('accept every allowed character class', () => {
    assert.deepEqual(logGroupNameViolations('/ecs/my-app_v1.2#blue'), []);
  });

  test('accept 512 characters and refuse 513', () => {
    assert.deepEqual(logGroupNameViolations('a'.repeat(512)), []);
    assert.deepEqual(logGroupNameViolations('a'.repeat(513)).map((v) => v.constraint), ['Member must have length less than or equal to 512']);
  });

  test('refuse an empty name with both the length and the pattern rule', () => {
    assert.deepEqual(logGroupNameViolations('').map((v) => v.constraint), [
      'Member must have length greater than or equal to 1',
      'Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+',
    ]);
  });

  test('refuse spaces and colons by pattern', () => {
    assert.equal(logGroupNameViolations('my group').length, 1);
    assert.equal(logGroupNameViolations('a:b').length, 1);
  });

  test('report a missing required name as null', () => {
    assert.deepEqual(logGroupNameViolations(undefined), [{ value: null, path: 'logGroupName', constraint: 'Member must not be null' }]);
    assert.deepEqual(logGroupNameViolations(undefined, 'logGroupNamePrefix', false), []);
  });

  test('treat the aws/ prefix as reserved but not /aws/', () => {
    assert.equal(isReservedGroupName('aws/lambda/x'), true);
    assert.equal(isReservedGroupName('/aws/lambda/x'), false);
  });
});

describe('log stream names', () => {
  test('accept anything but ":" and "*", including spaces and slashes', () => {
    assert.deepEqual(logStreamNameViolations('web 1/abc'), []);
    assert.equal(logStreamNameViolations('busybox:latest')[0]!.constraint, 'Member must satisfy regular expression pattern: [^:*]*');
    assert.equal(logStreamNameViolations('a*').length, 1);
  });

  test('count length in characters, not UTF-16 units', () => {
    assert.deepEqual(logStreamNameViolations('😀'.repeat(512)), []);
    assert.equal(logStreamNameViolations('😀'.repeat(513)).length, 1);
  });
});

describe('CreateLogGroup members', () => {
  test('tags: 1 to 50 entries', () => {
    assert.deepEqual(tagsViolations({ team: 'core' }), []);
    assert.equal(tagsViolations({})[0]!.constraint, 'Member must have length greater than or equal to 1');
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    assert.equal(tagsViolations(many)[0]!.constraint, 'Member must have length less than or equal to 50');
  });

  test('tags: key length and characters, value length', () => {
    assert.match(tagsViolations({ ['k'.repeat(129)]: 'v' })[0]!.constraint, /^Map keys must satisfy constraint: \[Member must have length less than or equal to 128\]$/);
    assert.match(tagsViolations({ 'a!': 'v' })[0]!.constraint, /Map keys must satisfy constraint: \[Member must satisfy regular expression pattern/);
    assert.deepEqual(tagsViolations({ k: 'v'.repeat(256) }), []);
    assert.match(tagsViolations({ k: 'v'.repeat(257) })[0]!.constraint, /^Map value must satisfy constraint/);
    assert.deepEqual(tagsViolations({ 'Ünïcode key': 'a b:c/d=e+f-g@h' }), []);
  });

  test('logGroupClass is one of STANDARD, INFREQUENT_ACCESS, DELIVERY', () => {
    assert.deepEqual(logGroupClassViolations('INFREQUENT_ACCESS'), []);
    assert.equal(logGroupClassViolations('COLD')[0]!.constraint, 'Member must satisfy enum value set: [STANDARD, INFREQUENT_ACCESS, DELIVERY]');
  });

  test('kmsKeyId is at most 256 characters', () => {
    assert.deepEqual(kmsKeyIdViolations('k'.repeat(256)), []);
    assert.equal(kmsKeyIdViolations('k'.repeat(257)).length, 1);
  });
});

describe('retentionInDays', () => {
  test('accepts the documented values only', () => {
    for (const d of [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]) {
      assert.deepEqual(retentionViolations(d), [], `retention ${d}`);
    }
    for (const d of [0, 2, 4, 31, 3650]) assert.equal(retentionViolations(d).length, 1, `retention ${d}`);
  });

  test('is required', () => {
    assert.equal(retentionViolations(undefined)[0]!.value, null);
  });
});
