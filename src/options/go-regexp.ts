/**
 * Go RE2 syntax (https://pkg.go.dev/regexp/syntax) → an equivalent JavaScript RegExp, for
 * awslogs-multiline-pattern, awslogs-datetime-format (after strftime.ts) and labels-regex / env-regex.
 * Differences handled (awslogs-options.md §5):
 *  - always compiled with the `u` flag: matching runs on code points like Go, `(?i)` uses simple case folding
 *    like Go, and `\pL`, `\p{Greek}`, `\PL`, `\p{^Greek}`, `\x{…}` have a direct spelling;
 *  - a LEADING `(?flags)` (i, m, s; several groups allowed) becomes JS flags or an equivalent rewrite:
 *    i → JS `i`; s → JS `s`; m → `^`/`$` become `(?<![^\n])`/`(?![^\n])`, so only '\n' ends a line, as in Go;
 *  - `.` without s is `[^\n]` (JS `.` also stops at \r, U+2028, U+2029); `\s`/`\S` are Go's ASCII
 *    `[\t\n\f\r ]` (JS adds \v and Unicode spaces);
 *  - `(?P<n>` → `(?<n>`; `\A` → `^`, `\z` → `$` (the JS `m` flag is never set); `\Q…\E` → escaped text;
 *    `[[:alpha:]]` and the other POSIX classes → ASCII ranges (negated ones as explicit complements);
 *    `\a` and Go octal escapes → `\u{…}`; a literal `{`, `}` or `]` is escaped (u mode requires it);
 *    a quantified assertion (`^*`) is wrapped in `(?:…)`.
 * Rejected with InvalidOptionError, since they cannot be honoured or are unsafe:
 *  - scoped or non-leading flags `(?i:…)`, `a(?i)b`, and `(?U)` (ungreedy): JS has no equivalent in Node 20;
 *  - backreferences and look-around: RE2 rejects them too, so a Go-valid pattern never has them;
 *  - repeat counts above 1000 (RE2's limit: "invalid repeat count");
 *  - catastrophic-backtracking risk. HEURISTIC: a group repeated more than once (`*`, `+`, `{n,}`, `{n,m}` with
 *    m > 1) whose body contains a quantifier or an alternation, e.g. `(a+)+`, `(a|aa)*`, `(\w+\s?)*`. RE2 runs
 *    these in linear time; V8 can take exponential time and freeze the plugin on one line. This rejects the
 *    exponential shapes; polynomial ones (`\d*\d*\d*x`) pass and are bounded by the event size. Rewrite with a
 *    character class (`[ab]*`) or an unrepeated group.
 * Matching stays unanchored, like Go's regexp.Match.
 */
import { InvalidOptionError } from '../errors';
import { negatePosixRanges, POSIX_CLASSES, rangesToClass } from './go-regexp-classes';

/** RE2's maximum repeat count (regexp/syntax: "invalid repeat count"). */
export const MAX_REPEAT_COUNT = 1000;

export class GoRegexpError extends Error {}

export interface TranslatedRegexp {
  readonly source: string;
  readonly flags: string;
}

interface Frame {
  hasQuantifier: boolean;
  hasAlternation: boolean;
}

interface LastAtom {
  readonly start: number; // index in `out` where the atom begins
  readonly kind: 'atom' | 'assertion' | 'group';
  readonly frame?: Frame;
  quantified: boolean;
}

const JS_SYNTAX = new Set([...'\\^$.|?*+()[]{}/']);
/** Go's \a \f \t \n \r \v. */
const GO_CONTROL_ESCAPES: Record<string, number> = { a: 0x07, f: 0x0c, t: 0x09, n: 0x0a, r: 0x0d, v: 0x0b };
const GO_SPACE = [[0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x20]] as const;

export function translateGoRegexp(pattern: string): TranslatedRegexp {
  return new Translator(pattern).run();
}

/**
 * Compiles a Go regular expression for a log-opt; every error names the option, the value and the expectation.
 * `shown` is the value the user typed when it differs from `pattern` (awslogs-datetime-format).
 */
export function compileGoRegexp(pattern: string, option: string, shown?: string): RegExp {
  const prefix = `invalid log opt '${option}'='${shown ?? pattern}': ${shown !== undefined ? `its regular expression "${pattern}" ` : ''}`;
  const expected = 'expected a Go RE2 regular expression (https://pkg.go.dev/regexp/syntax)';
  try {
    const { source, flags } = translateGoRegexp(pattern);
    return new RegExp(source, flags);
  } catch (e) {
    if (e instanceof GoRegexpError) throw new InvalidOptionError(option, `${prefix}${e.message}; ${expected}`);
    if (e instanceof SyntaxError) throw new InvalidOptionError(option, `${prefix}is not valid (${e.message}); ${expected}`);
    throw e;
  }
}

class Translator {
  private pos = 0;
  private out = '';
  private readonly flags = { i: false, m: false, s: false };
  private readonly frames: Frame[] = [{ hasQuantifier: false, hasAlternation: false }];
  private last: LastAtom | undefined;
  private sawNonFlag = false;

  constructor(private readonly p: string) {}

  run(): TranslatedRegexp {
    while (this.pos < this.p.length) this.step();
    if (this.frames.length > 1) throw new GoRegexpError('has a missing closing )');
    return { source: this.out, flags: `u${this.flags.i ? 'i' : ''}${this.flags.s ? 's' : ''}` };
  }

  private step(): void {
    const c = String.fromCodePoint(this.p.codePointAt(this.pos)!);
    if (c !== '(' || !this.p.startsWith('(?', this.pos)) this.sawNonFlag = true;
    switch (c) {
      case '(':
        return this.openGroup();
      case ')': {
        if (this.frames.length === 1) throw new GoRegexpError('has an unexpected )');
        const frame = this.frames.pop()!;
        const parent = this.top();
        parent.hasQuantifier ||= frame.hasQuantifier;
        parent.hasAlternation ||= frame.hasAlternation;
        this.pos++;
        const start = this.groupStarts.pop()!;
        this.out += ')';
        this.last = { start, kind: 'group', frame, quantified: false };
        return;
      }
      case '|':
        this.top().hasAlternation = true;
        this.pos++;
        this.out += '|';
        this.last = undefined;
        return;
      case '*':
      case '+':
      case '?':
        return this.quantifier(c, c === '?' ? 0 : c === '+' ? 1 : 0, c === '?' ? 1 : Infinity, 1);
      case '{': {
        const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.p.slice(this.pos));
        if (m !== null) {
          const min = Number(m[1]);
          const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
          return this.quantifier(m[0], min, max, m[0].length);
        }
        return this.atom('\\{', 1);
      }
      case '[':
        return this.atom(...this.charClass());
      case '.':
        return this.atom(this.flags.s ? '.' : '[^\\n]', 1);
      case '^':
        return this.assertion(this.flags.m ? '(?<![^\\n])' : '^', 1);
      case '$':
        return this.assertion(this.flags.m ? '(?![^\\n])' : '$', 1);
      case '\\':
        return this.escape();
      default:
        return this.atom(JS_SYNTAX.has(c) ? '\\' + c : c, c.length);
    }
  }

  private readonly groupStarts: number[] = [];

  private top(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  private atom(js: string, len: number, kind: LastAtom['kind'] = 'atom'): void {
    this.last = { start: this.out.length, kind, quantified: false };
    this.out += js;
    this.pos += len;
  }

  private assertion(js: string, len: number): void {
    this.atom(js, len, 'assertion');
  }

  private openGroup(): void {
    const rest = this.p.slice(this.pos);
    let js: string;
    let len: number;
    const named = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(rest);
    if (named !== null) {
      if (/^\d/.test(named[1]!)) throw new GoRegexpError(`has capture group name "${named[1]}" starting with a digit, which JavaScript cannot honour`);
      [js, len] = [`(?<${named[1]}>`, named[0].length];
    } else if (rest.startsWith('(?:')) [js, len] = ['(?:', 3];
    else if (/^\(\?(?:=|!|<=|<!)/.test(rest)) throw new GoRegexpError('uses look-around, which Go RE2 does not support');
    else if (/^\(\?P[=>]/.test(rest)) throw new GoRegexpError('uses a backreference, which Go RE2 does not support');
    else if (rest.startsWith('(?')) return this.flagGroup(rest);
    else [js, len] = ['(', 1];
    this.sawNonFlag = true;
    this.groupStarts.push(this.out.length);
    this.frames.push({ hasQuantifier: false, hasAlternation: false });
    this.out += js;
    this.pos += len;
    this.last = undefined;
  }

  private flagGroup(rest: string): void {
    const m = /^\(\?([imsU]*)(?:-([imsU]*))?([:)])/.exec(rest);
    if (m === null || (m[1] === '' && (m[2] ?? '') === '')) throw new GoRegexpError(`has an invalid or unsupported group "${rest.slice(0, 6)}"`);
    if (m[1]!.includes('U')) throw new GoRegexpError('uses the ungreedy flag (?U), which JavaScript cannot honour; use lazy quantifiers such as *? instead');
    if (m[3] === ':') throw new GoRegexpError(`uses a scoped flag group "${m[0]}…)", which JavaScript cannot honour; put the flags at the very start, e.g. (?i)`);
    if (this.sawNonFlag) throw new GoRegexpError(`sets flags "${m[0]}" after the start, which JavaScript cannot honour; put the flags at the very start, e.g. (?i)`);
    for (const f of m[1]!) this.flags[f as 'i' | 'm' | 's'] = true;
    this.pos += m[0].length;
  }

  private quantifier(text: string, min: number, max: number, len: number): void {
    if (min > MAX_REPEAT_COUNT || (max !== Infinity && max > MAX_REPEAT_COUNT)) throw new GoRegexpError(`has an invalid repeat count "${text}" (Go RE2 allows at most ${MAX_REPEAT_COUNT})`);
    if (max < min) throw new GoRegexpError(`has an invalid repeat count "${text}" (max below min)`);
    const last = this.last;
    if (last === undefined) throw new GoRegexpError(`has a missing argument to repetition operator "${text}"`);
    if (last.quantified) throw new GoRegexpError(`has an invalid nested repetition operator "${text}"`);
    const repeats = max > 1;
    if (repeats && last.kind === 'group' && (last.frame!.hasQuantifier || last.frame!.hasAlternation)) {
      const group = this.out.slice(last.start);
      throw new GoRegexpError(
        `repeats the group "${group}" with "${text}" while the group itself contains a quantifier or an alternation: this nesting can take exponential time on a backtracking engine, so it is refused; rewrite it without nested repetition (e.g. (a+)+ as a+, (a|b)* as [ab]*)`,
      );
    }
    if (last.kind === 'assertion') this.out = `${this.out.slice(0, last.start)}(?:${this.out.slice(last.start)})`;
    this.pos += len;
    let js = text;
    if (this.p[this.pos] === '?') {
      js += '?';
      this.pos++;
    }
    this.out += js;
    last.quantified = true;
    this.top().hasQuantifier = true;
  }

  private escape(): void {
    const e = this.p[this.pos + 1];
    if (e === undefined) throw new GoRegexpError('ends with a trailing backslash');
    if (e === 'A') return this.assertion('^', 2);
    if (e === 'z') return this.assertion('$', 2);
    if (e === 'b' || e === 'B') return this.assertion('\\' + e, 2);
    if (e === 'Q') {
      const end = this.p.indexOf('\\E', this.pos + 2);
      const lit = this.p.slice(this.pos + 2, end < 0 ? undefined : end);
      const js = [...lit].map((ch) => (JS_SYNTAX.has(ch) ? '\\' + ch : ch)).join('');
      // A quantifier after \Q…\E applies to the last character only, as in Go.
      this.out += js.slice(0, js.length - lastCharLen(js));
      this.last = js === '' ? undefined : { start: this.out.length, kind: 'atom', quantified: false };
      this.out += js.slice(js.length - lastCharLen(js));
      this.pos = end < 0 ? this.p.length : end + 2;
      return;
    }
    if (e === 's') return this.atom('[\\t\\n\\f\\r ]', 2);
    if (e === 'S') return this.atom('[^\\t\\n\\f\\r ]', 2);
    const [js, len] = this.escapeInClassOrAtom(false);
    this.atom(js, len);
  }

  /** Escapes valid both inside and outside a class; returns [js, consumed length] or throws. */
  private escapeInClassOrAtom(inClass: boolean): [string, number, number?] {
    const rest = this.p.slice(this.pos);
    const e = rest[1]!;
    if ('dDwW'.includes(e)) return [`\\${e}`, 2];
    const control = GO_CONTROL_ESCAPES[e];
    if (control !== undefined) return [codePointEscape(control), 2, control];
    if (e === 'p' || e === 'P') {
      const m = /^\\[pP](?:\{(\^?)([A-Za-z_]+)\}|([A-Za-z]))/.exec(rest);
      if (m === null) throw new GoRegexpError(`has an invalid Unicode class escape "${rest.slice(0, 4)}"`);
      const negated = (e === 'P') !== (m[1] === '^');
      const name = m[2] ?? m[3]!;
      const prop = /^(?:[A-Z][a-z]?|Any)$/.test(name) && GENERAL_CATEGORIES.has(name) ? name : `Script=${name}`;
      return [`\\${negated ? 'P' : 'p'}{${prop}}`, m[0].length];
    }
    const hex = /^\\x(?:([0-9a-fA-F]{2})|\{([0-9a-fA-F]{1,6})\})/.exec(rest);
    if (e === 'x') {
      if (hex === null) throw new GoRegexpError(`has an invalid escape sequence "${rest.slice(0, 4)}"`);
      const cp = parseInt(hex[1] ?? hex[2]!, 16);
      if (cp > 0x10ffff) throw new GoRegexpError(`has an invalid escape sequence "${hex[0]}"`);
      return [codePointEscape(cp), hex[0].length, cp];
    }
    const octal = /^\\(?:0[0-7]{0,2}|[1-7][0-7]{1,2})/.exec(rest);
    if (octal !== null) {
      const cp = parseInt(octal[0].slice(1), 8);
      return [codePointEscape(cp), octal[0].length, cp];
    }
    if (/\d/.test(e) || e === 'k' || e === 'g') throw new GoRegexpError(`uses a backreference "\\${e}", which Go RE2 does not support`);
    const cp = e.codePointAt(0)!;
    if (cp < 0x80 && !/[A-Za-z0-9]/.test(e)) return [inClass ? classChar(cp) : JS_SYNTAX.has(e) ? '\\' + e : e, 2, cp];
    throw new GoRegexpError(`has an invalid escape sequence "\\${e}"`);
  }

  /** Parses a Go bracket expression at `pos`; returns the JS class and its length in the pattern. */
  private charClass(): [string, number] {
    const start = this.pos;
    let i = this.pos + 1;
    let negated = false;
    if (this.p[i] === '^') {
      negated = true;
      i++;
    }
    let body = '';
    let first = true;
    for (;;) {
      if (i >= this.p.length) throw new GoRegexpError('has a missing closing ] in a character class');
      const ch = String.fromCodePoint(this.p.codePointAt(i)!);
      if (ch === ']' && !first) break;
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.p.slice(i));
      if (posix !== null) {
        const ranges = POSIX_CLASSES[posix[2]!];
        if (ranges === undefined) throw new GoRegexpError(`has an invalid character class range "${posix[0]}"`);
        body += rangesToClass(posix[1] === '^' ? negatePosixRanges(ranges) : ranges);
        i += posix[0].length;
        continue;
      }
      const lo = this.classAtom(i);
      i += lo.len;
      if (lo.cp !== undefined && this.p[i] === '-' && this.p[i + 1] !== ']' && i + 1 < this.p.length) {
        const hi = this.classAtom(i + 1);
        if (hi.cp === undefined || hi.cp < lo.cp) throw new GoRegexpError(`has an invalid character class range "${this.p.slice(i - lo.len, i + 1 + hi.len)}"`);
        body += `${lo.js}-${hi.js}`;
        i += 1 + hi.len;
      } else body += lo.js;
    }
    return [`[${negated ? '^' : ''}${body}]`, i + 1 - start];
  }

  /** One class member: a character (with its code point, so it can start a range) or a class escape. */
  private classAtom(i: number): { js: string; len: number; cp?: number } {
    const ch = String.fromCodePoint(this.p.codePointAt(i)!);
    if (ch !== '\\') return { js: classChar(ch.codePointAt(0)!), len: ch.length, cp: ch.codePointAt(0)! };
    const e = this.p[i + 1];
    if (e === 's') return { js: rangesToClass(GO_SPACE), len: 2 };
    if (e === 'S') return { js: rangesToClass(negatePosixRanges(GO_SPACE)), len: 2 };
    const save = this.pos;
    this.pos = i;
    try {
      const [js, len, cp] = this.escapeInClassOrAtom(true);
      return cp === undefined ? { js, len } : { js: classChar(cp), len, cp };
    } finally {
      this.pos = save;
    }
  }
}

const GENERAL_CATEGORIES = new Set(
  'Any C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

function codePointEscape(cp: number): string {
  return `\\u{${cp.toString(16).toUpperCase()}}`;
}

/** A character inside a JS u-mode class: syntax characters escaped, controls as \u{…}. */
function classChar(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if ('\\]^-['.includes(ch)) return '\\' + ch;
  if (cp < 0x20 || cp === 0x7f) return codePointEscape(cp);
  return ch;
}

function lastCharLen(js: string): number {
  if (js === '') return 0;
  const chars = [...js];
  const lastCh = chars[chars.length - 1]!;
  const prev = chars[chars.length - 2];
  return prev === '\\' && JS_SYNTAX.has(lastCh) ? 2 : lastCh.length;
}
