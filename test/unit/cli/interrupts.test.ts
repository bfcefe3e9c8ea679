import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Interrupts, interruptAction, interruptExitCode, type InterruptSignal } from '../../../src/cli/interrupts';

test('the first signal is graceful and any later one forces', () => {
  assert.equal(interruptAction(0), 'graceful');
  assert.equal(interruptAction(1), 'force');
  assert.equal(interruptAction(5), 'force');
});

test('exit codes are 130 for SIGINT and 143 for SIGTERM', () => {
  assert.equal(interruptExitCode('SIGINT'), 130);
  assert.equal(interruptExitCode('SIGTERM'), 143);
});

test('the first signal decides the exit code; a second one calls the force handler', () => {
  const calls: string[] = [];
  const interrupts = new Interrupts({
    onGraceful: (s: InterruptSignal) => calls.push(`graceful:${s}`),
    onForce: (s: InterruptSignal) => calls.push(`force:${s}`),
  });
  interrupts.receive('SIGTERM');
  interrupts.receive('SIGINT');
  assert.deepEqual(calls, ['graceful:SIGTERM', 'force:SIGINT']);
  assert.equal(interrupts.signal, 'SIGTERM');
});

test('installed handlers receive real process signals and are removed on dispose', async () => {
  const seen: InterruptSignal[] = [];
  const before = process.listenerCount('SIGTERM');
  const interrupts = new Interrupts({ onGraceful: (s) => seen.push(s), onForce: (s) => seen.push(s) }).install();
  process.kill(process.pid, 'SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 50));
  interrupts.dispose();
  assert.deepEqual(seen, ['SIGTERM']);
  assert.equal(process.listenerCount('SIGTERM'), before);
});
