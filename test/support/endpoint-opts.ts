import { after, before } from 'node:test';
import { LocalEndpoint } from '../../src/local-endpoint';
import { logOpts } from './docker';

/**
 * One local CloudWatch endpoint per test file, plus the driver log-opts that point a container at it.
 * The plugin runs with host networking, so it reaches the endpoint on 127.0.0.1.
 */
export function useEndpoint(): { endpoint: () => LocalEndpoint; opts: (group: string, stream: string, extra?: Record<string, string>) => string[] } {
  let ep: LocalEndpoint | undefined;
  before(async () => {
    ep = await LocalEndpoint.start();
  });
  after(async () => {
    await ep?.close();
  });
  const endpoint = (): LocalEndpoint => {
    if (!ep) throw new Error('the endpoint is only available inside tests');
    return ep;
  };
  const opts = (group: string, stream: string, extra: Record<string, string> = {}): string[] =>
    logOpts({ 'awslogs-group': group, 'awslogs-stream': stream, 'awslogs-endpoint': endpoint().url, 'awslogs-region': 'us-east-1', 'awslogs-create-group': 'true', ...extra });
  return { endpoint, opts };
}
