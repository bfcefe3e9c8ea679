import os from 'node:os';
import { CloudWatchDriver } from './driver/cloudwatch-driver';
import { openFifo } from './fifo/fifo-reader';
import { parseDriverOptions } from './options/parse-options';
import { createSink, preflight, shutdownClients } from './cloudwatch';
import { log } from './observability/log';
import { createPluginApp, listenOnSocket } from './protocol/plugin-server';
import { readPluginSettings } from './plugin-settings';

/**
 * Plugin entry point. Inside a managed plugin node runs as PID 1, which has no default SIGTERM action: without
 * handlers `docker plugin disable -f` waits 10 s for SIGKILL (docker-logging-protocol.md §7.5).
 */
async function main(): Promise<void> {
  const settings = readPluginSettings(process.env);
  const hostname = os.hostname();
  const driver = new CloudWatchDriver({
    parseOptions: (info) => parseDriverOptions(info, { AWS_REGION: settings.region }, hostname),
    preflight,
    createSink,
    openFifo,
    closeDeadlineMs: settings.closeDeadlineMs,
  });
  const server = await listenOnSocket(createPluginApp(driver), settings.socketPath);
  log.info({ socket: settings.socketPath, pid: process.pid }, 'cloudwatch logging plugin listening');

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    const deadline = Date.now() + settings.shutdownDeadlineMs;
    log.info({ signal, sessions: driver.activeSessions }, 'shutting down');
    // Hard stop just after the deadline, whatever is still pending: dockerd SIGKILLs at 10 s anyway.
    setTimeout(() => process.exit(0), settings.shutdownDeadlineMs + 500).unref();
    server.close();
    void driver
      .shutdown(deadline)
      .finally(() => {
        shutdownClients();
        process.exit(0);
      });
  };
  // One stray rejection must not kill PID 1 and with it every container's session (there is no re-attach yet).
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason instanceof Error ? reason.stack : String(reason) }, 'unhandled promise rejection');
  });
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  log.fatal({ err: err instanceof Error ? err.message : String(err) }, 'plugin failed to start');
  process.exit(1);
});
