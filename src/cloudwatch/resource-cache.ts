import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutRetentionPolicyCommand,
  type CloudWatchLogsClient,
} from '@aws-sdk/client-cloudwatch-logs';
import { DcwError } from '../errors';
import { log } from '../observability/log';
import { classifyError } from './retry-policy';

/** Settings CloudWatch only takes when a group is created (cloudwatch-logs-rules.md §4): class and KMS are immutable. */
export interface GroupSettings {
  readonly retentionDays?: number;
  readonly groupClass?: 'STANDARD' | 'INFREQUENT_ACCESS';
  readonly kmsKeyId?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

export interface StreamTarget {
  readonly client: CloudWatchLogsClient;
  /** Identifies the CloudWatch account view: endpoint + region. */
  readonly scope: string;
  readonly group: string;
  readonly stream: string;
  readonly createGroup: boolean;
  readonly groupSettings: GroupSettings;
  readonly abortSignal?: AbortSignal;
}

/** CreateLogStream said the group does not exist and we may not create it: nothing to retry until someone does. */
export class GroupMissingError extends DcwError {
  constructor(readonly group: string) {
    super('DCW_GROUP_MISSING', `log group ${group} does not exist and awslogs-create-group is false`);
  }
}

/**
 * Process-wide memory of which groups and streams exist (issue 3 item 5): CreateLogStream runs at most once per
 * stream while the plugin lives — concurrent callers share one call, and a stream known to exist is never created
 * again (moby#48522: awslogs re-creates on every start and every `docker logs`, and CreateLogStream is 50 TPS).
 *
 * Order, as awslogs (awslogs-options.md §3): CreateLogStream first; on ResourceNotFound, CreateLogGroup (only when
 * allowed) with its creation-time settings, PutRetentionPolicy, then CreateLogStream again. ResourceAlreadyExists is
 * success. Failures propagate as SDK errors: the caller classifies them and retries with jitter (a
 * LimitExceededException from CreateLogGroup is not retried by the caller).
 */
export class ResourceCache {
  private readonly streams = new Set<string>();
  private readonly groups = new Set<string>();
  /** Groups we created whose retention policy still has to be set (a transient failure there is retried). */
  private readonly pendingRetention = new Map<string, number>();
  private readonly inflightStreams = new Map<string, Promise<void>>();
  private readonly inflightGroups = new Map<string, Promise<void>>();

  private static streamKey(t: StreamTarget): string {
    return JSON.stringify([t.scope, t.group, t.stream]);
  }

  private static groupKey(t: StreamTarget): string {
    return JSON.stringify([t.scope, t.group]);
  }

  hasStream(t: StreamTarget): boolean {
    return this.streams.has(ResourceCache.streamKey(t));
  }

  /** PutLogEvents said ResourceNotFound: the stream (or its group) was deleted behind our back. */
  forget(t: StreamTarget): void {
    this.streams.delete(ResourceCache.streamKey(t));
    this.groups.delete(ResourceCache.groupKey(t));
  }

  ensureStream(t: StreamTarget): Promise<void> {
    const key = ResourceCache.streamKey(t);
    if (this.streams.has(key)) return Promise.resolve();
    let inflight = this.inflightStreams.get(key);
    if (!inflight) {
      inflight = this.createStream(t)
        .then(() => { this.streams.add(key); })
        .finally(() => this.inflightStreams.delete(key));
      this.inflightStreams.set(key, inflight);
    }
    return inflight;
  }

  private async createStream(t: StreamTarget): Promise<void> {
    try {
      await this.sendCreateStream(t);
      return;
    } catch (err) {
      if (classifyError(err) !== 'not-found') throw err;
    }
    if (!t.createGroup) throw new GroupMissingError(t.group);
    await this.ensureGroup(t);
    await this.sendCreateStream(t);
  }

  private async sendCreateStream(t: StreamTarget): Promise<void> {
    try {
      await t.client.send(new CreateLogStreamCommand({ logGroupName: t.group, logStreamName: t.stream }), { abortSignal: t.abortSignal });
    } catch (err) {
      if (classifyError(err) !== 'already-exists') throw err;
    }
  }

  private ensureGroup(t: StreamTarget): Promise<void> {
    const key = ResourceCache.groupKey(t);
    if (this.groups.has(key) && !this.pendingRetention.has(key)) return Promise.resolve();
    let inflight = this.inflightGroups.get(key);
    if (!inflight) {
      inflight = this.createGroup(t, key)
        .then(() => { this.groups.add(key); })
        .finally(() => this.inflightGroups.delete(key));
      this.inflightGroups.set(key, inflight);
    }
    return inflight;
  }

  private async createGroup(t: StreamTarget, key: string): Promise<void> {
    const s = t.groupSettings;
    const tags = s.tags && Object.keys(s.tags).length > 0 ? { ...s.tags } : undefined;
    try {
      await t.client.send(
        new CreateLogGroupCommand({ logGroupName: t.group, kmsKeyId: s.kmsKeyId, tags, logGroupClass: s.groupClass }),
        { abortSignal: t.abortSignal },
      );
      if (s.retentionDays !== undefined) this.pendingRetention.set(key, s.retentionDays);
    } catch (err) {
      // Someone else created it: its settings are theirs, we apply none.
      if (classifyError(err) !== 'already-exists') throw err;
    }
    const retentionInDays = this.pendingRetention.get(key);
    if (retentionInDays === undefined) return;
    try {
      await t.client.send(new PutRetentionPolicyCommand({ logGroupName: t.group, retentionInDays }), { abortSignal: t.abortSignal });
      this.pendingRetention.delete(key);
    } catch (err) {
      const cls = classifyError(err);
      if (cls === 'throttled' || cls === 'transient') throw err;
      // A permanent refusal (e.g. no logs:PutRetentionPolicy) must not stop the logs themselves.
      this.pendingRetention.delete(key);
      log.error({ group: t.group, retentionInDays, error: (err as Error).name }, 'could not set the retention policy of the created log group');
    }
  }
}
