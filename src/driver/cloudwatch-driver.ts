import type net from 'node:net';
import { log } from '../observability/log';
import type { ContainerInfo } from '../protocol/container-info';
import type { LogDriver } from '../protocol/log-driver';
import type { DriverOptions } from '../options/driver-options';
import type { EventSink } from '../pipeline-sink';
import { IngestPipeline } from './ingest-pipeline';
import { Session } from './session';

export interface DriverDeps {
  /** Throws InvalidOptionError; its message becomes `docker run`'s error. */
  parseOptions(info: ContainerInfo): DriverOptions;
  /** Local checks that must fail `docker run` (no region, no credentials). No CloudWatch calls. */
  preflight(options: DriverOptions): Promise<void>;
  createSink(options: DriverOptions, ctx: { containerId: string; containerName: string }): EventSink;
  openFifo(file: string): net.Socket;
  readonly closeDeadlineMs: number;
}

/** The driver registry: one Session per FIFO path, keyed by the File string dockerd sends. */
export class CloudWatchDriver implements LogDriver {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly deps: DriverDeps) {}

  capabilities(): { readonly ReadLogs: boolean } {
    // false: dockerd keeps its dual-logging cache, so `docker logs` works fully and never hits the 30 s plugin
    // client timeout (docker-logging-protocol.md §10).
    return { ReadLogs: false };
  }

  async startLogging(file: string, info: ContainerInfo): Promise<void> {
    if (this.sessions.has(file)) throw new Error(`a logging session for ${file} is already running`);
    const options = this.deps.parseOptions(info);
    await this.deps.preflight(options);
    // Nothing above touched the network: `docker logs` on a stopped container opens a session with zero entries,
    // and it must cost no CloudWatch call (§7.3). Group and stream are created lazily by the sink.
    const source = this.deps.openFifo(file);
    const session = new Session({
      file,
      containerId: info.containerId,
      source,
      pipeline: new IngestPipeline(options),
      sink: this.deps.createSink(options, { containerId: info.containerId, containerName: info.containerName }),
      closeDeadlineMs: this.deps.closeDeadlineMs,
    });
    this.sessions.set(file, session);
    void session.done.then(() => this.sessions.delete(file));
    log.info({ container: info.containerId.slice(0, 12), group: options.group, stream: options.stream }, 'logging started');
  }

  stopLogging(file: string): void {
    const session = this.sessions.get(file);
    // After a plugin restart dockerd sends StopLogging for a File this process never saw (§7.4). Answering with
    // an error would make dockerd skip removing the FIFO, so an unknown File is not an error.
    if (!session) {
      log.info({ file }, 'StopLogging for an unknown file');
      return;
    }
    session.stop();
  }

  /** Sessions still open, for diagnostics and tests. */
  get activeSessions(): number {
    return this.sessions.size;
  }

  /** SIGTERM: flush every session, giving up at `deadline` (epoch ms). */
  async shutdown(deadline: number): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => s.shutdown(deadline)));
  }
}
