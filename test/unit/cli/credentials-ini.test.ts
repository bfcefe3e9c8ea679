import { test } from 'node:test';
import assert from 'node:assert/strict';
import { profileNames, removeProfile, upsertProfile } from '../../../src/cli/credentials-ini';

const existing = '[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s1\n\n[other] ; comment\nregion=x\n';

test('adds a profile after the existing ones, leaving them untouched', () => {
  const text = upsertProfile(existing, 'dcw-run-1', { accessKeyId: 'AKID', secretAccessKey: 'secret' });
  assert.ok(text.startsWith(existing));
  assert.deepEqual(profileNames(text), ['default', 'other', 'dcw-run-1']);
  assert.match(text, /\[dcw-run-1\]\naws_access_key_id = AKID\naws_secret_access_key = secret\n$/);
});

test('replaces a profile of the same name instead of duplicating it', () => {
  const once = upsertProfile(existing, 'p', { accessKeyId: 'A1', secretAccessKey: 's' });
  const twice = upsertProfile(once, 'p', { accessKeyId: 'A2', secretAccessKey: 's', sessionToken: 'tok' });
  assert.deepEqual(profileNames(twice), ['default', 'other', 'p']);
  assert.doesNotMatch(twice, /A1/);
  assert.match(twice, /aws_session_token = tok\n$/);
});

test('removing a profile restores the file it was added to', () => {
  const added = upsertProfile(existing, 'p', { accessKeyId: 'A', secretAccessKey: 's' });
  assert.equal(removeProfile(added, 'p'), existing);
  assert.equal(removeProfile(upsertProfile('', 'p', { accessKeyId: 'A', secretAccessKey: 's' }), 'p'), '');
});

test('removing takes out only the named section, wherever it is', () => {
  const text = '[a]\nk=1\n[b]\nk=2\n[c]\nk=3\n';
  assert.equal(removeProfile(text, 'b'), '[a]\nk=1\n[c]\nk=3\n');
  assert.equal(removeProfile(text, 'missing'), text);
});

test('refuses values with line breaks, which could inject other keys', () => {
  assert.throws(() => upsertProfile('', 'p', { accessKeyId: 'A', secretAccessKey: 's\n[default]' }));
  assert.throws(() => upsertProfile('', 'p]x', { accessKeyId: 'A', secretAccessKey: 's' }));
});
