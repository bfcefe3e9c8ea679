import type net from 'node:net';
import { log } from '../observability/log';
import { recordDrop } from '../observability/drops';
import type { EventSink } from '../pipeline-sink';
import type { LogEvent } from '../pipeline-types';
import type { IngestPipeline } from './ingest-pipeline';

/** How often held partial lines and multiline events are checked for age. */
const TICK_MS = 100;

export type SessionState = 'reading' | 'draining' | 'closed';

export interface SessionDeps {
  readonly file: string;
  readonly containerId: string;
  readonly source: net.Socket; // the FIFO, opened non-blocking (fifo/fifo-reader.ts)
  readonly pipeline: IngestPipeline;
  readonly sink: EventSink;
  /** How long delivery may continue after the FIFO's EOF before the rest is counted as dropped. */
  readonly closeDeadlineMs: number;
  readonly now?: () => number;
}

/**
 * One logging session per FIFO (docker-logging-protocol.md §7).
 *
 * Invariants:
 * - StopLogging only marks the session draining; it never waits. The last bytes are usually still in the pipe and
 *   EOF arrives only after dockerd got our reply, so we keep reading to EOF and then flush (§7.2).
 * - EOF without StopLogging (live-restore, daemon restart) ends the session the same way (§7.5).
 * - While the sink is full we pause the socket: dockerd's `mode` then decides whether the container blocks or
 *   drops (§8). Reading never waits on the network otherwise.
 * - A corrupt frame ends shipping for this container with a logged error, but the FIFO keeps being read and
 *   discarded so the container can never block on a full pipe.
 */
export class Session {
  private state: SessionState = 'reading';
  private corrupt = false;
  private discardedBytes = 0;
  private readonly ticker: NodeJS.Timeout;
  private readonly now: () => number;
  readonly done: Promise<void>;
  private resolveDone!: () => void;
  private entryCount = 0;

  constructor(private readonly deps: SessionDeps) {
    this.now = deps.now ?? Date.now;
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    this.ticker = setInterval(() => this.tick(), TICK_MS);
    this.ticker.unref();
    deps.source.on('data', (chunk: Buffer) => this.onData(chunk));
    deps.source.on('end', () => void this.finish());
    deps.source.on('error', (err) => {
      log.error({ file: deps.file, container: deps.containerId, err: err.message }, 'FIFO read error; ending session');
      void this.finish();
    });
  }

  get status(): SessionState {
    return this.state;
  }

  /** Number of Docker log entries read so far (zero for a `docker logs` session, §7.3). */
  get entries(): number {
    return this.entryCount;
  }

  /** StopLogging: no more writes will come; keep reading what is already in the pipe. */
  stop(): void {
    if (this.state === 'reading') this.state = 'draining';
  }

  /**
   * Plugin shutdown: stop waiting for EOF (the daemon may keep the FIFO open, e.g. `plugin disable -f`),
   * flush what was read and hand the sink the shutdown deadline.
   */
  async shutdown(deadline: number): Promise<void> {
    if (this.state === 'closed') return this.done;
    this.deps.source.destroy();
    await this.finish(deadline);
  }

  private onData(chunk: Buffer): void {
    if (this.corrupt) {
      this.discardedBytes += chunk.length;
      return;
    }
    const out = this.deps.pipeline.push(chunk, this.now());
    this.entryCount += out.entries;
    this.emit(out.events);
    if (out.error) this.onCorrupt(out.error);
  }

  private onCorrupt(err: unknown): void {
    this.corrupt = true;
    const message = err instanceof Error ? err.message : String(err);
    log.error(
      { file: this.deps.file, container: this.deps.containerId, err: message },
      'corrupt log frame: this container stops shipping; the rest of its FIFO is read and discarded',
    );
    // What was fully assembled before the corruption is still delivered.
    this.emit(this.deps.pipeline.finish({ lenient: true }));
  }

  private tick(): void {
    if (this.state === 'closed' || this.corrupt) return;
    this.emit(this.deps.pipeline.tick(this.now()));
  }

  private emit(events: readonly LogEvent[]): void {
    for (const e of events) this.deps.sink.write(e);
    if (this.deps.sink.full && !this.deps.source.isPaused() && !this.deps.source.destroyed) {
      this.deps.source.pause();
      void this.deps.sink.room().then(() => {
        if (!this.deps.source.destroyed) this.deps.source.resume();
      });
    }
  }

  private async finish(deadline?: number): Promise<void> {
    if (this.state === 'closed') return this.done;
    this.state = 'closed';
    clearInterval(this.ticker);
    if (!this.corrupt) {
      try {
        this.emit(this.deps.pipeline.finish({ lenient: false }));
      } catch (err) {
        this.onCorrupt(err);
      }
    }
    if (this.discardedBytes > 0) {
      recordDrop('corrupt-frame', 1, { container: this.deps.containerId, detail: `${this.discardedBytes} bytes after a corrupt frame` });
    }
    this.deps.source.destroy();
    await this.deps.sink.close(deadline ?? this.now() + this.deps.closeDeadlineMs);
    log.debug({ file: this.deps.file, container: this.deps.containerId, entries: this.entryCount }, 'session closed');
    this.resolveDone();
  }
}
