import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FaultController, parseFaultSpec } from '../../../src/local-endpoint/faults';

function controller(randoms: number[] = []) {
  let t = 1000;
  const c = new FaultController(() => t, () => randoms.shift() ?? 0);
  return { c, advance: (ms: number) => { t += ms; } };
}

describe('FaultController', () => {
  test('a fault with neither count nor duration fires exactly once', () => {
    const { c } = controller();
    c.throttle();
    assert.equal(c.decide('PutLogEvents').action, 'throttle');
    assert.equal(c.decide('PutLogEvents').action, undefined);
    assert.deepEqual(c.active(), []);
  });

  test('count bounds the number of firings', () => {
    const { c } = controller();
    c.serverError({ count: 2 });
    assert.deepEqual([1, 2, 3].map(() => c.decide('X').action), ['serverError', 'serverError', undefined]);
  });

  test('forMs bounds a fault in time', () => {
    const { c, advance } = controller();
    c.throttle({ forMs: 500 });
    assert.equal(c.decide('X').action, 'throttle');
    assert.equal(c.decide('X').action, 'throttle');
    advance(500);
    assert.equal(c.decide('X').action, undefined);
  });

  test('op limits a fault to one operation and leaves its count for it', () => {
    const { c } = controller();
    c.throttle({ op: 'PutLogEvents' });
    assert.equal(c.decide('CreateLogStream').action, undefined);
    assert.equal(c.decide('PutLogEvents').action, 'throttle');
  });

  test('a probability miss does not use up the count', () => {
    const { c } = controller([0.9, 0.1]);
    c.throttle({ probability: 0.5 });
    assert.equal(c.decide('X').action, undefined);
    assert.equal(c.decide('X').action, 'throttle');
    assert.equal(c.decide('X').action, undefined);
  });

  test('latency faults add up and combine with one action fault', () => {
    const { c } = controller();
    c.latency({ ms: 100 });
    c.latency({ ms: 50 });
    c.reset({ afterApply: true });
    assert.deepEqual(c.decide('X'), { delayMs: 150, action: 'reset', afterApply: true });
  });

  test('down wins over faults installed before it; others fire in installation order', () => {
    const { c } = controller();
    c.throttle({ count: 5 });
    c.serverError({ count: 5 });
    c.down({ count: 1 });
    assert.equal(c.decide('X').action, 'down');
    assert.equal(c.decide('X').action, 'throttle');
  });

  test('clear removes one fault by id or all of them', () => {
    const { c } = controller();
    const a = c.throttle({ count: 3 });
    c.serverError({ count: 3 });
    c.clear(a);
    assert.equal(c.decide('X').action, 'serverError');
    c.clear();
    assert.equal(c.decide('X').action, undefined);
  });

  test('installing a down fault notifies listeners (to close idle sockets)', () => {
    const { c } = controller();
    let calls = 0;
    const off = c.onDown(() => calls++);
    c.throttle();
    c.down({ forMs: 10 });
    off();
    c.down({ forMs: 10 });
    assert.equal(calls, 1);
  });

  test('invalid specs are refused', () => {
    const { c } = controller();
    assert.throws(() => c.throttle({ count: 0 }), TypeError);
    assert.throws(() => c.throttle({ probability: 1.5 }), TypeError);
    assert.throws(() => c.down({ forMs: -1 }), TypeError);
    assert.equal(parseFaultSpec({ kind: 'latency' }), 'latency needs ms >= 0');
    assert.equal(typeof parseFaultSpec({ kind: 'explode' }), 'string');
    assert.deepEqual(parseFaultSpec({ kind: 'reset', op: 'PutLogEvents', afterApply: true }), { kind: 'reset', op: 'PutLogEvents', afterApply: true });
  });
});
