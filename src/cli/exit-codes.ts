/**
 * The launcher's exit codes: one per error class (issue 5, "Errors get one clear line each and a distinct exit code").
 *
 * Invariant: none of these collides with codes a shell or `docker run` gives meaning to (1, 2, 125–130, 137, 143),
 * because a container's own exit code passes through unchanged. The launcher's own failures therefore live in the
 * sysexits range (64–78, see sysexits(3)); the interrupt codes follow the shell's 128 + signal number convention.
 */
export const EXIT_CODES = {
  /** A flag or --log-opt is malformed (EX_USAGE). */
  usage: 64,
  /** --aws-cloudwatch-group or --aws-cloudwatch-stream is a name CloudWatch would reject (EX_DATAERR). */
  invalidName: 65,
  /** The image is not present and --pull never forbids pulling it (EX_NOINPUT). */
  imageMissing: 66,
  /** Pulling the image failed. */
  pullFailed: 67,
  /** Shipping to AWS but no region from --aws-region, AWS_REGION or AWS_DEFAULT_REGION. */
  noRegion: 68,
  /** The Docker Engine did not answer (EX_UNAVAILABLE). */
  dockerUnreachable: 69,
  /** An unexpected internal error (EX_SOFTWARE). */
  internal: 70,
  /** The logging plugin is not installed and the launcher was not allowed to install it. */
  pluginMissing: 71,
  /** Installing or enabling the plugin failed, or it cannot receive credentials (no writable `aws` mount). */
  pluginFailed: 72,
  /** Docker refused to create or start the container (e.g. the driver rejected its log-opts) (EX_CANTCREAT). */
  containerFailed: 73,
  /** CloudWatch could not be reached to check the credentials (EX_TEMPFAIL). */
  cloudwatchUnreachable: 75,
  /** CloudWatch refused the credentials (EX_NOPERM). */
  credentialsRefused: 77,
  /** Ctrl-C: the container was stopped and its output delivered (128 + SIGINT). */
  interrupted: 130,
  /** SIGTERM: the container was stopped and its output delivered (128 + SIGTERM). */
  terminated: 143,
} as const;

export type ExitCodeName = keyof typeof EXIT_CODES;

/** One line per code for `--help`, in ascending order. */
export const EXIT_CODE_HELP: Readonly<Record<ExitCodeName, string>> = {
  usage: 'invalid flag or --log-opt',
  invalidName: 'log group or stream name CloudWatch would reject',
  imageMissing: 'image not present and --pull never',
  pullFailed: 'image pull failed',
  noRegion: 'no AWS region (shipping to AWS)',
  dockerUnreachable: 'Docker Engine not reachable',
  internal: 'internal error',
  pluginMissing: 'logging plugin not installed (and not installed by us)',
  pluginFailed: 'plugin install/enable failed or no usable aws mount',
  containerFailed: 'Docker could not create or start the container',
  cloudwatchUnreachable: 'CloudWatch not reachable for the credentials check',
  credentialsRefused: 'credentials refused by CloudWatch',
  interrupted: 'interrupted by Ctrl-C (SIGINT) after a graceful stop',
  terminated: 'terminated by SIGTERM after a graceful stop',
};
