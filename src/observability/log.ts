import pino from 'pino';

/**
 * Structured logs. Inside the managed plugin stdout becomes `level=info msg=...` in the dockerd log and stderr
 * `level=error` (docker-logging-protocol.md §9), so everything goes to stdout except errors/fatal.
 * LOG_LEVEL is a settable plugin env (config.json).
 */
export const log = pino(
  {
    level: process.env.LOG_LEVEL ?? 'info',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  pino.multistream([
    { level: 'trace', stream: process.stdout },
    { level: 'error', stream: process.stderr },
  ], { dedupe: true }),
);

export type Logger = typeof log;
