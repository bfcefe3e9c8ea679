import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import type { Destination } from './destination';
import { LauncherError, firstLine } from './errors';
import type { ProfileKeys } from './credentials-ini';

/**
 * Shipping to AWS (or to a user-given endpoint): a cheap DescribeLogGroups at startup tells refused credentials apart
 * before a container runs (issue 5 §4), and GetLogEvents with the launcher's own credentials counts what landed.
 * Errors are classified by their `name` (the service's error shape), never by message text.
 */

/** Error shapes meaning "these keys are not accepted" (cloudwatch-logs-rules.md §3 plus the STS/SigV4 family). */
export const REFUSED_CREDENTIAL_ERRORS: ReadonlySet<string> = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidAccessKeyId',
  'ExpiredTokenException',
  'ExpiredToken',
  'IncompleteSignature',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'MissingAuthenticationToken',
]);

/** Node/SDK failures meaning CloudWatch never answered. */
const UNREACHABLE_ERRORS: ReadonlySet<string> = new Set([
  'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH',
  'TimeoutError', 'AbortError', 'ServiceUnavailableException', 'InternalFailure',
]);

export type PreflightVerdict = 'accepted' | 'refused' | 'unreachable';

/**
 * Pure. AccessDeniedException counts as accepted: the keys are valid, and a policy that allows only
 * CreateLogStream/PutLogEvents (all the driver needs) legitimately denies DescribeLogGroups.
 */
export function classifyPreflightError(err: unknown): PreflightVerdict {
  const e = err as { name?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  const name = typeof e?.name === 'string' ? e.name : '';
  const code = typeof e?.code === 'string' ? e.code : '';
  if (REFUSED_CREDENTIAL_ERRORS.has(name)) return 'refused';
  if (UNREACHABLE_ERRORS.has(name) || UNREACHABLE_ERRORS.has(code)) return 'unreachable';
  if (e?.$metadata?.httpStatusCode === undefined && !name.endsWith('Exception')) return 'unreachable';
  return 'accepted';
}

const CALL_TIMEOUT_MS = 10_000;
/** GetLogEvents' page limit (API_GetLogEvents.html: 1–10,000). */
const GET_LOG_EVENTS_LIMIT = 10_000;

export class CloudWatchDestination implements Destination {
  private readonly since = Date.now();

  private constructor(
    private readonly client: CloudWatchLogsClient,
    private readonly group: string,
    private readonly stream: string,
  ) {}

  /** Checks the keys with one DescribeLogGroups; throws credentialsRefused or cloudwatchUnreachable. */
  static async connect(opts: {
    region: string;
    endpoint?: string;
    keys: ProfileKeys;
    group: string;
    stream: string;
  }): Promise<CloudWatchDestination> {
    const client = new CloudWatchLogsClient({
      region: opts.region,
      ...(opts.endpoint !== undefined ? { endpoint: opts.endpoint } : {}),
      credentials: { ...opts.keys },
      maxAttempts: 2,
    });
    const where = opts.endpoint ?? `CloudWatch Logs in ${opts.region}`;
    try {
      await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: opts.group, limit: 1 }), {
        abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
    } catch (err) {
      const verdict = classifyPreflightError(err);
      if (verdict === 'refused') {
        client.destroy();
        throw new LauncherError('credentialsRefused', `${where} refused the credentials (${(err as Error).name})`, { cause: err });
      }
      if (verdict === 'unreachable') {
        client.destroy();
        throw new LauncherError('cloudwatchUnreachable', `${where} did not answer: ${firstLine(err)}`, { cause: err });
      }
    }
    return new CloudWatchDestination(client, opts.group, opts.stream);
  }

  /** Events in the stream with timestamps since this run began; 0 while the stream does not exist yet. */
  async delivered(): Promise<number> {
    let count = 0;
    let token: string | undefined;
    for (;;) {
      let page;
      try {
        page = await this.client.send(
          new GetLogEventsCommand({
            logGroupName: this.group,
            logStreamName: this.stream,
            startTime: this.since,
            startFromHead: true,
            limit: GET_LOG_EVENTS_LIMIT,
            ...(token !== undefined ? { nextToken: token } : {}),
          }),
          { abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) },
        );
      } catch (err) {
        if ((err as Error).name === 'ResourceNotFoundException') return 0;
        throw err;
      }
      count += page.events?.length ?? 0;
      // GetLogEvents returns the same forward token again at the end of the stream.
      if (page.nextForwardToken === undefined || page.nextForwardToken === token) return count;
      token = page.nextForwardToken;
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

/** Resolves an AWS_PROFILE of the launcher's user to keys with the SDK's own provider chain (ini, SSO, process…). */
export async function resolveProfileKeys(profile: string, region: string): Promise<ProfileKeys> {
  const client = new CloudWatchLogsClient({ region, profile });
  try {
    const creds = await client.config.credentials();
    return {
      accessKeyId: creds.accessKeyId,
      secretAccessKey: creds.secretAccessKey,
      ...(creds.sessionToken ? { sessionToken: creds.sessionToken } : {}),
    };
  } catch (err) {
    throw new LauncherError('usage', `AWS profile "${profile}" gave no credentials: ${firstLine(err)}`, { cause: err });
  } finally {
    client.destroy();
  }
}
