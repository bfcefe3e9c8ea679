/**
 * The atoms of Go RE2 syntax that translate one to one into a JavaScript u-mode RegExp: escapes and bracket
 * expressions (https://pkg.go.dev/regexp/syntax). go-regexp.ts handles the structure (groups, flags, repetition).
 * Go's ASCII POSIX classes become explicit ranges: JavaScript has no `[[:alpha:]]` and silently parses it as a
 * set plus a literal ']' (awslogs-options.md §5).
 */

export class GoRegexpError extends Error {}

/** Characters with a meaning in JavaScript regex syntax outside a class; escaped when they are literals. */
export const JS_SYNTAX: ReadonlySet<string> = new Set([...'\\^$.|?*+()[]{}/']);

/** Go's \a \f \t \n \r \v. */
const GO_CONTROL_ESCAPES: Record<string, number> = { a: 0x07, f: 0x0c, t: 0x09, n: 0x0a, r: 0x0d, v: 0x0b };

export type Ranges = readonly (readonly [number, number])[];

/** Go's \s: [\t\n\f\r ] (ASCII only, unlike JavaScript's). */
const GO_SPACE: Ranges = [[0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x20]];

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
  return ranges.map(([lo, hi]) => (lo === hi ? codePointEscape(lo) : `${codePointEscape(lo)}-${codePointEscape(hi)}`)).join('');
}

/** An escape at p[pos] (a backslash) that is valid inside and outside a class; cp is set for single characters. */
export function parseEscape(p: string, pos: number, inClass: boolean): { js: string; len: number; cp?: number } {
  const rest = p.slice(pos);
  const e = rest[1]!;
  if ('dDwW'.includes(e)) return { js: `\\${e}`, len: 2 };
  const control = GO_CONTROL_ESCAPES[e];
  if (control !== undefined) return { js: codePointEscape(control), len: 2, cp: control };
  if (e === 'p' || e === 'P') {
    const m = /^\\[pP](?:\{(\^?)([A-Za-z_]+)\}|([A-Za-z]))/.exec(rest);
    if (m === null) throw new GoRegexpError(`has an invalid Unicode class escape "${rest.slice(0, 4)}"`);
    const negated = (e === 'P') !== (m[1] === '^');
    const name = m[2] ?? m[3]!;
    const prop = GENERAL_CATEGORIES.has(name) ? name : `Script=${name}`;
    return { js: `\\${negated ? 'P' : 'p'}{${prop}}`, len: m[0].length };
  }
  const hex = /^\\x(?:([0-9a-fA-F]{2})|\{([0-9a-fA-F]{1,6})\})/.exec(rest);
  if (e === 'x') {
    if (hex === null) throw new GoRegexpError(`has an invalid escape sequence "${rest.slice(0, 4)}"`);
    const cp = parseInt(hex[1] ?? hex[2]!, 16);
    if (cp > 0x10ffff) throw new GoRegexpError(`has an invalid escape sequence "${hex[0]}"`);
    return { js: codePointEscape(cp), len: hex[0].length, cp };
  }
  const octal = /^\\(?:0[0-7]{0,2}|[1-7][0-7]{1,2})/.exec(rest);
  if (octal !== null) {
    const cp = parseInt(octal[0].slice(1), 8);
    return { js: codePointEscape(cp), len: octal[0].length, cp };
  }
  if (/\d/.test(e) || e === 'k' || e === 'g') throw new GoRegexpError(`uses a backreference "\\${e}", which Go RE2 does not support`);
  const cp = e.codePointAt(0)!;
  if (cp < 0x80 && !/[A-Za-z0-9]/.test(e)) return { js: inClass ? classChar(cp) : JS_SYNTAX.has(e) ? '\\' + e : e, len: 2, cp };
  throw new GoRegexpError(`has an invalid escape sequence "\\${e}"`);
}

/** Parses the Go bracket expression at p[pos]; returns the JS class and its length in the pattern. */
export function parseCharClass(p: string, pos: number): [string, number] {
  const start = pos;
  let i = pos + 1;
  let negated = false;
  if (p[i] === '^') {
    negated = true;
    i++;
  }
  let body = '';
  let first = true;
  for (;;) {
    if (i >= p.length) throw new GoRegexpError('has a missing closing ] in a character class');
    const ch = String.fromCodePoint(p.codePointAt(i)!);
    if (ch === ']' && !first) break;
    first = false;
    const posix = /^\[:(\^?)([a-z]+):\]/.exec(p.slice(i));
    if (posix !== null) {
      const ranges = POSIX_CLASSES[posix[2]!];
      if (ranges === undefined) throw new GoRegexpError(`has an invalid character class range "${posix[0]}"`);
      body += rangesToClass(posix[1] === '^' ? negatePosixRanges(ranges) : ranges);
      i += posix[0].length;
      continue;
    }
    const lo = classAtom(p, i);
    i += lo.len;
    if (lo.cp !== undefined && p[i] === '-' && p[i + 1] !== ']' && i + 1 < p.length) {
      const hi = classAtom(p, i + 1);
      if (hi.cp === undefined || hi.cp < lo.cp) throw new GoRegexpError(`has an invalid character class range "${p.slice(i - lo.len, i + 1 + hi.len)}"`);
      body += `${lo.js}-${hi.js}`;
      i += 1 + hi.len;
    } else body += lo.js;
  }
  return [`[${negated ? '^' : ''}${body}]`, i + 1 - start];
}

/** One class member: a character (with its code point, so it can start a range) or a class escape. */
function classAtom(p: string, i: number): { js: string; len: number; cp?: number } {
  const ch = String.fromCodePoint(p.codePointAt(i)!);
  if (ch !== '\\') return { js: classChar(ch.codePointAt(0)!), len: ch.length, cp: ch.codePointAt(0)! };
  const e = p[i + 1];
  if (e === 's') return { js: rangesToClass(GO_SPACE), len: 2 };
  if (e === 'S') return { js: rangesToClass(negatePosixRanges(GO_SPACE)), len: 2 };
  const esc = parseEscape(p, i, true);
  return esc.cp === undefined ? esc : { js: classChar(esc.cp), len: esc.len, cp: esc.cp };
}

const GENERAL_CATEGORIES = new Set(
  'Any C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

export function codePointEscape(cp: number): string {
  return `\\u{${cp.toString(16).toUpperCase()}}`;
}

/** A character inside a JS u-mode class: syntax characters escaped, controls as \u{…}. */
function classChar(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if ('\\]^-['.includes(ch)) return '\\' + ch;
  if (cp < 0x20 || cp === 0x7f) return codePointEscape(cp);
  return ch;
}
