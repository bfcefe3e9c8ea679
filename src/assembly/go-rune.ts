/**
 * UTF-8 rune boundaries with Go's rules (unicode/utf8.DecodeRune), which awslogs uses to size and split events:
 * a valid sequence is one rune of its own length; every byte that does not start a valid sequence is one rune
 * that becomes U+FFFD, i.e. 3 bytes once decoded ("invalid bytes count as 3", awslogs-options.md §3).
 */

/** The bytes from `i` to the end of the window are a valid but unfinished sequence: more bytes may complete it. */
export const INCOMPLETE = 0;
/** The byte at `i` does not start a valid sequence: it is a rune of width 1 that decodes to U+FFFD. */
export const INVALID = -1;

/** Bytes U+FFFD takes in UTF-8: what one invalid byte weighs once decoded. */
export const REPLACEMENT_BYTES = 3;

/**
 * Width of the valid UTF-8 sequence starting at `bytes[i]` (1–4), or INVALID, or INCOMPLETE when `end` cuts a
 * sequence whose bytes so far are valid. Overlongs, surrogates and values above U+10FFFF are INVALID.
 */
export function runeWidthAt(bytes: Uint8Array, i: number, end: number): number {
  const b0 = bytes[i];
  if (b0 < 0x80) return 1;
  let width: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    width = 2;
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    width = 3;
    if (b0 === 0xe0) lo = 0xa0; // overlong
    else if (b0 === 0xed) hi = 0x9f; // surrogates
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    width = 4;
    if (b0 === 0xf0) lo = 0x90; // overlong
    else if (b0 === 0xf4) hi = 0x8f; // above U+10FFFF
  } else {
    return INVALID;
  }
  for (let k = 1; k < width; k++) {
    if (i + k >= end) return INCOMPLETE;
    const b = bytes[i + k];
    if (k === 1 ? b < lo || b > hi : b < 0x80 || b > 0xbf) return INVALID;
  }
  return width;
}
