/**
 * Tokenizer for the Go text/template subset that Docker's `tag` log-opt accepts
 * (moby daemon/logger/templates/templates.go → Go text/template; syntax per https://pkg.go.dev/text/template).
 *
 * Pure: a string in, a token list out. Throws TemplateSyntaxError; tag-template.ts turns it into an
 * InvalidOptionError naming the `tag` option and the template.
 */

export class TemplateSyntaxError extends Error {}

export type TokenKind =
  | 'text' // literal text between actions (already trimmed by `{{-` / `-}}`)
  | 'open' // {{
  | 'close' // }}
  | 'field' // .Name  (value: "Name")
  | 'dot' // .
  | 'variable' // $ or $name (value includes the '$')
  | 'ident' // function name or keyword
  | 'string' // value: the decoded string
  | 'number' // value: the literal text
  | 'char' // 'x' (value: the decoded character)
  | 'pipe' // |
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'declare' // :=
  | 'assign'; // =

export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  /** Whitespace separated this token from the previous one inside the action (Go uses it to split chains). */
  readonly spaced: boolean;
}

const SPACE = /[ \t\r\n]/;
/** Go's trim marker is "{{- " / " -}}": the '-' must be adjacent to the delimiter and to one ASCII space. */
const TRIM_WS = /[ \t\r\n]+$/;
const LEAD_WS = /^[ \t\r\n]+/;
const IDENT = /[A-Za-z_0-9\u00C0-\uFFFF]/;
const NUMBER = /^[+-]?(?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?)/;

export function lexTemplate(src: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let trimNextText = false;
  while (pos < src.length) {
    const open = src.indexOf('{{', pos);
    let text = open < 0 ? src.slice(pos) : src.slice(pos, open);
    if (trimNextText) text = text.replace(LEAD_WS, '');
    trimNextText = false;
    if (open < 0) {
      if (text !== '') tokens.push({ kind: 'text', value: text, spaced: false });
      break;
    }
    let i = open + 2;
    if (src[i] === '-' && SPACE.test(src[i + 1] ?? '')) {
      text = text.replace(TRIM_WS, '');
      i += 2;
    }
    if (text !== '') tokens.push({ kind: 'text', value: text, spaced: false });
    const res = lexAction(src, i, tokens);
    pos = res.end;
    trimNextText = res.trimAfter;
  }
  return tokens;
}

/** Lexes one action starting just after `{{` (and its trim marker); returns the index after `}}`. */
function lexAction(src: string, start: number, out: Token[]): { end: number; trimAfter: boolean } {
  let i = start;
  while (SPACE.test(src[i] ?? '')) i++;
  if (src.startsWith('/*', i)) return lexComment(src, i);
  out.push({ kind: 'open', value: '{{', spaced: false });
  let spaced = false;
  let depth = 0;
  for (;;) {
    if (i >= src.length) throw new TemplateSyntaxError('unclosed action');
    const c = src[i]!;
    if (SPACE.test(c)) {
      let j = i;
      while (SPACE.test(src[j] ?? '')) j++;
      if (src.startsWith('-}}', j) && depth === 0) {
        out.push({ kind: 'close', value: '}}', spaced: true });
        return { end: j + 3, trimAfter: true };
      }
      i = j;
      spaced = true;
      continue;
    }
    if (src.startsWith('}}', i)) {
      if (depth > 0) throw new TemplateSyntaxError('unclosed left paren');
      out.push({ kind: 'close', value: '}}', spaced });
      return { end: i + 2, trimAfter: false };
    }
    const push = (kind: TokenKind, value: string, len: number): void => {
      out.push({ kind, value, spaced });
      spaced = false;
      i += len;
    };
    if (c === '|') push('pipe', c, 1);
    else if (c === '(') {
      depth++;
      push('lparen', c, 1);
    } else if (c === ')') {
      if (depth === 0) throw new TemplateSyntaxError("unexpected right paren ')'");
      depth--;
      push('rparen', c, 1);
    } else if (c === ',') push('comma', c, 1);
    else if (src.startsWith(':=', i)) push('declare', ':=', 2);
    else if (c === '=') push('assign', '=', 1);
    else if (c === '"') {
      const end = scanQuoted(src, i, '"');
      push('string', decodeGoString(src.slice(i, end)), end - i);
    } else if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end < 0) throw new TemplateSyntaxError('unterminated raw quoted string');
      push('string', src.slice(i + 1, end).replace(/\r/g, ''), end + 1 - i);
    } else if (c === "'") {
      const end = scanQuoted(src, i, "'");
      const ch = decodeGoString('"' + src.slice(i + 1, end - 1) + '"');
      if ([...ch].length !== 1) throw new TemplateSyntaxError(`malformed character constant: ${src.slice(i, end)}`);
      push('char', ch, end - i);
    } else if (c === '.' && /[A-Za-z_]/.test(src[i + 1] ?? '')) {
      const name = readIdent(src, i + 1);
      push('field', name, name.length + 1);
    } else if (c === '$') {
      const name = readIdent(src, i + 1);
      push('variable', '$' + name, name.length + 1);
    } else if (/^(?:[+-]?\.?\d)/.test(src.slice(i, i + 3))) {
      const m = NUMBER.exec(src.slice(i))!;
      if (IDENT.test(src[i + m[0].length] ?? '')) throw new TemplateSyntaxError(`bad number syntax: ${src.slice(i, i + m[0].length + 1)}`);
      push('number', m[0], m[0].length);
    } else if (c === '.') push('dot', '.', 1);
    else if (/[A-Za-z_]/.test(c)) {
      const name = readIdent(src, i);
      push('ident', name, name.length);
    } else throw new TemplateSyntaxError(`unexpected ${JSON.stringify(c)} in command`);
  }
}

function lexComment(src: string, i: number): { end: number; trimAfter: boolean } {
  const close = src.indexOf('*/', i + 2);
  if (close < 0) throw new TemplateSyntaxError('unclosed comment');
  let j = close + 2;
  if (src.startsWith(' -}}', j)) return { end: j + 4, trimAfter: true };
  if (src.startsWith('}}', j)) return { end: j + 2, trimAfter: false };
  while (SPACE.test(src[j] ?? '')) j++;
  throw new TemplateSyntaxError('comment ends before closing delimiter');
}

function readIdent(src: string, i: number): string {
  let j = i;
  while (j < src.length && IDENT.test(src[j]!)) j++;
  return src.slice(i, j);
}

function scanQuoted(src: string, i: number, quote: string): number {
  let j = i + 1;
  while (j < src.length && src[j] !== quote) {
    if (src[j] === '\n') throw new TemplateSyntaxError('unterminated quoted string');
    j += src[j] === '\\' ? 2 : 1;
  }
  if (j >= src.length) throw new TemplateSyntaxError('unterminated quoted string');
  return j + 1;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'",
};

/** Go's strconv.Unquote for an interpreted string literal (escapes \a \b \f \n \r \t \v \\ \" \xHH \uHHHH \UHHHHHHHH \ooo). */
export function decodeGoString(lit: string): string {
  const body = lit.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i] ?? '';
    const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (e in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[e];
    else if (hexLen > 0) {
      const hex = body.slice(i + 1, i + 1 + hexLen);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLen}}$`).test(hex)) throw new TemplateSyntaxError(`invalid syntax in string ${lit}`);
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) throw new TemplateSyntaxError(`invalid syntax in string ${lit}`);
      out += String.fromCodePoint(cp);
      i += hexLen;
    } else if (/[0-7]/.test(e) && /^[0-7]{3}$/.test(body.slice(i, i + 3))) {
      out += String.fromCharCode(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else throw new TemplateSyntaxError(`invalid syntax in string ${lit}`);
  }
  return out;
}
