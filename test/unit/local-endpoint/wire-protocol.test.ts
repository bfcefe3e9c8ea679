import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalEndpoint } from '../../../src/local-endpoint';

describe('AWS JSON 1.1 wire details', () => {
  let ep: LocalEndpoint;
  before(async () => { ep = await LocalEndpoint.start(); });
  after(() => ep.close());

  const call = (target: string | undefined, body: string, init: RequestInit = {}) => fetch(`${ep.url}/`, {
    method: 'POST', body,
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      Authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/ap-south-1/logs/aws4_request, SignedHeaders=host, Signature=00',
      ...(target ? { 'X-Amz-Target': target } : {}),
    },
    ...init,
  });

  test('a success carries x-amzn-RequestId and the JSON 1.1 content type, with an empty body when there is no output', async () => {
    const res = await call('Logs_20140328.CreateLogGroup', '{"logGroupName":"wire"}');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('x-amzn-requestid') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(res.headers.get('content-type'), 'application/x-amz-json-1.1');
    assert.equal(await res.text(), '');
  });

  test('an error body is {"__type","message"} and also carries a request id', async () => {
    const res = await call('Logs_20140328.CreateLogGroup', '{"logGroupName":"wire"}');
    assert.equal(res.status, 400);
    assert.ok(res.headers.get('x-amzn-requestid'));
    assert.deepEqual(await res.json(), { __type: 'ResourceAlreadyExistsException', message: 'The specified log group already exists' });
  });

  test('an unknown or missing target is 400 UnknownOperationException', async () => {
    for (const target of ['Logs_20140328.DeleteEverything', 'Kinesis_20131202.PutRecord', undefined]) {
      const res = await call(target, '{}');
      assert.equal(res.status, 400, String(target));
      assert.equal(((await res.json()) as { __type: string }).__type, 'UnknownOperationException');
    }
  });

  test('a body that is not a JSON object, or a member of the wrong type, is a SerializationException', async () => {
    for (const body of ['not json', '[1]', '{"logGroupName":5}']) {
      const res = await call('Logs_20140328.CreateLogGroup', body);
      assert.equal(res.status, 400, body);
      assert.equal(((await res.json()) as { __type: string }).__type, 'SerializationException', body);
    }
  });

  test('the region of the SigV4 scope is used in ARNs; the signature itself is not checked', async () => {
    const res = await call('Logs_20140328.DescribeLogGroups', '{"logGroupNamePrefix":"wire"}');
    const body = (await res.json()) as { logGroups: { logGroupArn: string }[] };
    assert.equal(body.logGroups[0].logGroupArn, 'arn:aws:logs:ap-south-1:000000000000:log-group:wire');
  });

  test('requests other than POST / are not operations', async () => {
    const res = await fetch(`${ep.url}/something`, { method: 'GET' });
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as { __type: string }).__type, 'UnknownOperationException');
  });

  test('responses do not advertise a Keep-Alive timeout (the real service does not)', async () => {
    const res = await call('Logs_20140328.DescribeLogGroups', '{}');
    await res.text();
    assert.equal(res.headers.get('keep-alive'), null);
  });
});
