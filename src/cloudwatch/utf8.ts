import { isUtf8 } from 'node:buffer';

/**
 * UTF-8 helpers that count bytes the way CloudWatch counts them (cloudwatch-logs-rules.md §1 "UTF-8").
 */

const REPLACEMENT = '\uFFFD';

/**
 * Length of the valid UTF-8 sequence starting at `buf[i]`, or 0 when it is invalid there.
 * The ranges are RFC 3629 table 3-7, the same table Go's utf8.DecodeRune uses (no overlongs, no surrogates,
 * nothing above U+10FFFF).
 */
function validSequenceLength(buf: Buffer, i: number): number {
  const b0 = buf[i];
  if (b0 < 0x80) return 1;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) need = 2;
  else if (b0 >= 0xe0 && b0 <= 0xef) {
    need = 3;
    if (b0 === 0xe0) lo = 0xa0;
    else if (b0 === 0xed) hi = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    need = 4;
    if (b0 === 0xf0) lo = 0x90;
    else if (b0 === 0xf4) hi = 0x8f;
  } else return 0;
  if (i + need > buf.length) return 0;
  const b1 = buf[i + 1];
  if (b1 < lo || b1 > hi) return 0;
  for (let k = 2; k < need; k++) {
    const b = buf[i + k];
    if (b < 0x80 || b > 0xbf) return 0;
  }
  return need;
}

/**
 * Decode bytes to a string, replacing EACH byte that does not start a valid sequence with U+FFFD, exactly as Go's
 * utf8.DecodeRune (and so encoding/json, and so Docker's awslogs) does. WHATWG TextDecoder differs: it replaces a
 * "maximal subpart" with a single U+FFFD, e.g. `E2 82` → 1× there but 2× here. Matching Go keeps our events
 * byte-identical to awslogs' and makes each invalid byte cost exactly 3 bytes, as awslogs counts it.
 */
export function decodeUtf8GoStyle(buf: Buffer): string {
  if (isUtf8(buf)) return buf.toString('utf8');
  let out = '';
  let runStart = 0;
  let i = 0;
  while (i < buf.length) {
    const n = validSequenceLength(buf, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (i > runStart) out += buf.toString('utf8', runStart, i);
    out += REPLACEMENT;
    i += 1;
    runStart = i;
  }
  if (runStart < buf.length) out += buf.toString('utf8', runStart);
  return out;
}

/** UTF-8 byte length of a well-formed string (a lone surrogate would count as U+FFFD, 3 bytes). */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * Split `s` into pieces of at most `maxBytes` UTF-8 bytes each, cutting only at code point boundaries (never inside
 * a multibyte sequence, so never inside a surrogate pair). Concatenating the pieces gives `s` back for any
 * well-formed string. An empty string gives `['']`: empty-message policy belongs to the caller.
 */
export function splitUtf8(s: string, maxBytes: number): string[] {
  if (!Number.isInteger(maxBytes) || maxBytes < 4) throw new RangeError(`maxBytes must be an integer >= 4, got ${maxBytes}`);
  if (s.length * 3 <= maxBytes || utf8Length(s) <= maxBytes) return [s];
  const buf = Buffer.from(s, 'utf8');
  const pieces: string[] = [];
  let start = 0;
  while (start < buf.length) {
    let end = Math.min(start + maxBytes, buf.length);
    // Back up over continuation bytes (10xxxxxx) so the cut lands before a lead byte.
    while (end < buf.length && (buf[end] & 0xc0) === 0x80) end--;
    pieces.push(buf.toString('utf8', start, end));
    start = end;
  }
  return pieces;
}
