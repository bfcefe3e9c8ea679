/**
 * Functions callable from a tag template:
 *  - Docker's (moby daemon/logger/templates/templates.go): json, split, join, title, lower, upper, pad, truncate;
 *  - Go text/template builtins (https://pkg.go.dev/text/template#hdr-Functions): index, len, not, eq, ne, lt, le,
 *    gt, ge, print, printf, println. `and`/`or` short-circuit, so template-eval.ts evaluates them itself.
 * html, js, urlquery, slice and call are not offered: they have no use in a stream name.
 */
import { GoFloat, GoMap, GoValue, goTypeName, isTrue, toGoJson } from './template-values';
import { sprintf, sprint, sprintln } from './template-printf';

export class TemplateExecError extends Error {}

type Fn = (args: GoValue[]) => GoValue;

function arity(name: string, args: GoValue[], n: number): void {
  if (args.length !== n) throw new TemplateExecError(`wrong number of args for ${name}: want ${n} got ${args.length}`);
}

function wantString(v: GoValue): string {
  if (v === undefined) throw new TemplateExecError('invalid value; expected string');
  if (typeof v !== 'string') throw new TemplateExecError(`wrong type for value; expected string; got ${goTypeName(v)}`);
  return v;
}

function wantInt(v: GoValue): number {
  if (v instanceof GoFloat && Number.isInteger(v.value)) return v.value;
  if (typeof v !== 'number') throw new TemplateExecError(`wrong type for value; expected int; got ${goTypeName(v)}`);
  return v;
}

function wantStrings(v: GoValue): readonly string[] {
  if (!Array.isArray(v)) throw new TemplateExecError(`wrong type for value; expected []string; got ${goTypeName(v)}`);
  return v;
}

function checked(name: string, n: number, f: (args: GoValue[]) => GoValue): Fn {
  return (args) => {
    arity(name, args, n);
    return f(args);
  };
}

/** Go's unicode.ToUpper/ToLower map one rune to one rune; JS may expand (ß → SS), in which case Go keeps the rune. */
function mapRunes(s: string, f: (c: string) => string): string {
  let out = '';
  for (const c of s) {
    const m = f(c);
    out += [...m].length === 1 ? m : c;
  }
  return out;
}

/** strings.Title's isSeparator: ASCII alnum and '_' are not; other ASCII is; letters/digits are not; else spaces are. */
function isTitleSeparator(c: string): boolean {
  const cp = c.codePointAt(0)!;
  if (cp <= 0x7f) return !/[A-Za-z0-9_]/.test(c);
  if (/[\p{L}\p{Nd}]/u.test(c)) return false;
  return /\s/u.test(c);
}

function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const c of s) {
    out += isTitleSeparator(prev) ? mapRunes(c, (x) => x.toUpperCase()) : c;
    prev = c;
  }
  return out;
}

/** strings.Split: an empty separator splits after each UTF-8 sequence (code point). */
function split(s: string, sep: string): string[] {
  return sep === '' ? [...s] : s.split(sep);
}

function repeatSpaces(n: number, fn: string): string {
  if (n < 0) throw new TemplateExecError(`error calling ${fn}: strings: negative Repeat count`);
  return ' '.repeat(n);
}

/**
 * moby's truncateWithLength slices the string's bytes: `source[:length]` when len(source) >= length.
 * We cut at the same byte count but back off to a code-point boundary, so the result stays valid UTF-8
 * (Go would emit a broken sequence that CloudWatch then turns into U+FFFD).
 */
function truncate(s: string, n: number): string {
  if (n < 0) throw new TemplateExecError(`error calling truncate: runtime error: slice bounds out of range [:${n}]`);
  const bytes = Buffer.from(s, 'utf8');
  if (bytes.length < n) return s;
  let cut = n;
  while (cut > 0 && cut < bytes.length && (bytes[cut]! & 0xc0) === 0x80) cut--;
  return bytes.subarray(0, cut).toString('utf8');
}

function index(args: GoValue[]): GoValue {
  if (args.length === 0) throw new TemplateExecError('wrong number of args for index: want at least 1 got 0');
  let item = args[0];
  for (const key of args.slice(1)) {
    if (item === undefined || item === null) throw new TemplateExecError('error calling index: index of untyped nil');
    if (item instanceof GoMap) {
      if (typeof key !== 'string') throw new TemplateExecError(`error calling index: value has type ${goTypeName(key)}; should be string`);
      item = item.entries.get(key) ?? '';
    } else if (Array.isArray(item) || typeof item === 'string') {
      const i = wantIndex(key);
      const len = typeof item === 'string' ? Buffer.byteLength(item) : item.length;
      if (i >= len) throw new TemplateExecError(`error calling index: index out of range: ${i}`);
      item = typeof item === 'string' ? Buffer.from(item)[i]! : (item as readonly string[])[i]!;
    } else throw new TemplateExecError(`error calling index: can't index item of type ${goTypeName(item)}`);
  }
  return item;
}

function wantIndex(v: GoValue): number {
  if (typeof v !== 'number') throw new TemplateExecError(`error calling index: cannot index slice/array with type ${goTypeName(v)}`);
  if (v < 0) throw new TemplateExecError(`error calling index: index out of range: ${v}`);
  return v;
}

function len(v: GoValue): number {
  if (typeof v === 'string') return Buffer.byteLength(v);
  if (Array.isArray(v)) return v.length;
  if (v instanceof GoMap) return v.entries.size;
  throw new TemplateExecError(`error calling len: len of type ${goTypeName(v)}`);
}

type Kind = 'bool' | 'int' | 'float' | 'string' | 'other';
function basicKind(v: GoValue): Kind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'int';
  if (v instanceof GoFloat) return 'float';
  if (typeof v === 'string') return 'string';
  return 'other';
}
const num = (v: GoValue): number | string | boolean => (v instanceof GoFloat ? v.value : (v as number | string | boolean));

/** Go's eq: arg1 == any of the rest; basic kinds must match (invalid/nil operands compare false, no error). */
function eq(args: GoValue[]): boolean {
  if (args.length < 2) throw new TemplateExecError('error calling eq: missing argument for comparison');
  const [a, ...rest] = args;
  const ka = basicKind(a);
  for (const b of rest) {
    const kb = basicKind(b);
    if (ka !== kb) {
      if (a !== undefined && a !== null && b !== undefined && b !== null) throw new TemplateExecError('error calling eq: incompatible types for comparison');
      continue;
    }
    if (ka === 'other') {
      if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
      if (a !== null && a !== undefined && b !== null && b !== undefined) throw new TemplateExecError(`error calling eq: non-comparable type ${goTypeName(a)}`);
      continue;
    }
    if (num(a) === num(b)) return true;
  }
  return false;
}

function less(name: string, a: GoValue, b: GoValue): boolean {
  const ka = basicKind(a);
  if (ka === 'bool' || ka === 'other') throw new TemplateExecError(`error calling ${name}: invalid type for comparison`);
  if (ka !== basicKind(b)) throw new TemplateExecError(`error calling ${name}: incompatible types for comparison`);
  return ka === 'string' ? Buffer.compare(Buffer.from(a as string), Buffer.from(b as string)) < 0 : (num(a) as number) < (num(b) as number);
}

export const TEMPLATE_FUNCS: Readonly<Record<string, Fn>> = {
  json: checked('json', 1, ([v]) => toGoJson(v)),
  split: checked('split', 2, ([s, sep]) => split(wantString(s), wantString(sep))),
  join: checked('join', 2, ([a, sep]) => wantStrings(a).join(wantString(sep))),
  title: checked('title', 1, ([s]) => title(wantString(s))),
  lower: checked('lower', 1, ([s]) => mapRunes(wantString(s), (c) => c.toLowerCase())),
  upper: checked('upper', 1, ([s]) => mapRunes(wantString(s), (c) => c.toUpperCase())),
  pad: checked('pad', 3, ([s, pre, post]) => {
    const str = wantString(s);
    const [p, q] = [wantInt(pre), wantInt(post)];
    return str === '' ? str : repeatSpaces(p, 'pad') + str + repeatSpaces(q, 'pad');
  }),
  truncate: checked('truncate', 2, ([s, n]) => truncate(wantString(s), wantInt(n))),
  index,
  len: checked('len', 1, ([v]) => len(v)),
  not: checked('not', 1, ([v]) => !isTrue(v)),
  eq,
  ne: checked('ne', 2, (args) => !eq(args)),
  lt: checked('lt', 2, ([a, b]) => less('lt', a, b)),
  le: checked('le', 2, ([a, b]) => less('le', a, b) || eq([a, b])),
  gt: checked('gt', 2, ([a, b]) => !less('gt', a, b) && !eq([a, b])),
  ge: checked('ge', 2, ([a, b]) => !less('ge', a, b)),
  print: (args) => sprint(args),
  println: (args) => sprintln(args),
  printf: (args) => {
    if (args.length === 0) throw new TemplateExecError('wrong number of args for printf: want at least 1 got 0');
    return sprintf(wantString(args[0]), args.slice(1));
  },
};

/** Names the parser accepts as functions (including the lazily evaluated and/or). */
export function isTemplateFunction(name: string): boolean {
  return name === 'and' || name === 'or' || Object.hasOwn(TEMPLATE_FUNCS, name);
}
