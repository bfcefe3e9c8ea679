/**
 * Parser for the Go text/template subset used by Docker's `tag` log-opt: text, actions, pipelines,
 * variables (`$x := …`, `$x = …`), `if`/`else if`/`with`/`else with`/`range`/`else`/`end`, `break`/`continue`
 * and comments. `define`/`template`/`block` are refused: a log tag has no use for named templates.
 * Mirrors the parse-time checks of Go's text/template/parse (undefined function or variable, unexpected
 * `{{end}}`, non-executable pipeline stage) so a bad tag fails `docker run` instead of rendering oddly.
 */
import { Token, TemplateSyntaxError } from './template-lexer';

export type Operand =
  | { readonly type: 'field'; readonly chain: readonly string[] } // .A.B on dot
  | { readonly type: 'variable'; readonly name: string; readonly chain: readonly string[] }
  | { readonly type: 'dot' }
  | { readonly type: 'chain'; readonly node: Operand; readonly chain: readonly string[] } // (pipe).A
  | { readonly type: 'func'; readonly name: string }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly text: string }
  | { readonly type: 'char'; readonly value: string }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'nil' }
  | { readonly type: 'pipe'; readonly pipe: Pipeline };

export interface Command {
  readonly args: readonly Operand[];
}

export interface Pipeline {
  readonly decl: readonly string[];
  readonly isAssign: boolean;
  readonly cmds: readonly Command[];
}

export type Node =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'action'; readonly pipe: Pipeline }
  | { readonly type: 'if' | 'with' | 'range'; readonly pipe: Pipeline; readonly list: readonly Node[]; readonly elseList?: readonly Node[] }
  | { readonly type: 'break' | 'continue' };

/** Functions the parser accepts (Go checks names at parse time); evaluation lives in template-funcs.ts. */
export type FunctionNameCheck = (name: string) => boolean;

/** Go's parse.checkPipeline: a later pipeline stage must be able to take the previous result as an argument. */
const NOT_EXECUTABLE = new Set(['bool', 'dot', 'nil', 'number', 'char', 'string']);

const KEYWORDS = new Set(['if', 'else', 'end', 'with', 'range', 'break', 'continue', 'define', 'template', 'block', 'nil', 'true', 'false']);

export function parseTemplate(tokens: readonly Token[], isFunction: FunctionNameCheck): Node[] {
  return new Parser(tokens, isFunction).parseRoot();
}

type Terminator = 'end' | 'else';

class Parser {
  private pos = 0;
  private readonly vars: string[] = ['$'];
  private rangeDepth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly isFunction: FunctionNameCheck,
  ) {}

  parseRoot(): Node[] {
    const { list, stop } = this.parseList();
    if (stop !== undefined) throw new TemplateSyntaxError(`unexpected {{${stop}}}`);
    return list;
  }

  /** Parses nodes until EOF or an `{{end}}` / `{{else …` at this level (consumed up to the keyword). */
  private parseList(): { list: Node[]; stop?: Terminator } {
    const list: Node[] = [];
    while (this.pos < this.tokens.length) {
      const t = this.next();
      if (t.kind === 'text') {
        list.push({ type: 'text', text: t.value });
        continue;
      }
      const head = this.peek();
      if (head.kind === 'ident' && (head.value === 'end' || head.value === 'else')) {
        this.pos++;
        return { list, stop: head.value };
      }
      list.push(this.parseAction());
    }
    return { list };
  }

  private parseAction(): Node {
    const head = this.peek();
    if (head.kind === 'ident') {
      switch (head.value) {
        case 'if':
        case 'with':
        case 'range':
          this.pos++;
          return this.parseControl(head.value);
        case 'break':
        case 'continue':
          this.pos++;
          if (this.rangeDepth === 0) throw new TemplateSyntaxError(`{{${head.value}}} outside {{range}}`);
          this.expect('close', `{{${head.value}}}`);
          return { type: head.value };
        case 'define':
        case 'template':
        case 'block':
          throw new TemplateSyntaxError(`{{${head.value}}} is not supported in a log tag`);
      }
    }
    const pipe = this.parsePipeline('command', true);
    return { type: 'action', pipe };
  }

  private parseControl(kind: 'if' | 'with' | 'range'): Node {
    const mark = this.vars.length;
    const pipe = this.parsePipeline(kind, kind === 'range' ? 'range' : true);
    if (kind === 'range') this.rangeDepth++;
    const body = this.parseList();
    if (kind === 'range') this.rangeDepth--;
    let elseList: Node[] | undefined;
    if (body.stop === undefined) throw new TemplateSyntaxError(`unexpected EOF in {{${kind}}}`);
    if (body.stop === 'else') {
      const next = this.peek();
      if ((kind === 'if' && next.kind === 'ident' && next.value === 'if') || (kind === 'with' && next.kind === 'ident' && next.value === 'with')) {
        // "{{else if …}}" / "{{else with …}}" is sugar for "{{else}}{{if …}}…{{end}}{{end}}": the inner node eats the {{end}}.
        this.pos++;
        elseList = [this.parseControl(kind)];
      } else {
        this.expect('close', '{{else}}');
        const rest = this.parseList();
        if (rest.stop !== 'end') throw new TemplateSyntaxError(rest.stop === 'else' ? `expected end; found {{else}}` : `unexpected EOF in {{${kind}}}`);
        elseList = rest.list;
        this.expect('close', '{{end}}');
      }
    } else {
      this.expect('close', '{{end}}');
    }
    this.vars.length = mark;
    return { type: kind, pipe, list: body.list, ...(elseList !== undefined ? { elseList } : {}) };
  }

  /** pipeline: [decl :=|=] command (| command)*, ending at `}}` (or `)` when nested). */
  private parsePipeline(context: string, declMode: boolean | 'range', nested = false): Pipeline {
    const decl: string[] = [];
    let isAssign = false;
    if (declMode !== false && this.peek().kind === 'variable') {
      const save = this.pos;
      const first = this.next();
      const after = this.peek();
      if (after.kind === 'declare' || after.kind === 'assign') {
        this.pos++;
        decl.push(first.value);
        isAssign = after.kind === 'assign';
      } else if (after.kind === 'comma' && declMode === 'range') {
        this.pos++;
        const second = this.next();
        if (second.kind !== 'variable') throw new TemplateSyntaxError(`range can only initialize variables`);
        const op = this.next();
        if (op.kind !== 'declare' && op.kind !== 'assign') throw new TemplateSyntaxError(`expected := or = after ${first.value}, ${second.value}`);
        decl.push(first.value, second.value);
        isAssign = op.kind === 'assign';
      } else this.pos = save;
    }
    if (isAssign) for (const v of decl) this.checkVar(v);
    const cmds: Command[] = [];
    for (;;) {
      cmds.push(this.parseCommand());
      const t = this.next();
      if (t.kind === 'pipe') continue;
      if ((t.kind === 'close' && !nested) || (t.kind === 'rparen' && nested)) break;
      throw new TemplateSyntaxError(`unexpected ${describe(t)} in ${context}`);
    }
    if (cmds.some((c) => c.args.length === 0)) throw new TemplateSyntaxError(`missing value for ${context}`);
    for (const [i, cmd] of cmds.entries()) {
      const op = cmd.args[0]!.type;
      if (op === 'nil') throw new TemplateSyntaxError('nil is not a command');
      if (i > 0 && NOT_EXECUTABLE.has(op)) throw new TemplateSyntaxError(`non executable command in pipeline stage ${i + 1}`);
    }
    if (!isAssign) for (const v of decl) this.vars.push(v);
    return { decl, isAssign, cmds };
  }

  private parseCommand(): Command {
    const args: Operand[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'pipe' || t.kind === 'close' || t.kind === 'rparen') return { args };
      if (args.length > 0 && !t.spaced) throw new TemplateSyntaxError(`missing space before ${describe(t)}`);
      args.push(this.parseOperand());
    }
  }

  private parseOperand(): Operand {
    const t = this.next();
    let node: Operand;
    switch (t.kind) {
      case 'field':
        return { type: 'field', chain: [t.value, ...this.readChain()] };
      case 'variable':
        this.checkVar(t.value);
        return { type: 'variable', name: t.value, chain: this.readChain() };
      case 'dot':
        node = { type: 'dot' };
        break;
      case 'string':
        node = { type: 'string', value: t.value };
        break;
      case 'number':
        node = { type: 'number', text: t.value };
        break;
      case 'char':
        node = { type: 'char', value: t.value };
        break;
      case 'lparen':
        node = { type: 'pipe', pipe: this.parsePipeline('parenthesized pipeline', false, true) };
        break;
      case 'ident':
        if (t.value === 'true' || t.value === 'false') node = { type: 'bool', value: t.value === 'true' };
        else if (t.value === 'nil') node = { type: 'nil' };
        else if (KEYWORDS.has(t.value)) throw new TemplateSyntaxError(`unexpected {{${t.value}}} in operand`);
        else if (!this.isFunction(t.value)) throw new TemplateSyntaxError(`function ${JSON.stringify(t.value)} not defined`);
        else node = { type: 'func', name: t.value };
        break;
      default:
        throw new TemplateSyntaxError(`unexpected ${describe(t)} in operand`);
    }
    const chain = this.readChain();
    if (chain.length === 0) return node;
    if (node.type !== 'pipe' && node.type !== 'dot') throw new TemplateSyntaxError(`unexpected . after term ${describe(t)}`);
    return { type: 'chain', node, chain };
  }

  /** Field names written directly after an operand, without a space: `$x.A.B`, `(…).A`. */
  private readChain(): string[] {
    const chain: string[] = [];
    while (this.peek().kind === 'field' && !this.peek().spaced) chain.push(this.next().value);
    return chain;
  }

  private checkVar(name: string): void {
    if (!this.vars.includes(name)) throw new TemplateSyntaxError(`undefined variable ${JSON.stringify(name)}`);
  }

  private peek(): Token {
    return this.tokens[this.pos] ?? { kind: 'text', value: '', spaced: false };
  }

  private next(): Token {
    const t = this.tokens[this.pos++];
    if (t === undefined) throw new TemplateSyntaxError('unexpected EOF');
    return t;
  }

  private expect(kind: Token['kind'], context: string): void {
    const t = this.next();
    if (t.kind !== kind) throw new TemplateSyntaxError(`unexpected ${describe(t)} in ${context}`);
  }
}

function describe(t: Token): string {
  if (t.kind === 'close') return '"}}"';
  if (t.kind === 'text') return 'EOF';
  return JSON.stringify(t.kind === 'field' ? '.' + t.value : t.value);
}
