import type { ContainerCreateOptions } from 'dockerode';
import type { RunConfig } from './run-options';

/**
 * Pure: RunConfig → the Engine API's container spec. Kept apart from the Docker calls so the exact log-opts and
 * command line are testable without a daemon.
 */

/**
 * Runs the user's command under `bash -c` when the image has bash, else `sh -c` (issue 5). Detecting bash from
 * inside the container is the only check that is always right: image metadata does not list binaries, and reading
 * the image filesystem would mean exporting layers. `$0` carries the user's command verbatim, so no quoting is
 * applied to it; `exec` makes the chosen shell replace the wrapper, so signals reach it directly.
 */
export const SHELL_WRAPPER =
  'if command -v bash >/dev/null 2>&1; then exec bash -c "$0"; else exec sh -c "$0"; fi';

/** What the launcher adds on top of RunConfig at run time. */
export interface LogTarget {
  /** The endpoint the driver must use: the embedded one's URL, or the user's --aws-endpoint. */
  readonly endpoint?: string;
  /** The profile name written into the plugin's mounted credentials file (never the secrets themselves). */
  readonly credentialsProfile?: string;
}

/** The driver's log-opts: awslogs' names plus our awslogs-credentials-profile. */
export function driverLogOpts(config: RunConfig, target: LogTarget): Record<string, string> {
  return {
    'awslogs-create-group': 'true',
    ...config.extraLogOpts,
    'awslogs-group': config.group,
    'awslogs-stream': config.stream,
    'awslogs-region': config.region,
    ...(target.endpoint !== undefined ? { 'awslogs-endpoint': target.endpoint } : {}),
    ...(target.credentialsProfile !== undefined ? { 'awslogs-credentials-profile': target.credentialsProfile } : {}),
  };
}

export function containerSpec(config: RunConfig, target: LogTarget): ContainerCreateOptions {
  return {
    Image: config.image,
    // Overriding the entrypoint, like `docker run --entrypoint sh`, so an image's own ENTRYPOINT cannot swallow the command.
    Entrypoint: ['sh', '-c', SHELL_WRAPPER],
    Cmd: [config.command],
    Tty: false,
    OpenStdin: false,
    AttachStdout: true,
    AttachStderr: true,
    Labels: { 'io.github.docker-cloudwatch.launcher': 'run' },
    HostConfig: {
      LogConfig: { Type: config.plugin, Config: driverLogOpts(config, target) },
      // docker-init as PID 1 forwards SIGTERM to the shell; a shell as PID 1 ignores it and only SIGKILL would stop it.
      Init: config.init,
      ...(config.network !== undefined ? { NetworkMode: config.network } : {}),
    },
  };
}
