import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CommanderError } from 'commander';
import { buildProgram } from '../../../src/cli/main';
import { EXIT_CODES } from '../../../src/cli/exit-codes';
import { DEFAULT_COMMAND } from '../../../src/cli/run-options';

async function helpText(): Promise<string> {
  let out = '';
  const program = buildProgram(async () => assert.fail('run must not be called for --help'), {
    writeOut: (t) => (out += t),
    writeErr: (t) => (out += t),
  });
  await assert.rejects(program.parseAsync(['node', 'docker-cloudwatch', 'run', '--help']), (err: unknown) => {
    assert.ok(err instanceof CommanderError);
    assert.equal(err.exitCode, 0);
    return true;
  });
  return out.replace(/\s+/g, ' ');
}

test('run --help lists every flag with the issue\'s defaults', async () => {
  const help = await helpText();
  for (const flag of [
    '--docker-image', '--bash-command', '--aws-cloudwatch-group', '--aws-cloudwatch-stream', '--aws-access-key-id',
    '--aws-secret-access-key', '--aws-region', '--aws-endpoint', '--log-opt', '--pull', '--network', '--plugin',
    '--yes', '--stop-timeout', '--no-init',
  ]) {
    assert.ok(help.includes(flag), `missing ${flag}`);
  }
  assert.match(help, /default: "python"/);
  assert.match(help, /default: "test-task-group-1"/);
  assert.match(help, /default: "test-task-stream-1"/);
  assert.match(help, /Examples:/);
  assert.ok(help.includes(DEFAULT_COMMAND), 'the full default command is shown');
});

test('run --help lists every exit code', async () => {
  const help = await helpText();
  const section = help.slice(help.indexOf('Exit codes:'));
  for (const code of Object.values(EXIT_CODES)) assert.match(section, new RegExp(` ${code} [a-zA-Z]`), `code ${code}`);
});

test('an invalid --pull value is a commander usage error that never reaches run', async () => {
  const program = buildProgram(async () => assert.fail('run must not be called'), { writeOut: () => {}, writeErr: () => {} });
  await assert.rejects(program.parseAsync(['node', 'x', 'run', '--pull', 'sometimes']), CommanderError);
});
