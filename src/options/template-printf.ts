/**
 * The part of Go's fmt (https://pkg.go.dev/fmt) reachable from a tag template through print, println and printf:
 * verbs %v %s %d %q %t %x %X %c %f %e %g and %%, flags '-' '+' '0' ' ', width and precision, and Go's in-band
 * error forms (`%!d(string=abc)`, `%!s(MISSING)`, `%!(EXTRA int=1)`).
 */
import { formatGoFloat, formatValue, GoFloat, GoValue, goTypeName } from './template-values';

const isString = (v: GoValue): boolean => typeof v === 'string';

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: readonly GoValue[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && !isString(a) && !isString(args[i - 1])) out += ' ';
    out += formatValue(a ?? null);
  });
  return out;
}

/** fmt.Sprintln: always spaces between operands, and a final newline. */
export function sprintln(args: readonly GoValue[]): string {
  return args.map((a) => formatValue(a ?? null)).join(' ') + '\n';
}

interface Spec {
  minus: boolean;
  plus: boolean;
  zero: boolean;
  space: boolean;
  width?: number;
  precision?: number;
}

const SPEC = /^([-+0 #]*)(\d+)?(?:\.(\d*))?([a-zA-Z%])/;

export function sprintf(format: string, args: readonly GoValue[]): string {
  let out = '';
  let argi = 0;
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    const m = SPEC.exec(format.slice(pct + 1));
    if (m === null) {
      out += '%!(NOVERB)';
      break;
    }
    i = pct + 1 + m[0].length;
    const verb = m[4]!;
    if (verb === '%') {
      out += '%';
      continue;
    }
    const flags = m[1]!;
    const spec: Spec = {
      minus: flags.includes('-'),
      plus: flags.includes('+'),
      zero: flags.includes('0') && !flags.includes('-'),
      space: flags.includes(' '),
      ...(m[2] !== undefined ? { width: Number(m[2]) } : {}),
      ...(m[3] !== undefined ? { precision: m[3] === '' ? 0 : Number(m[3]) } : {}),
    };
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatOne(verb, args[argi++] ?? null, spec);
  }
  if (argi < args.length) {
    out += `%!(EXTRA ${args.slice(argi).map((a) => `${goTypeName(a ?? null)}=${formatValue(a ?? null)}`).join(', ')})`;
  }
  return out;
}

function bad(verb: string, v: GoValue): string {
  return v === null || v === undefined ? `%!${verb}(<nil>)` : `%!${verb}(${goTypeName(v)}=${formatValue(v)})`;
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  const width = spec.width ?? 0;
  const len = [...s].length;
  if (len >= width) return s;
  if (spec.minus) return s + ' '.repeat(width - len);
  if (spec.zero && numeric) {
    const sign = /^[+-]/.test(s) ? s[0]! : '';
    return sign + '0'.repeat(width - len) + s.slice(sign.length);
  }
  return ' '.repeat(width - len) + s;
}

function signed(s: string, n: number, spec: Spec): string {
  if (n < 0 || Object.is(n, -0)) return s;
  return spec.plus ? '+' + s : spec.space ? ' ' + s : s;
}

function formatOne(verb: string, v: GoValue, spec: Spec): string {
  const str = (s: string): string => pad(spec.precision !== undefined ? [...s].slice(0, spec.precision).join('') : s, spec, false);
  switch (verb) {
    case 'v':
      if (typeof v === 'number') return pad(signed(String(v), v, spec), spec, true);
      return pad(formatValue(v), spec, false);
    case 's':
      if (typeof v === 'string') return str(v);
      if (Array.isArray(v)) return pad(`[${v.join(' ')}]`, spec, false);
      if (typeof v === 'object' && v !== null && !(v instanceof GoFloat)) return pad(formatValue(v), spec, false);
      return bad(verb, v);
    case 'q':
      if (typeof v === 'string') return pad(JSON.stringify(v), spec, false);
      if (typeof v === 'number') return pad(`'${String.fromCodePoint(v)}'`, spec, false);
      return bad(verb, v);
    case 't':
      return typeof v === 'boolean' ? pad(String(v), spec, false) : bad(verb, v);
    case 'd':
      return typeof v === 'number' ? pad(signed(String(v), v, spec), spec, true) : bad(verb, v);
    case 'c':
      return typeof v === 'number' ? pad(String.fromCodePoint(v), spec, false) : bad(verb, v);
    case 'x':
    case 'X': {
      let s: string | undefined;
      if (typeof v === 'number') s = signed((v < 0 ? '-' : '') + Math.abs(v).toString(16), v, spec);
      else if (typeof v === 'string') s = Buffer.from(v, 'utf8').toString('hex');
      if (s === undefined) return bad(verb, v);
      return pad(verb === 'X' ? s.toUpperCase() : s, spec, true);
    }
    case 'f':
    case 'e':
    case 'g': {
      if (!(v instanceof GoFloat)) return bad(verb, v);
      const f = v.value;
      const p = spec.precision;
      const s = verb === 'f' ? f.toFixed(p ?? 6) : verb === 'e' ? expo(f, p ?? 6) : p === undefined ? formatGoFloat(f) : String(Number(f.toPrecision(p)));
      return pad(signed(s, f, spec), spec, true);
    }
    default:
      return `%!${verb}(${goTypeName(v)}=${formatValue(v)})`;
  }
}

/** Go's %e always has at least two exponent digits. */
function expo(f: number, p: number): string {
  return f.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2');
}
