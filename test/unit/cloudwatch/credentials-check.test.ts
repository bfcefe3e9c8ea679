import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '../../../src/cloudwatch/client-factory';
import { checkCredentials } from '../../../src/cloudwatch/credentials-check';
import { InvalidOptionError } from '../../../src/errors';

describe('credentials check at StartLogging', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcw-creds-'));
  const file = path.join(dir, 'credentials');
  fs.writeFileSync(file, '[present]\naws_access_key_id = AKIDPRESENT\naws_secret_access_key = secret\n');
  const saved = { file: process.env.AWS_SHARED_CREDENTIALS_FILE, config: process.env.AWS_CONFIG_FILE };
  process.env.AWS_SHARED_CREDENTIALS_FILE = file;
  process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
  after(() => {
    process.env.AWS_SHARED_CREDENTIALS_FILE = saved.file;
    process.env.AWS_CONFIG_FILE = saved.config;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('accepts a profile that exists in the mounted credentials file', async () => {
    const client = createClient({ region: 'us-east-1', credentialsProfile: 'present' });
    await checkCredentials(client, { profile: 'present' });
    assert.equal((await client.config.credentials()).accessKeyId, 'AKIDPRESENT');
    client.destroy();
  });

  test('refuses a missing profile naming the option, the profile and how to provide credentials', async () => {
    const client = createClient({ region: 'us-east-1', credentialsProfile: 'absent' });
    await assert.rejects(checkCredentials(client, { profile: 'absent' }), (err: unknown) => {
      assert.ok(err instanceof InvalidOptionError);
      assert.equal(err.option, 'awslogs-credentials-profile');
      assert.match(err.message, /'awslogs-credentials-profile'='absent'/);
      assert.match(err.message, /docker plugin set <plugin> AWS_ACCESS_KEY_ID/);
      return true;
    });
    client.destroy();
  });
});

describe('credentials profiles added while the plugin runs', () => {
  test('a profile written to the credentials file after a first read is found', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcw-creds-late-'));
    const file = path.join(dir, 'credentials');
    const saved = process.env.AWS_SHARED_CREDENTIALS_FILE;
    process.env.AWS_SHARED_CREDENTIALS_FILE = file;
    try {
      fs.writeFileSync(file, '[first]\naws_access_key_id = AKIDFIRST\naws_secret_access_key = s\n');
      const first = createClient({ region: 'us-east-1', credentialsProfile: 'first' });
      await checkCredentials(first, { profile: 'first' });
      fs.appendFileSync(file, '[later]\naws_access_key_id = AKIDLATER\naws_secret_access_key = s\n');
      const later = createClient({ region: 'us-east-1', credentialsProfile: 'later' });
      await checkCredentials(later, { profile: 'later' });
      assert.equal((await later.config.credentials()).accessKeyId, 'AKIDLATER');
      first.destroy();
      later.destroy();
    } finally {
      process.env.AWS_SHARED_CREDENTIALS_FILE = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
