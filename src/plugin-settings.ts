/**
 * Process-level settings of the plugin, from its environment (config.json `env`, settable with
 * `docker plugin set`). Parsed once at the edge; nothing else reads process.env for these.
 */
export interface PluginSettings {
  /** Unix socket to serve on. Managed plugins use /run/docker/plugins/<socket>; tests run legacy plugins elsewhere. */
  readonly socketPath: string;
  readonly region?: string;
  /** After EOF, how long delivery may go on before what is left is counted as dropped. */
  readonly closeDeadlineMs: number;
  /** On SIGTERM, the flush deadline. Below dockerd's 10 s grace before SIGKILL. */
  readonly shutdownDeadlineMs: number;
}

export const DEFAULT_SOCKET_PATH = '/run/docker/plugins/cloudwatch.sock';
export const DEFAULT_CLOSE_DEADLINE_SECONDS = 300;
export const DEFAULT_SHUTDOWN_DEADLINE_SECONDS = 7;
const MAX_SHUTDOWN_DEADLINE_SECONDS = 9;

function seconds(env: NodeJS.ProcessEnv, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback * 1000;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > max) {
    throw new Error(`invalid plugin setting ${name}='${raw}': expected a number of seconds in (0, ${max}]`);
  }
  return n * 1000;
}

export function readPluginSettings(env: NodeJS.ProcessEnv): PluginSettings {
  return {
    socketPath: env.DCW_SOCKET || DEFAULT_SOCKET_PATH,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined,
    closeDeadlineMs: seconds(env, 'DCW_CLOSE_DEADLINE_SECONDS', DEFAULT_CLOSE_DEADLINE_SECONDS),
    shutdownDeadlineMs: seconds(env, 'DCW_SHUTDOWN_DEADLINE_SECONDS', DEFAULT_SHUTDOWN_DEADLINE_SECONDS, MAX_SHUTDOWN_DEADLINE_SECONDS),
  };
}
