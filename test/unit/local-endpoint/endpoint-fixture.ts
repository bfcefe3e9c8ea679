/** Starts a LocalEndpoint on port 0 with a real AWS SDK v3 client pointed at it (no retries unless asked). */
import { CloudWatchLogsClient, type CloudWatchLogsClientConfig } from '@aws-sdk/client-cloudwatch-logs';
import { LocalEndpoint, type LocalEndpointOptions } from '../../../src/local-endpoint';

export interface Fixture {
  ep: LocalEndpoint;
  client: CloudWatchLogsClient;
  close(): Promise<void>;
}

export function sdkClient(ep: LocalEndpoint, config: Partial<CloudWatchLogsClientConfig> = {}): CloudWatchLogsClient {
  return new CloudWatchLogsClient({
    region: 'us-east-1', endpoint: ep.url, credentials: { accessKeyId: 'x', secretAccessKey: 'y' }, maxAttempts: 1,
    ...config,
  });
}

export async function startFixture(opts: LocalEndpointOptions = {}, config: Partial<CloudWatchLogsClientConfig> = {}): Promise<Fixture> {
  const ep = await LocalEndpoint.start(opts);
  const client = sdkClient(ep, config);
  return {
    ep, client,
    async close() {
      client.destroy();
      await ep.close();
    },
  };
}

/** Resolves to the error a promise rejects with; fails the test if it resolves. */
export async function rejectionOf(p: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number }; code?: string }> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export const GROUP = 'app/test-group';
export const STREAM = 'container-1';

/** Creates GROUP/STREAM through the SDK. */
export async function createGroupAndStream(f: Fixture, group = GROUP, stream = STREAM): Promise<void> {
  const { CreateLogGroupCommand, CreateLogStreamCommand } = await import('@aws-sdk/client-cloudwatch-logs');
  await f.client.send(new CreateLogGroupCommand({ logGroupName: group }));
  await f.client.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
}
