import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { renderOptionTable } from '../../src/options/option-table-markdown';

const README = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

test('the README options table lists every accepted log-opt exactly as the option table defines it', () => {
  assert.ok(README.includes(renderOptionTable()), 'README.md is out of date: paste the output of `node dist/options/print-option-table.js`');
});

test('the README test command is the one .ci/run runs', () => {
  const ci = fs.readFileSync(path.join(__dirname, '..', '..', '..', '.ci', 'run'), 'utf8');
  assert.match(README, /```sh\nmake test\n```/);
  assert.match(ci, /^make test$/m);
});
