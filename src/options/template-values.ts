/**
 * The Go value model a tag template runs on, and how Go's fmt prints it (`%v`, which is what
 * text/template uses to print an action's result; https://pkg.go.dev/fmt).
 *
 * Representation:
 *   string → string; Go int → integer JS number; float64 → GoFloat; bool → boolean;
 *   []string → string[]; map[string]string → GoMap; *logger.Info → GoStruct; time.Time → GoTime;
 *   nil → null; an invalid reflect.Value (e.g. a missing map key read as a field) → undefined.
 */

export class GoFloat {
  constructor(readonly value: number) {}
}

export class GoMap {
  constructor(readonly entries: ReadonlyMap<string, string>) {}
  sortedKeys(): string[] {
    return [...this.entries.keys()].sort(compareGoStrings);
  }
}

/** time.Time, printed like Go's Time.String ("2006-01-02 15:04:05.999999999 -0700 MST"). */
export class GoTime {
  constructor(readonly rfc3339: string) {}
  toGoString(): string {
    const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/.exec(this.rfc3339);
    if (m === null) return '0001-01-01 00:00:00 +0000 UTC';
    const frac = (m[3] ?? '').replace(/0+$/, '');
    const base = `${m[1]} ${m[2]}${frac === '' ? '' : '.' + frac}`;
    if (m[4] !== undefined) return `${base} +0000 UTC`;
    const offset = `${m[5]}${m[6]}${m[7]}`;
    return `${base} ${offset} ${offset}`;
  }
}

/** A Go struct pointer exposing exported fields and zero-argument methods. */
export interface GoStruct {
  readonly goTypeName: string;
  /** The field or method value, or NO_SUCH_FIELD. */
  member(name: string): GoValue | typeof NO_SUCH_FIELD;
  /** Field values in declaration order, for `%v` and `json`. */
  fields(): readonly (readonly [string, GoValue])[];
}

export const NO_SUCH_FIELD: unique symbol = Symbol('no such field');

export type GoValue = string | number | boolean | GoFloat | readonly string[] | GoMap | GoStruct | GoTime | null | undefined;

/** Go compares strings bytewise (UTF-8); for sorting map keys as fmt does. */
export function compareGoStrings(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function isStruct(v: GoValue): v is GoStruct {
  return typeof v === 'object' && v !== null && 'goTypeName' in v;
}

export function goTypeName(v: GoValue): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'int';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof GoFloat) return 'float64';
  if (v instanceof GoMap) return 'map[string]string';
  if (v instanceof GoTime) return 'time.Time';
  if (Array.isArray(v)) return '[]string';
  return (v as GoStruct).goTypeName;
}

/** text/template's truth: false, 0, nil, invalid and empty string/slice/map are false. */
export function isTrue(v: GoValue): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'boolean') return v;
  if (v instanceof GoFloat) return v.value !== 0;
  if (v instanceof GoMap) return v.entries.size > 0;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** fmt's %v for float64 (strconv 'g', shortest): %e form when the decimal exponent is < -4 or >= 6 (eprec 6). */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(f)));
  if (exp < -4 || exp >= 6) {
    const [mant, e] = f.toExponential().split('e') as [string, string];
    const n = Number(e);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(f);
}

/** fmt.Sprint(v) for one operand, i.e. `%v`. Nested strings print raw, like Go. */
export function formatValue(v: GoValue, depth = 0): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof GoFloat) return formatGoFloat(v.value);
  if (v instanceof GoTime) return v.toGoString();
  if (v instanceof GoMap) return `map[${v.sortedKeys().map((k) => `${k}:${v.entries.get(k)}`).join(' ')}]`;
  if (Array.isArray(v)) return `[${v.join(' ')}]`;
  const s = v as GoStruct;
  const body = s.fields().map(([, fv]) => formatValue(fv, depth + 1)).join(' ');
  return `${depth === 0 ? '&' : ''}{${body}}`;
}

/** encoding/json with SetEscapeHTML(false), trailing newline trimmed (moby templates.go "json"). */
export function toGoJson(v: GoValue): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof GoFloat) return Number.isFinite(v.value) ? jsonFloat(v.value) : 'null';
  if (v instanceof GoTime) return goJsonString(v.rfc3339);
  if (v instanceof GoMap) return `{${v.sortedKeys().map((k) => `${goJsonString(k)}:${goJsonString(v.entries.get(k)!)}`).join(',')}}`;
  if (Array.isArray(v)) return `[${v.map(goJsonString).join(',')}]`;
  const s = v as GoStruct;
  return `{${s.fields().map(([k, fv]) => `${goJsonString(k)}:${toGoJson(fv)}`).join(',')}}`;
}

function jsonFloat(f: number): string {
  const abs = Math.abs(f);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) return f.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(f);
}

/** Go escapes U+2028/U+2029 and turns lone surrogates (invalid UTF-8 in Go) into U+FFFD. */
function goJsonString(s: string): string {
  const wellFormed = s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return JSON.stringify(wellFormed).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
