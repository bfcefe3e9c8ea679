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
import { GoRegexpError, JS_SYNTAX, parseCharClass, parseEscape } from './go-regexp-atoms';

export { GoRegexpError };

/** RE2's maximum repeat count (regexp/syntax: "invalid repeat count"). */
export const MAX_REPEAT_COUNT = 1000;

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
        return this.atom(...parseCharClass(this.p, this.pos));
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
    const { js, len } = parseEscape(this.p, this.pos, false);
    this.atom(js, len);
  }
}

function lastCharLen(js: string): number {
  if (js === '') return 0;
  const chars = [...js];
  const lastCh = chars[chars.length - 1]!;
  const prev = chars[chars.length - 2];
  return prev === '\\' && JS_SYNTAX.has(lastCh) ? 2 : lastCh.length;
}
