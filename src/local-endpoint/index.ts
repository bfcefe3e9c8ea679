/**
 * The project's local CloudWatch Logs endpoint (issue 2 item 6): speaks AWS JSON 1.1 so the unmodified AWS SDK talks
 * to it via `endpoint: ep.url`. Used by the e2e tests and as the launcher's default when there is no AWS account.
 * Loopback only. Reference: /work/shared/reference/cloudwatch-logs-rules.md §5, §6.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { log } from '../observability/log';
import { FaultController } from './faults';
import { createEndpointServer } from './http-server';
import { DEFAULT_KEEP_ALIVE_TIMEOUT_MS, DEFAULT_MAX_EVENT_BYTES } from './limits';
import { loopbackHost, urlFor } from './loopback';
import { Store } from './store';
import { createHookHandler, type HookTarget } from './test-hooks';
import type { BatchRecord, CallRecord, LocalEndpointOptions, StoredEvent } from './types';

export type { BatchRecord, CallRecord, LocalEndpointOptions, StoredEvent } from './types';
export { FaultController } from './faults';
export type { ActiveFault, FaultKind, FaultScope, FaultSpec, LatencyScope, ResetScope } from './faults';
export { NonLoopbackHostError } from './loopback';

type PutListener = (group: string, stream: string, events: StoredEvent[]) => void;

export class LocalEndpoint implements HookTarget {
  readonly url: string;
  readonly port: number;
  readonly faults: FaultController;
  private readonly listeners = new Set<PutListener>();
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly server: Server,
    private readonly timers: Set<NodeJS.Timeout>,
    private readonly store: Store,
    faults: FaultController,
    host: string,
    private readonly now: () => number,
  ) {
    this.faults = faults;
    this.port = (server.address() as AddressInfo).port;
    this.url = urlFor(host, this.port);
  }

  /** Starts listening. Rejects with NonLoopbackHostError for a non-loopback host, or the listen error (EADDRINUSE). */
  static async start(opts: LocalEndpointOptions = {}): Promise<LocalEndpoint> {
    const host = loopbackHost(opts.host);
    const store = new Store();
    const faults = new FaultController();
    const now = opts.now ?? Date.now;
    let endpoint: LocalEndpoint | undefined;
    const { server, timers } = createEndpointServer({
      store, faults, now,
      maxEventBytes: opts.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES,
      keepAliveTimeoutMs: opts.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
      onStored: (g, s, events) => endpoint?.notify(g, s, events),
      hooks: (req, res) => createHookHandler(endpoint!)(req, res),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    endpoint = new LocalEndpoint(server, timers, store, faults, host, now);
    return endpoint;
  }

  /** Events of a stream in the order they were stored (arrival order); [] when the stream does not exist. */
  events(group: string, stream: string): StoredEvent[] {
    return (this.store.stream(group, stream)?.events ?? []).map((e) => ({ ...e }));
  }

  /** Number of stored events of a stream (0 when it does not exist); cheap enough to poll, unlike events(). */
  eventCount(group: string, stream: string): number {
    return this.store.stream(group, stream)?.events.length ?? 0;
  }

  /** Stream names of a group, sorted; [] when the group does not exist. */
  streams(group: string): string[] {
    return [...(this.store.group(group)?.streams.keys() ?? [])].sort();
  }

  groups(): string[] {
    return this.store.sortedGroups().map((g) => g.name);
  }

  /** undefined = no such group; null = no retention policy. */
  retentionInDays(group: string): number | null | undefined {
    return this.store.group(group)?.retentionInDays;
  }

  batches(): BatchRecord[] {
    return this.store.batches.map((b) => ({ ...b }));
  }

  calls(): CallRecord[] {
    return this.store.calls.map((c) => ({ ...c }));
  }

  /** Seeds state without a client. Returns false when it already existed. */
  createLogGroup(name: string, retentionInDays?: number): boolean {
    const created = this.store.createGroup({ name }, this.now());
    if (retentionInDays !== undefined) this.store.group(name)!.retentionInDays = retentionInDays;
    return created;
  }

  createLogStream(group: string, stream: string): boolean {
    return this.store.createStream(group, stream, this.now()) === 'created';
  }

  /** Deletes a stream behind the client's back (to exercise ResourceNotFound recovery). */
  deleteStream(group: string, stream: string): boolean {
    return this.store.deleteStream(group, stream);
  }

  deleteGroup(group: string): boolean {
    return this.store.deleteGroup(group);
  }

  /** Called after every PutLogEvents that stored at least one event, with the stored events. */
  onPut(listener: PutListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Drops all groups, streams, events, records and faults. */
  reset(): void {
    this.store.reset();
    this.faults.clear();
  }

  /** Stops listening and drops every connection, including requests held by a latency fault. Idempotent. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      for (const t of this.timers) clearTimeout(t);
      this.timers.clear();
      this.listeners.clear();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.closing;
  }

  private notify(group: string, stream: string, events: StoredEvent[]): void {
    for (const l of this.listeners) {
      try {
        l(group, stream, events);
      } catch (err) {
        log.warn({ err, group, stream }, 'local endpoint onPut listener threw');
      }
    }
  }
}
