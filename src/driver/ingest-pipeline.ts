import { FrameDecoder } from '../fifo/frame-decoder';
import { decodeLogEntry } from '../fifo/log-entry-codec';
import { PartialAssembler } from '../assembly/partial-assembler';
import { MultilineGrouper } from '../assembly/multiline';
import { decodeUtf8GoStyle } from '../cloudwatch/utf8';
import type { DriverOptions } from '../options/driver-options';
import type { LogEvent } from '../pipeline-types';
import { CorruptFrameError } from '../errors';

/**
 * How long a partial line waits for its `last` chunk before it is shipped as it is. dockerd writes all chunks of
 * a line back to back, so a missing `last` means the writer died mid-line (docker-logging-protocol.md §6).
 */
export const PARTIAL_HOLD_MS = 2_000;

export interface PushResult {
  readonly entries: number;
  readonly events: LogEvent[];
  /** The stream turned corrupt after `entries` good entries; their events are still in `events`. */
  readonly error?: CorruptFrameError;
}

/**
 * The pure part of a session: FIFO bytes in, CloudWatch events out.
 * frames (size-capped) → LogEntry → partial reassembly → multiline grouping. No I/O, no timers: time is passed in.
 */
export class IngestPipeline {
  private readonly frames = new FrameDecoder();
  private readonly assembler: PartialAssembler;
  private readonly grouper: MultilineGrouper;

  constructor(options: Pick<DriverOptions, 'maxEventBytes' | 'multilinePattern' | 'flushIntervalMs'>) {
    this.assembler = new PartialAssembler({ maxLineBytes: options.maxEventBytes, decode: decodeUtf8GoStyle });
    this.grouper = new MultilineGrouper(options.multilinePattern, options.maxEventBytes, options.flushIntervalMs);
  }

  /**
   * Frames that are oversized or do not parse make the stream corrupt: the events of the good entries before them
   * are returned together with the error, never thrown away with it.
   */
  push(chunk: Buffer, nowMs: number): PushResult {
    const events: LogEvent[] = [];
    let entries = 0;
    let error: CorruptFrameError | undefined;
    try {
      for (const payload of this.frames.push(chunk)) {
        const entry = decodeLogEntry(payload);
        entries += 1;
        for (const line of this.assembler.push(entry, nowMs)) events.push(...this.grouper.push(line, nowMs));
      }
      error = this.frames.error;
    } catch (err) {
      if (!(err instanceof CorruptFrameError)) throw err;
      error = err;
    }
    // Age-based flushes are the session's ticker's job (tick), not every read's.
    return { entries, events, error };
  }

  /** Age-based flushes: held partials and multiline events. */
  tick(nowMs: number): LogEvent[] {
    const events: LogEvent[] = [];
    for (const line of this.assembler.flushExpired(nowMs, PARTIAL_HOLD_MS)) events.push(...this.grouper.push(line, nowMs));
    events.push(...this.grouper.flushExpired(nowMs));
    return events;
  }

  /**
   * End of stream: everything held is emitted. A truncated frame at the tail throws unless `lenient`
   * (used after a corruption was already reported, to salvage what was assembled).
   */
  finish({ lenient }: { lenient: boolean }): LogEvent[] {
    if (!lenient) this.frames.finish();
    const events: LogEvent[] = [];
    for (const line of this.assembler.flushAll()) events.push(...this.grouper.push(line));
    events.push(...this.grouper.flushAll());
    return events;
  }
}
