import { INCOMPLETE, INVALID, REPLACEMENT_BYTES, runeWidthAt } from './go-rune';

const CR = 0x0d;
const INITIAL_CAPACITY = 16 * 1024; // one dockerd chunk (docker-logging-protocol.md §5)

/** Turns the bytes of a (piece of a) line into text. Injected so assembly does not depend on a decoder module. */
export type DecodeBytes = (bytes: Buffer) => string;

/**
 * The bytes of one logical line as its chunks arrive, bounded by `maxBytes`.
 *
 * Invariants:
 * - Bytes are joined before decoding, so a multibyte character split by dockerd's 16 KiB cut decodes whole.
 * - Size is counted the way awslogs does (Go runes; an invalid byte weighs 3, the size of the U+FFFD it becomes).
 *   As soon as the line would exceed `maxBytes`, the longest prefix that fits is cut off and decoded, and only
 *   the rest is kept: memory stays ≈ maxBytes + one chunk however long the line is, every piece decodes to at most
 *   `maxBytes` UTF-8 bytes, and cuts never fall inside a valid multibyte sequence. The cut points are those a
 *   greedy split of the whole line would choose (what awslogs' findValidSplit does).
 * - One trailing '\r' is the line ending of a TTY or CRLF line, not content: finish() removes it. If it forced a
 *   cut, the rest is then empty, and the caller emits no empty continuation (see PartialAssembler).
 */
export class CappedLine {
  private bytes = Buffer.allocUnsafe(0);
  private length = 0; // bytes held
  private scanned = 0; // bytes already sized, always at a rune boundary
  private size = 0; // decoded size of bytes[0, scanned)

  constructor(
    private readonly maxBytes: number,
    private readonly decode: DecodeBytes,
  ) {}

  /** Adds a chunk; returns the texts of pieces that had to be cut off to stay within the cap. */
  append(chunk: Buffer): string[] {
    if (chunk.length === 0) return [];
    this.reserve(this.length + chunk.length);
    chunk.copy(this.bytes, this.length);
    this.length += chunk.length;
    return this.cut(false);
  }

  /** The line ended: returns the cut pieces still due and the final rest (one trailing '\r' removed). */
  finish(): { pieces: string[]; rest: string } {
    if (this.length > 0 && this.bytes[this.length - 1] === CR) this.length -= 1;
    const pieces = this.cut(true);
    const rest = this.length === 0 ? '' : this.decode(this.bytes.subarray(0, this.length));
    this.bytes = Buffer.allocUnsafe(0);
    this.length = this.scanned = this.size = 0;
    return { pieces, rest };
  }

  private cut(final: boolean): string[] {
    const pieces: string[] = [];
    let end = this.length;
    while (this.scanned < end) {
      let width = runeWidthAt(this.bytes, this.scanned, end);
      if (width === INCOMPLETE) {
        if (!final) break; // wait for the bytes that may complete it
        width = INVALID;
      }
      const runeBytes = width === INVALID ? 1 : width;
      const decodedBytes = width === INVALID ? REPLACEMENT_BYTES : width;
      if (this.size + decodedBytes > this.maxBytes && this.scanned > 0) {
        pieces.push(this.decode(this.bytes.subarray(0, this.scanned)));
        this.bytes.copyWithin(0, this.scanned, this.length);
        this.length -= this.scanned;
        end -= this.scanned;
        this.scanned = 0;
        this.size = 0;
        continue;
      }
      this.scanned += runeBytes;
      this.size += decodedBytes;
    }
    return pieces;
  }

  private reserve(capacity: number): void {
    if (capacity <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(capacity, this.bytes.length * 2, INITIAL_CAPACITY));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}
