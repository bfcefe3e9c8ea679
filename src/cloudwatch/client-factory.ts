import http from 'node:http';
import https from 'node:https';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { fromHttp } from '@aws-sdk/credential-provider-http';
import { fromIni } from '@aws-sdk/credential-provider-ini';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { SERVER_IDLE_CLOSE_MS } from './limits';

/** Everything that makes two sinks need different clients. */
export interface ClientSpec {
  readonly region: string;
  readonly endpoint?: string;
  readonly credentialsProfile?: string;
  readonly credentialsEndpoint?: string;
  readonly format?: 'json/emf';
}

export interface ClientTuning {
  /** Whole-request deadline enforced by the SDK handler (throwOnRequestTimeout). */
  readonly requestTimeoutMs: number;
  /** TCP connect deadline. */
  readonly connectTimeoutMs: number;
  /** Idle keep-alive sockets are destroyed after this; must stay below CloudWatch's ~6 s idle close. */
  readonly idleSocketTimeoutMs: number;
}

export const DEFAULT_CLIENT_TUNING: ClientTuning = {
  requestTimeoutMs: 30_000,
  connectTimeoutMs: 5_000,
  idleSocketTimeoutMs: 4_000, // Fluent Bit's recommendation (aws-for-fluent-bit PR #775), < SERVER_IDLE_CLOSE_MS
};

export function clientKey(spec: ClientSpec): string {
  return JSON.stringify([spec.region, spec.endpoint ?? '', spec.credentialsProfile ?? '', spec.credentialsEndpoint ?? '', spec.format ?? '']);
}

/**
 * awslogs-credentials-endpoint is a relative URI on the ECS credentials host (awslogs-options.md §1); a profile reads
 * the mounted shared files. Otherwise `undefined` lets the client use the SDK's default provider chain
 * (env, SSO, ini, process, web identity, container, IMDS).
 */
function credentialsFor(spec: ClientSpec): AwsCredentialIdentityProvider | undefined {
  if (spec.credentialsEndpoint) return fromHttp({ awsContainerCredentialsRelativeUri: spec.credentialsEndpoint });
  // ignoreCache: the SDK otherwise caches the parsed files for the life of the process, and profiles are added to
  // the mounted file while the plugin runs (the launcher writes one per run).
  if (spec.credentialsProfile) return fromIni({ profile: spec.credentialsProfile, ignoreCache: true });
  return undefined;
}

/** Build one client. Exported for tests; production code goes through ClientFactory's cache. */
export function createClient(spec: ClientSpec, tuning: ClientTuning = DEFAULT_CLIENT_TUNING): CloudWatchLogsClient {
  const idle = Math.min(tuning.idleSocketTimeoutMs, SERVER_IDLE_CLOSE_MS - 1_000);
  // The Agent `timeout` destroys a socket that sits idle in the free pool (node:_http_agent), so a socket CloudWatch
  // is about to close is never reused.
  const agentOptions = { keepAlive: true, maxSockets: 50, timeout: idle };
  const client = new CloudWatchLogsClient({
    region: spec.region,
    endpoint: spec.endpoint,
    credentials: credentialsFor(spec),
    // Our queue-level retry owns retries (time budget, never drop after N attempts); SDK retries would multiply
    // attempts, hide throttling from our backoff, and change with the SDK's Nov 2026 retry defaults
    // (cloudwatch-logs-rules.md §7).
    maxAttempts: 1,
    customUserAgent: 'docker-cloudwatch',
    requestHandler: new NodeHttpHandler({
      httpAgent: new http.Agent(agentOptions),
      httpsAgent: new https.Agent(agentOptions),
      connectionTimeout: tuning.connectTimeoutMs,
      requestTimeout: tuning.requestTimeoutMs,
      throwOnRequestTimeout: true,
    }),
  });
  if (spec.format === 'json/emf') {
    // awslogs-format=json/emf: CloudWatch extracts embedded metrics when this header is present (moby awslogs).
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { headers?: Record<string, string> };
        if (request.headers) request.headers['x-amzn-logs-format'] = 'json/emf';
        return next(args);
      },
      { step: 'build', name: 'dcwLogsFormatHeader' },
    );
  }
  return client;
}

/**
 * Clients cached per ClientSpec and shared by every sink with the same spec (one socket pool, one credentials cache).
 */
export class ClientFactory {
  private readonly clients = new Map<string, CloudWatchLogsClient>();

  constructor(private readonly tuning: ClientTuning = DEFAULT_CLIENT_TUNING) {}

  get(spec: ClientSpec): CloudWatchLogsClient {
    const key = clientKey(spec);
    let client = this.clients.get(key);
    if (!client) {
      client = createClient(spec, this.tuning);
      this.clients.set(key, client);
    }
    return client;
  }

  /**
   * Replace the cached client with a fresh one (new credentials provider, so credentials are fetched again).
   * `stale` guards against two sinks refreshing the same client twice. The old client is not destroyed: other
   * sinks may have calls in flight on it; its idle sockets close by the agent timeout.
   */
  refresh(spec: ClientSpec, stale: CloudWatchLogsClient): CloudWatchLogsClient {
    const key = clientKey(spec);
    const current = this.clients.get(key);
    if (current && current !== stale) return current;
    const fresh = createClient(spec, this.tuning);
    this.clients.set(key, fresh);
    return fresh;
  }

  destroyAll(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }
}
