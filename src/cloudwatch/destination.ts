import { PutLogEventsCommand, type CloudWatchLogsClient, type PutLogEventsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import { DcwError } from '../errors';
import type { DriverOptions } from '../options/driver-options';
import type { ClientFactory, ClientSpec } from './client-factory';
import type { SizedEvent } from './event-size';
import type { ResourceCache, StreamTarget } from './resource-cache';

/** No region from the log-opt, the environment or instance metadata (awslogs' "cannot determine region"). */
export class RegionMissingError extends DcwError {
  constructor() {
    super('DCW_REGION_MISSING', 'cannot determine region for awslogs driver');
  }
}

/** The stream does not exist and awslogs-create-stream=false forbids creating it. */
export class StreamMissingError extends DcwError {
  constructor(group: string, stream: string) {
    super('DCW_STREAM_MISSING', `log stream ${stream} in group ${group} does not exist and awslogs-create-stream is false`);
  }
}

export type DestinationOptions = Pick<
  DriverOptions,
  'region' | 'endpoint' | 'group' | 'stream' | 'createGroup' | 'createStream' | 'credentialsProfile' | 'credentialsEndpoint'
  | 'format' | 'retentionDays' | 'groupClass' | 'kmsKeyId' | 'groupTags'
>;

export interface DestinationDeps {
  readonly clients: ClientFactory;
  readonly resources: ResourceCache;
  readonly resolveRegion: (option: string | undefined) => Promise<string | undefined>;
}

/**
 * One sink's view of CloudWatch: the group/stream it writes to, reached through a shared cached client. Nothing
 * happens until the first `put` (lazy: a session without events makes zero calls).
 */
export class Destination {
  private spec?: ClientSpec;
  private lastClient?: CloudWatchLogsClient;

  constructor(readonly options: DestinationOptions, private readonly deps: DestinationDeps) {}

  get group(): string {
    return this.options.group;
  }

  get stream(): string {
    return this.options.stream;
  }

  private async clientSpec(): Promise<ClientSpec> {
    if (this.spec) return this.spec;
    const region = await this.deps.resolveRegion(this.options.region);
    if (!region) throw new RegionMissingError();
    const o = this.options;
    this.spec = { region, endpoint: o.endpoint, credentialsProfile: o.credentialsProfile, credentialsEndpoint: o.credentialsEndpoint, format: o.format };
    return this.spec;
  }

  private target(client: CloudWatchLogsClient, spec: ClientSpec, abortSignal?: AbortSignal): StreamTarget {
    const o = this.options;
    return {
      client,
      scope: `${spec.endpoint ?? ''}|${spec.region}`,
      group: o.group,
      stream: o.stream,
      createGroup: o.createGroup,
      groupSettings: { retentionDays: o.retentionDays, groupClass: o.groupClass, kmsKeyId: o.kmsKeyId, tags: o.groupTags },
      abortSignal,
    };
  }

  /** Ensure the stream exists (once per process, coalesced), then PutLogEvents. Errors are the SDK's, unclassified. */
  async put(events: readonly SizedEvent[], abortSignal: AbortSignal): Promise<PutLogEventsCommandOutput> {
    const spec = await this.clientSpec();
    const client = this.deps.clients.get(spec);
    this.lastClient = client;
    if (this.options.createStream) await this.deps.resources.ensureStream(this.target(client, spec, abortSignal));
    const logEvents = events.map((e) => ({ timestamp: e.timestampMs, message: e.message }));
    return client.send(new PutLogEventsCommand({ logGroupName: this.options.group, logStreamName: this.options.stream, logEvents }), { abortSignal });
  }

  /**
   * PutLogEvents said ResourceNotFound. With create-stream, forget what we knew so the next put creates it again;
   * without, the stream is missing for good as far as we are concerned: that error is returned.
   */
  resourceMissing(): StreamMissingError | undefined {
    if (!this.options.createStream) return new StreamMissingError(this.options.group, this.options.stream);
    if (this.spec) this.deps.resources.forget(this.target(this.deps.clients.get(this.spec), this.spec));
    return undefined;
  }

  /** Recreate the shared client so its credentials provider fetches credentials anew. */
  refreshCredentials(): void {
    if (!this.spec || !this.lastClient) return;
    this.lastClient = this.deps.clients.refresh(this.spec, this.lastClient);
  }
}
