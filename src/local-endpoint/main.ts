/**
 * Standalone local CloudWatch Logs endpoint:
 *   node dist/local-endpoint/main.js [--port 4566] [--host 127.0.0.1] [--keep-alive-timeout-ms 6000] [--max-event-bytes N]
 * Prints its URL as the first line of stdout (so a parent process can read it), then serves until SIGTERM/SIGINT.
 */
import { Command, InvalidArgumentError } from 'commander';
import { LocalEndpoint } from './index';

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

async function main(): Promise<void> {
  const opts = new Command('local-endpoint')
    .description('Local CloudWatch Logs endpoint (AWS JSON 1.1) for tests and the launcher; loopback only')
    .option('--port <n>', 'port to listen on (0 = any free port)', nonNegativeInt, 0)
    .option('--host <addr>', 'loopback address to bind', '127.0.0.1')
    .option('--keep-alive-timeout-ms <n>', 'close idle keep-alive sockets after this long', nonNegativeInt)
    .option('--max-event-bytes <n>', 'limit on UTF-8 bytes + 26 of one event', nonNegativeInt)
    .parse()
    .opts<{ port: number; host: string; keepAliveTimeoutMs?: number; maxEventBytes?: number }>();
  const endpoint = await LocalEndpoint.start({
    port: opts.port, host: opts.host,
    ...(opts.keepAliveTimeoutMs !== undefined ? { keepAliveTimeoutMs: opts.keepAliveTimeoutMs } : {}),
    ...(opts.maxEventBytes !== undefined ? { maxEventBytes: opts.maxEventBytes } : {}),
  });
  process.stdout.write(`${endpoint.url}\n`);
  const stop = (): void => {
    void endpoint.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`local-endpoint: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
