import fc from 'fast-check';

/** Code points of every UTF-8 length, astral ones included, never a lone surrogate. */
export const codePoint = fc.oneof(
  fc.constantFrom('a', '\u00e9', '\u20ac', '\u{1F600}', '\u{10348}', '\u0800', '\uFFFF', '\u{10FFFF}'),
  fc.integer({ min: 0, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c)),
);

export const wellFormed = fc.array(codePoint, { maxLength: 200 }).map((a) => a.join(''));

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}
