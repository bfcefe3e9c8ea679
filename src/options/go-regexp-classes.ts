/**
 * Go RE2's ASCII POSIX classes (https://pkg.go.dev/regexp/syntax, "ASCII character classes") as code-point
 * ranges, and helpers to write ranges (or their complement) into a JavaScript u-mode character class.
 * JavaScript has no `[[:alpha:]]`: it silently parses it as a set plus a literal ']' (awslogs-options.md §5).
 */

export type Ranges = readonly (readonly [number, number])[];

const c = (ch: string): number => ch.codePointAt(0)!;

export const POSIX_CLASSES: Readonly<Record<string, Ranges>> = {
  alnum: [[c('0'), c('9')], [c('A'), c('Z')], [c('a'), c('z')]],
  alpha: [[c('A'), c('Z')], [c('a'), c('z')]],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: [[c('0'), c('9')]],
  graph: [[c('!'), c('~')]],
  lower: [[c('a'), c('z')]],
  print: [[c(' '), c('~')]],
  punct: [[c('!'), c('/')], [c(':'), c('@')], [c('['), c('`')], [c('{'), c('~')]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[c('A'), c('Z')]],
  word: [[c('0'), c('9')], [c('A'), c('Z')], [c('a'), c('z')], [c('_'), c('_')]],
  xdigit: [[c('0'), c('9')], [c('A'), c('F')], [c('a'), c('f')]],
};

const MAX_CODE_POINT = 0x10ffff;

/** The complement of sorted, disjoint ranges over all code points (for `[[:^alpha:]]` and `\S` in a class). */
export function negatePosixRanges(ranges: Ranges): Ranges {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

/** Ranges as the inside of a u-mode class, every bound written as \u{…} so no character needs escaping. */
export function rangesToClass(ranges: Ranges): string {
  const esc = (cp: number): string => `\\u{${cp.toString(16).toUpperCase()}}`;
  return ranges.map(([lo, hi]) => (lo === hi ? esc(lo) : `${esc(lo)}-${esc(hi)}`)).join('');
}
