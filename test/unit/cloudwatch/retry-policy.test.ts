import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { backoffDelayMs, classifyError, DEFAULT_BACKOFF, type ErrorClass } from '../../../src/cloudwatch/retry-policy';
import { GroupMissingError } from '../../../src/cloudwatch/resource-cache';

function sdkError(name: string, status?: number): Error {
  return Object.assign(new Error('any text: the classifier must not read it'), { name, $metadata: { httpStatusCode: status } });
}
function nodeError(code: string): Error {
  return Object.assign(new Error('socket hang up'), { code });
}

describe('classifyError', () => {
  const table: Array<[string, unknown, ErrorClass]> = [
    ['ThrottlingException', sdkError('ThrottlingException', 400), 'throttled'],
    ['HTTP 429 with an unknown name', sdkError('Whatever', 429), 'throttled'],
    ['ServiceUnavailableException', sdkError('ServiceUnavailableException', 500), 'transient'],
    ['InternalFailure', sdkError('InternalFailure', 500), 'transient'],
    ['a bare 503', sdkError('Unknown', 503), 'transient'],
    ['SDK TimeoutError', sdkError('TimeoutError'), 'transient'],
    ['OperationAbortedException', sdkError('OperationAbortedException', 400), 'transient'],
    ['ECONNRESET', nodeError('ECONNRESET'), 'transient'],
    ['ECONNREFUSED', nodeError('ECONNREFUSED'), 'transient'],
    ['EPIPE', nodeError('EPIPE'), 'transient'],
    ['ETIMEDOUT', nodeError('ETIMEDOUT'), 'transient'],
    ['an undici error', nodeError('UND_ERR_SOCKET'), 'transient'],
    ['AbortError from a per-call timeout', sdkError('AbortError'), 'transient'],
    ['ResourceNotFoundException', sdkError('ResourceNotFoundException', 400), 'not-found'],
    ['ResourceAlreadyExistsException', sdkError('ResourceAlreadyExistsException', 400), 'already-exists'],
    ['DataAlreadyAcceptedException', sdkError('DataAlreadyAcceptedException', 400), 'already-accepted'],
    ['InvalidParameterException', sdkError('InvalidParameterException', 400), 'invalid-parameter'],
    ['RequestEntityTooLarge 413', sdkError('Unknown', 413), 'invalid-parameter'],
    ['UnrecognizedClientException', sdkError('UnrecognizedClientException', 400), 'credentials'],
    ['ExpiredTokenException', sdkError('ExpiredTokenException', 403), 'credentials'],
    ['AccessDeniedException', sdkError('AccessDeniedException', 400), 'credentials'],
    ['IncompleteSignature', sdkError('IncompleteSignature', 403), 'credentials'],
    ['InvalidSignatureException', sdkError('InvalidSignatureException', 403), 'credentials'],
    ['CredentialsProviderError', sdkError('CredentialsProviderError'), 'credentials'],
    ['LimitExceededException', sdkError('LimitExceededException', 400), 'limit-exceeded'],
    ['an unknown 4xx', sdkError('SomethingNew', 400), 'fatal'],
    ['our own configuration error', new GroupMissingError('g'), 'fatal'],
    ['a TypeError (programming error)', new TypeError('x'), 'fatal'],
  ];
  for (const [what, err, expected] of table) {
    test(`classifies ${what} as ${expected}`, () => assert.equal(classifyError(err), expected));
  }

  test('an AbortError fired by our own close deadline is "aborted"', () => {
    assert.equal(classifyError(sdkError('AbortError'), true), 'aborted');
  });

  test('ignores the message text entirely', () => {
    const err = Object.assign(new Error('Rate exceeded'), { name: 'InvalidParameterException', $metadata: { httpStatusCode: 400 } });
    assert.equal(classifyError(err), 'invalid-parameter');
  });
});

describe('backoffDelayMs', () => {
  test('stays in [0, min(cap, base·2^attempt)) for any random value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.constantFrom<ErrorClass>('throttled', 'transient'), (attempt, r, cls) => {
        const base = cls === 'throttled' ? DEFAULT_BACKOFF.throttleBaseMs : DEFAULT_BACKOFF.transientBaseMs;
        const d = backoffDelayMs(attempt, cls, () => r);
        assert.ok(d >= 0 && d < Math.min(DEFAULT_BACKOFF.capMs, base * 2 ** attempt));
      }),
    );
  });

  test('throttling starts slower than transient errors and both reach the cap', () => {
    assert.equal(backoffDelayMs(0, 'transient', () => 0.999), 199);
    assert.equal(backoffDelayMs(0, 'throttled', () => 0.999), 999);
    assert.equal(backoffDelayMs(20, 'transient', () => 0.999), 9_990);
  });
});
