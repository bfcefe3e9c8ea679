import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CredentialsProfile, newProfileName } from '../../../src/cli/credentials-profile';
import { profileNames } from '../../../src/cli/credentials-ini';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'dcw-cred-'));
}

test('writes the profile into <dir>/credentials with mode 0600, even over a wider existing file', () => {
  const dir = tempDir();
  const file = path.join(dir, 'credentials');
  fs.writeFileSync(file, '[default]\naws_access_key_id = X\n', { mode: 0o644 });
  fs.chmodSync(file, 0o644);
  const profile = CredentialsProfile.write(dir, { accessKeyId: 'AKID', secretAccessKey: 'secret' });
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  assert.deepEqual(profileNames(fs.readFileSync(file, 'utf8')), ['default', profile.name]);
  fs.rmSync(dir, { recursive: true });
});

test('removal leaves the other profiles, is idempotent and leaves no temp or lock files', () => {
  const dir = tempDir();
  const file = path.join(dir, 'credentials');
  const first = CredentialsProfile.write(dir, { accessKeyId: 'A1', secretAccessKey: 's1' });
  const second = CredentialsProfile.write(dir, { accessKeyId: 'A2', secretAccessKey: 's2' });
  first.remove();
  first.remove();
  const text = fs.readFileSync(file, 'utf8');
  assert.deepEqual(profileNames(text), [second.name]);
  assert.doesNotMatch(text, /A1|s1/);
  second.remove();
  assert.equal(fs.readFileSync(file, 'utf8'), '');
  assert.deepEqual(fs.readdirSync(dir), ['credentials']);
  fs.rmSync(dir, { recursive: true });
});

test('waits for another editor\'s lock and breaks a stale one', () => {
  const dir = tempDir();
  const lock = path.join(dir, 'credentials.lock');
  fs.writeFileSync(lock, '');
  const old = new Date(Date.now() - 60_000);
  fs.utimesSync(lock, old, old);
  const profile = CredentialsProfile.write(dir, { accessKeyId: 'A', secretAccessKey: 's' });
  assert.deepEqual(profileNames(fs.readFileSync(path.join(dir, 'credentials'), 'utf8')), [profile.name]);
  assert.equal(fs.existsSync(lock), false);
  fs.rmSync(dir, { recursive: true });
});

test('profile names are unique and recognisable', () => {
  const names = new Set(Array.from({ length: 100 }, newProfileName));
  assert.equal(names.size, 100);
  for (const name of names) assert.match(name, /^dcw-run-[0-9a-f]{12}$/);
});
