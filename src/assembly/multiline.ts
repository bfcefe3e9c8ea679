import type { AssembledLine, LogEvent } from '../pipeline-types';

/**
 * Groups assembled lines into events with awslogs' multiline semantics (awslogs-options.md §4), run on whole
 * lines after partial reassembly so 16 KiB chunking cannot break a group (aws/aws-for-fluent-bit#100).
 *
 * With a pattern:
 * - Each line is appended with a trailing '\n', except a line that alone is at least the maximum event size
 *   (moby d3e2d55a3d). So multiline events end with '\n'; a blank line inside an event is kept as "\n".
 * - A new event starts when a line matches (unanchored, like Go's regexp.Match) or when the line would push the
 *   event past `maxEventBytes` (UTF-8 bytes). Deliberate improvement: the '\n' about to be appended is counted,
 *   where awslogs' check omits it and can then ship a stray "\n" event split off an event one byte too long.
 * - The event's timestamp is its first line's.
 * - Age flush (improvement over awslogs' "≥ interval since the first line, checked on a tick of the same
 *   interval", which holds events for up to 2× the interval and cuts events whenever the reader lags): an event
 *   is flushed once no line arrived for `flushIntervalMs`, or once it has been open for 2× `flushIntervalMs`, so
 *   the worst case equals awslogs' and a finished stack trace leaves after one interval of quiet.
 *   Also flushed when the clock went backwards, and at close (flushAll).
 *
 * Without a pattern each line is one event, empty ones included: dropping blanks is the sender's job, which
 * counts them (observability/drops.ts 'blank-line').
 */
export class MultilineGrouper {
  private readonly pattern: RegExp | undefined;
  private parts: string[] = [];
  private bytes = 0; // UTF-8 bytes of parts
  private timestampMs = 0; // first line's timestamp
  private openedAtMs = 0; // arrival of the first line
  private lastLineAtMs = 0; // arrival of the latest line

  constructor(
    pattern: RegExp | undefined,
    private readonly maxEventBytes: number,
    private readonly flushIntervalMs: number,
  ) {
    // `test` on a g/y RegExp is stateful (lastIndex) and would skip matches; a copy without them is not.
    this.pattern = pattern && /[gy]/.test(pattern.flags) ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')) : pattern;
  }

  /** True while a multiline event is being held. */
  get holding(): boolean {
    return this.parts.length > 0;
  }

  /**
   * Adds one line; returns the events it completes. `nowMs` is when the line was read (for the age flush);
   * without it the line's own timestamp stands in, which is equivalent unless the reader lags behind.
   */
  push(line: AssembledLine, nowMs: number = line.timestampMs): LogEvent[] {
    if (!this.pattern) return [{ timestampMs: line.timestampMs, message: line.text }];
    const events: LogEvent[] = [];
    const lineBytes = Buffer.byteLength(line.text, 'utf8');
    const newline = lineBytes < this.maxEventBytes ? 1 : 0;
    if (this.parts.length > 0 && (this.bytes + lineBytes + newline > this.maxEventBytes || this.pattern.test(line.text))) {
      events.push(this.take());
    }
    if (this.parts.length === 0) {
      this.timestampMs = line.timestampMs;
      this.openedAtMs = nowMs;
    }
    this.parts.push(newline ? `${line.text}\n` : line.text);
    this.bytes += lineBytes + newline;
    this.lastLineAtMs = nowMs;
    return events;
  }

  /** Emits the held event if it is due (see the class comment). */
  flushExpired(nowMs: number): LogEvent[] {
    if (this.parts.length === 0) return [];
    const quiet = nowMs - this.lastLineAtMs >= this.flushIntervalMs;
    const old = nowMs - this.openedAtMs >= 2 * this.flushIntervalMs;
    const clockWentBack = nowMs < this.lastLineAtMs;
    return quiet || old || clockWentBack ? [this.take()] : [];
  }

  /** Close: emits the held event, if any. */
  flushAll(): LogEvent[] {
    return this.parts.length > 0 ? [this.take()] : [];
  }

  private take(): LogEvent {
    const event = { timestampMs: this.timestampMs, message: this.parts.join('') };
    this.parts = [];
    this.bytes = 0;
    return event;
  }
}
