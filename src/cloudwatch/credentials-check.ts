import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { InvalidOptionError } from '../errors';
import { log } from '../observability/log';

/**
 * Bound on resolving credentials inside StartLogging, well inside dockerd's 30 s plugin timeout. A provider that is
 * merely slow (IMDS, SSO) is not a configuration error: the start goes on and the sink retries later.
 */
export const CREDENTIALS_CHECK_TIMEOUT_MS = 5_000;

/** Where a user of the managed plugin can put credentials (awslogs-options.md §3 "Credentials for our plugin"). */
export const HOW_TO_PROVIDE_CREDENTIALS =
  'provide them with `docker plugin set <plugin> AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=…` (plugin disabled), ' +
  'a shared credentials file in the directory mounted as the plugin\'s `aws` mount (`docker plugin set <plugin> aws.source=<dir>`), ' +
  'optionally selected per container with --log-opt awslogs-credentials-profile=<name>, ' +
  'an EC2 instance role, or --log-opt awslogs-credentials-endpoint on ECS';

const TIMED_OUT = Symbol('timed out');

/**
 * Resolve the client's credentials locally (env, mounted files, or the metadata services) so that a container whose
 * logs could never be signed fails `docker run` with a message saying how to fix it. No CloudWatch call is made.
 * The client's provider memoizes the result, so later sessions with the same client pay nothing.
 */
export async function checkCredentials(client: CloudWatchLogsClient, source: { profile?: string; endpoint?: string }): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), CREDENTIALS_CHECK_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([client.config.credentials(), timeout]);
    if (result === TIMED_OUT) log.warn({ timeoutMs: CREDENTIALS_CHECK_TIMEOUT_MS }, 'credentials not resolved yet; starting anyway');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    if (source.profile) {
      throw new InvalidOptionError('awslogs-credentials-profile', `no usable AWS credentials for log opt 'awslogs-credentials-profile'='${source.profile}': ${reason}; ${HOW_TO_PROVIDE_CREDENTIALS}`);
    }
    if (source.endpoint) {
      throw new InvalidOptionError('awslogs-credentials-endpoint', `no AWS credentials from log opt 'awslogs-credentials-endpoint'='${source.endpoint}': ${reason}; ${HOW_TO_PROVIDE_CREDENTIALS}`);
    }
    throw new InvalidOptionError('credentials', `no AWS credentials found for the cloudwatch log driver (${reason}); ${HOW_TO_PROVIDE_CREDENTIALS}`);
  } finally {
    clearTimeout(timer);
  }
}
