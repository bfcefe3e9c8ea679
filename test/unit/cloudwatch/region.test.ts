import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveRegion } from '../../../src/cloudwatch/region';

const never = async (): Promise<string | undefined> => { throw new Error('instance metadata must not be asked'); };

test('the log-opt wins over the environment', async () => {
  assert.equal(await resolveRegion('eu-west-1', { AWS_REGION: 'us-east-1' }, never), 'eu-west-1');
});

test('AWS_REGION, then AWS_DEFAULT_REGION, is used without the option', async () => {
  assert.equal(await resolveRegion(undefined, { AWS_REGION: 'us-east-2', AWS_DEFAULT_REGION: 'x' }, never), 'us-east-2');
  assert.equal(await resolveRegion(undefined, { AWS_DEFAULT_REGION: 'ap-south-1' }, never), 'ap-south-1');
});

test('instance metadata is the last resort and may find nothing', async () => {
  assert.equal(await resolveRegion(undefined, {}, async () => 'sa-east-1'), 'sa-east-1');
  assert.equal(await resolveRegion(undefined, {}, async () => undefined), undefined);
});
