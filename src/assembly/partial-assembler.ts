import type { AssembledLine, DockerLogEntry, LogSource } from '../pipeline-types';
import { CappedLine, type DecodeBytes } from './capped-line';

const CR = 0x0d;
const NANOS_PER_MS = 1_000_000n;
/** The cap must hold any one rune, including an invalid byte that decodes to 3 bytes. */
const MIN_LINE_BYTES = 4;

export interface PartialAssemblerOptions {
  /** Cap on the decoded UTF-8 size of one emitted line; longer lines continue in further lines. */
  readonly maxLineBytes: number;
  /** Bytes → text, e.g. decodeUtf8GoStyle (cloudwatch/utf8.ts). */
  readonly decode: DecodeBytes;
}

/** A line whose chunks are still arriving. */
interface PendingLine {
  readonly id: string | undefined; // partial_log_metadata.id; undefined for pre-18.09 daemons
  readonly timestampMs: number; // of the first chunk
  readonly bytes: CappedLine;
  lastChunkAtMs: number;
  emitted: boolean; // part of this line already left (size cut or hold flush)
}

/**
 * Rebuilds whole lines from dockerd's ≤ 16 KiB chunks (docker-logging-protocol.md §6).
 *
 * Rules:
 * - A line ends at an entry with `!partial || partial_log_metadata.last`. Since 18.09 chunks carry an id and an
 *   ordinal; older daemons send no metadata and mark every chunk but the last `partial`, so "until a non-partial
 *   entry" covers both. Chunks are appended in arrival order: dockerd's copier writes one line's chunks in
 *   ordinal order from a single goroutine, and buffering to reorder would break the memory bound.
 * - stdout and stderr are assembled independently (each stream has its own copier, their chunks interleave).
 *   A partial chunk with a different id than the pending line of its stream starts a new line; the pending one
 *   is emitted as it is.
 * - Docker only writes "stdout" and "stderr". Any other source (an all-default LogEntry has "") is assembled as
 *   stdout rather than dropped: the bytes are still something the container wrote.
 * - The timestamp is the first chunk's (dockerd stamps all chunks of a line with it anyway).
 * - Exactly one trailing '\r' is removed (TTY mode and CRLF). awslogs ships it; a bare "\r" line becomes "".
 * - Size cap and UTF-8-safe cuts: see CappedLine.
 * - A fragment whose next chunk does not come (writer died mid-line, or the line without '\n' at exit) is
 *   emitted by flushExpired after a hold time, or by flushAll at EOF. If its chunks resume after a hold flush,
 *   they are emitted as a continuation with the same timestamp.
 */
export class PartialAssembler {
  private readonly maxLineBytes: number;
  private readonly decode: DecodeBytes;
  private readonly pending = new Map<LogSource, PendingLine>();

  constructor(options: PartialAssemblerOptions) {
    if (!Number.isInteger(options.maxLineBytes) || options.maxLineBytes < MIN_LINE_BYTES) {
      throw new RangeError(`maxLineBytes must be an integer ≥ ${MIN_LINE_BYTES}, got ${options.maxLineBytes}`);
    }
    this.maxLineBytes = options.maxLineBytes;
    this.decode = options.decode;
  }

  /** Number of streams with an unfinished line. */
  get pendingLines(): number {
    return this.pending.size;
  }

  /**
   * Adds one entry; returns the lines it completes (or cuts off at the cap).
   * `nowMs` is when the entry was read, for the hold timeout. Without it the entry's own timestamp stands in,
   * which is equivalent unless the reader lags behind the FIFO by more than the hold time.
   */
  push(entry: DockerLogEntry, nowMs?: number): AssembledLine[] {
    const source: LogSource = entry.source === 'stderr' ? 'stderr' : 'stdout';
    const timestampMs = Number(entry.timeNano / NANOS_PER_MS);
    const id = entry.partialMeta?.id;
    const out: AssembledLine[] = [];
    let line = this.pending.get(source);
    if (line && entry.partial && line.id !== id) {
      this.end(source, line, out);
      line = undefined;
    }
    if (!line) {
      if (!entry.partial && entry.line.length * 3 <= this.maxLineBytes) {
        // The common case: a whole line that fits whatever its bytes decode to.
        out.push({ source, timestampMs, text: this.decode(withoutTrailingCr(entry.line)) });
        return out;
      }
      line = { id, timestampMs, bytes: new CappedLine(this.maxLineBytes, this.decode), lastChunkAtMs: 0, emitted: false };
      this.pending.set(source, line);
    }
    line.lastChunkAtMs = nowMs ?? timestampMs;
    this.emit(source, line, line.bytes.append(entry.line), out);
    if (!entry.partial || entry.partialMeta?.last === true) this.end(source, line, out);
    return out;
  }

  /**
   * Emits what is held of fragments whose last chunk arrived `holdMs` or more before `nowMs`. What is emitted is
   * treated as a line end (a trailing '\r' is removed), the one approximation for a line that later resumes.
   */
  flushExpired(nowMs: number, holdMs: number): AssembledLine[] {
    const out: AssembledLine[] = [];
    for (const [source, line] of this.pending) {
      if (nowMs - line.lastChunkAtMs >= holdMs || nowMs < line.lastChunkAtMs) {
        const { pieces, rest } = line.bytes.finish();
        this.emit(source, line, rest === '' ? pieces : [...pieces, rest], out);
        // Kept (now empty) so that chunks resuming with the same id continue this line rather than duplicate
        // an empty head; flushAll or the next line drop it without emitting anything.
      }
    }
    return out;
  }

  /** End of stream: every unfinished line is emitted. */
  flushAll(): AssembledLine[] {
    const out: AssembledLine[] = [];
    for (const [source, line] of this.pending) this.end(source, line, out);
    return out;
  }

  private end(source: LogSource, line: PendingLine, out: AssembledLine[]): void {
    this.pending.delete(source);
    const { pieces, rest } = line.bytes.finish();
    this.emit(source, line, pieces, out);
    // An empty rest is a line of its own only if nothing of it was emitted yet (e.g. "" or "\r" chunks).
    if (rest !== '' || !line.emitted) this.emit(source, line, [rest], out);
  }

  private emit(source: LogSource, line: PendingLine, texts: string[], out: AssembledLine[]): void {
    for (const text of texts) out.push({ source, timestampMs: line.timestampMs, text });
    if (texts.length > 0) line.emitted = true;
  }
}

function withoutTrailingCr(bytes: Buffer): Buffer {
  return bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.subarray(0, bytes.length - 1) : bytes;
}
