import { CorruptFrameError } from '../errors';

/**
 * Upper bound on one frame's payload, in bytes.
 *
 * The largest frame dockerd writes is about 16.5 KB: a 16 KiB line chunk plus source, timestamp and the partial
 * metadata with its 64-hex id (docker-logging-protocol.md §5). Other readers of the same FIFO format cap at 1e6
 * (cpuguy83's plugin helpers, Sumo Logic) or 2e6 bytes (elastic/beats). 1 MiB leaves a 60× margin over anything
 * legitimate while making sure a desynchronised stream (random bytes read as a length) fails fast instead of
 * waiting for, and buffering, gigabytes.
 */
export const MAX_FRAME_BYTES = 1024 * 1024;

/** Each frame starts with its payload length as a big-endian uint32 ([moby] internal/logdriver/io.go). */
const HEADER_BYTES = 4;

/** When this many consumed chunk slots accumulate at the head of the list, they are compacted away. */
const COMPACT_AFTER_CHUNKS = 1024;

/**
 * Incremental decoder for `[uint32 BE length][payload]` frames, fed with whatever pieces the FIFO yields.
 *
 * Invariants:
 * - Input chunks are kept as a list and never concatenated wholesale, so many tiny reads cost linear time.
 *   A payload that lies inside one chunk is returned as a zero-copy view of it; only a payload spanning chunks is
 *   copied, once.
 * - A zero-length frame is legal: proto3 encodes a LogEntry whose fields all have default values as 0 bytes.
 * - After a CorruptFrameError the stream position is lost (the next "length" would be arbitrary payload bytes), so
 *   the error is sticky: every later call throws it again.
 * - Frames completed before the corruption in the same chunk are still returned; `error` then tells the caller that
 *   the stream broke after them (and the next call throws).
 */
export class FrameDecoder {
  private readonly maxFrameBytes: number;
  private chunks: Buffer[] = [];
  private first = 0; // index of the first chunk still holding unread bytes
  private head = 0; // read offset inside chunks[first]
  private buffered = 0; // unread bytes over all chunks
  private frameLength = -1; // payload length of the frame whose header was consumed; -1 while awaiting a header
  private frameOffset = 0; // stream offset of the current frame's header, for error messages
  private consumed = 0; // bytes consumed from the stream so far
  private failure: CorruptFrameError | undefined;

  constructor(maxFrameBytes: number = MAX_FRAME_BYTES) {
    if (!Number.isInteger(maxFrameBytes) || maxFrameBytes < 0) {
      throw new RangeError(`maxFrameBytes must be a non-negative integer, got ${maxFrameBytes}`);
    }
    this.maxFrameBytes = maxFrameBytes;
  }

  /** Bytes received that belong to a frame not yet complete (its header included). */
  get pendingBytes(): number {
    return this.buffered + (this.frameLength >= 0 ? HEADER_BYTES : 0);
  }

  /** The corruption met so far, if any. Set while `push` still returns the good frames that preceded it. */
  get error(): CorruptFrameError | undefined {
    return this.failure;
  }

  /**
   * Feeds bytes; returns the payloads of the frames they complete, in stream order. Throws CorruptFrameError when
   * the stream is corrupt before any complete frame in this call.
   */
  push(chunk: Buffer): Buffer[] {
    if (this.failure) throw this.failure;
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    const payloads: Buffer[] = [];
    for (;;) {
      if (this.frameLength < 0) {
        if (this.buffered < HEADER_BYTES) break;
        this.frameOffset = this.consumed;
        const length = this.take(HEADER_BYTES).readUInt32BE(0);
        if (length > this.maxFrameBytes) {
          this.failure = new CorruptFrameError(
            `frame at byte offset ${this.frameOffset} declares a ${length}-byte payload, ` +
              `above the ${this.maxFrameBytes}-byte cap; the stream is not a Docker log stream or lost sync`,
          );
          if (payloads.length === 0) throw this.failure;
          break;
        }
        this.frameLength = length;
      }
      if (this.buffered < this.frameLength) break;
      payloads.push(this.take(this.frameLength));
      this.frameLength = -1;
    }
    this.compact();
    return payloads;
  }

  /** End of stream. Throws CorruptFrameError when the stream stopped inside a frame. */
  finish(): void {
    if (this.failure) throw this.failure;
    const pending = this.pendingBytes;
    if (pending === 0) return;
    const what =
      this.frameLength >= 0
        ? `a frame declaring ${this.frameLength} payload bytes had only ${this.buffered} of them`
        : `only ${pending} of the ${HEADER_BYTES} header bytes arrived`;
    const offset = this.frameLength >= 0 ? this.frameOffset : this.consumed;
    this.failure = new CorruptFrameError(
      `stream ended inside the frame at byte offset ${offset}: ${pending} byte(s) of an incomplete frame (${what})`,
    );
    throw this.failure;
  }

  /** Removes exactly `n` ≤ buffered bytes from the front. Zero-copy when they lie in one chunk. */
  private take(n: number): Buffer {
    if (n === 0) return Buffer.alloc(0);
    this.buffered -= n;
    this.consumed += n;
    const current = this.chunks[this.first];
    if (current.length - this.head >= n) {
      const view = current.subarray(this.head, this.head + n);
      this.advance(n);
      return view;
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const chunk = this.chunks[this.first];
      const count = Math.min(chunk.length - this.head, n - filled);
      chunk.copy(out, filled, this.head, this.head + count);
      filled += count;
      this.advance(count);
    }
    return out;
  }

  private advance(n: number): void {
    this.head += n;
    if (this.head === this.chunks[this.first].length) {
      this.first += 1;
      this.head = 0;
    }
  }

  /** Drops consumed chunk slots; amortised O(1) per chunk because it only runs once they dominate the list. */
  private compact(): void {
    if (this.first === this.chunks.length) {
      this.chunks = [];
      this.first = 0;
    } else if (this.first >= COMPACT_AFTER_CHUNKS && this.first * 2 >= this.chunks.length) {
      this.chunks = this.chunks.slice(this.first);
      this.first = 0;
    }
  }
}
