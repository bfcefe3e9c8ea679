/**
 * Executes a parsed tag template (template-parser.ts) the way Go's text/template/exec.go does:
 * dot and `$` start as the data, `with`/`range` rebind dot, a pipeline passes each stage's result as the last
 * argument of the next, variables live until the `{{end}}` of the control structure that declared them,
 * a missing map key read as a field is "no value" (printed `<no value>`) while `index` gives the zero value "".
 *
 * Bounded: a template is user input executed at every container start, so execution stops with an error after
 * MAX_STEPS loop iterations or MAX_OUTPUT_CHARS of output (`{{range 1000000000}}` must not freeze the plugin).
 */
import { Command, Node, Operand, Pipeline } from './template-parser';
import { TEMPLATE_FUNCS, TemplateExecError } from './template-funcs';
import { formatValue, GoFloat, GoMap, GoValue, goTypeName, isStruct, isTrue, NO_SUCH_FIELD } from './template-values';

/** Far above any useful stream name (512 characters), far below anything that could hurt the plugin. */
export const MAX_OUTPUT_CHARS = 64 * 1024;
export const MAX_STEPS = 100_000;

const NO_FINAL: unique symbol = Symbol('no final');
type Final = GoValue | typeof NO_FINAL;

class BreakSignal {}
class ContinueSignal {}

export function executeTemplate(nodes: readonly Node[], data: GoValue): string {
  return new Executor(data).run(nodes);
}

class Executor {
  private out = '';
  private steps = 0;
  private readonly vars: { name: string; value: GoValue }[];

  constructor(data: GoValue) {
    this.vars = [{ name: '$', value: data }];
  }

  run(nodes: readonly Node[]): string {
    this.walkList(this.vars[0]!.value, nodes);
    return this.out;
  }

  private walkList(dot: GoValue, nodes: readonly Node[]): void {
    for (const n of nodes) this.walk(dot, n);
  }

  private walk(dot: GoValue, node: Node): void {
    switch (node.type) {
      case 'text':
        return this.emit(node.text);
      case 'action': {
        const v = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.emit(formatValue(v));
        return;
      }
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const v = this.evalPipeline(dot, node.pipe);
        if (isTrue(v)) this.walkList(node.type === 'with' ? v : dot, node.list);
        else if (node.elseList !== undefined) this.walkList(dot, node.elseList);
        this.vars.length = mark;
        return;
      }
      case 'range':
        return this.walkRange(dot, node.pipe, node.list, node.elseList);
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
    }
  }

  private walkRange(dot: GoValue, pipe: Pipeline, list: readonly Node[], elseList: readonly Node[] | undefined): void {
    const mark = this.vars.length;
    const val = this.evalPipeline(dot, pipe);
    const items = rangeItems(val);
    const inner = this.vars.length;
    for (const [index, elem] of items) {
      if (++this.steps > MAX_STEPS) throw new TemplateExecError(`range runs more than ${MAX_STEPS} iterations`);
      if (pipe.decl.length > 0) {
        if (pipe.isAssign) {
          if (pipe.decl.length > 1) {
            this.setVar(pipe.decl[0]!, index);
            this.setVar(pipe.decl[1]!, elem);
          } else this.setVar(pipe.decl[0]!, elem);
        } else {
          this.vars[this.vars.length - 1]!.value = elem;
          if (pipe.decl.length > 1) this.vars[this.vars.length - 2]!.value = index;
        }
      }
      try {
        this.walkList(elem, list);
      } catch (e) {
        if (e instanceof BreakSignal) break;
        if (!(e instanceof ContinueSignal)) throw e;
      } finally {
        this.vars.length = inner;
      }
    }
    if (items.length === 0 && elseList !== undefined) this.walkList(dot, elseList);
    this.vars.length = mark;
  }

  private emit(s: string): void {
    this.out += s;
    if (this.out.length > MAX_OUTPUT_CHARS) throw new TemplateExecError(`output exceeds ${MAX_OUTPUT_CHARS} characters`);
  }

  private evalPipeline(dot: GoValue, pipe: Pipeline): GoValue {
    let value: Final = NO_FINAL;
    for (const cmd of pipe.cmds) value = this.evalCommand(dot, cmd, value);
    const result = value as GoValue;
    for (const name of pipe.decl) {
      if (pipe.isAssign) this.setVar(name, result);
      else this.vars.push({ name, value: result });
    }
    return result;
  }

  private evalCommand(dot: GoValue, cmd: Command, final: Final): GoValue {
    const [first, ...rest] = cmd.args as [Operand, ...Operand[]];
    switch (first.type) {
      case 'field':
        return this.evalChain(dot, first.chain, rest, final);
      case 'variable':
        if (first.chain.length > 0) return this.evalChain(this.lookup(first.name), first.chain, rest, final);
        break;
      case 'chain':
        return this.evalChain(this.evalArg(dot, first.node), first.chain, rest, final);
      case 'func':
        return this.evalFunction(dot, first.name, rest, final);
    }
    if (rest.length > 0 || final !== NO_FINAL) throw new TemplateExecError(`can't give argument to non-function ${describe(first)}`);
    return this.evalArg(dot, first);
  }

  private evalChain(receiver: GoValue, chain: readonly string[], args: readonly Operand[], final: Final): GoValue {
    let v = receiver;
    chain.forEach((name, i) => {
      const hasArgs = i === chain.length - 1 && (args.length > 0 || final !== NO_FINAL);
      v = evalField(v, name, hasArgs);
    });
    return v;
  }

  private evalFunction(dot: GoValue, name: string, argNodes: readonly Operand[], final: Final): GoValue {
    if (name === 'and' || name === 'or') {
      const total = argNodes.length + (final === NO_FINAL ? 0 : 1);
      if (total < 1) throw new TemplateExecError(`wrong number of args for ${name}: want at least 1 got 0`);
      let v: GoValue = undefined;
      for (let i = 0; i < total; i++) {
        v = i < argNodes.length ? this.evalArg(dot, argNodes[i]!) : (final as GoValue);
        if (isTrue(v) !== (name === 'and')) return v;
      }
      return v;
    }
    const args = argNodes.map((a) => this.evalArg(dot, a));
    if (final !== NO_FINAL) args.push(final);
    const fn = TEMPLATE_FUNCS[name];
    if (fn === undefined) throw new TemplateExecError(`function ${JSON.stringify(name)} not defined`);
    return fn(args);
  }

  private evalArg(dot: GoValue, node: Operand): GoValue {
    switch (node.type) {
      case 'dot':
        return dot;
      case 'field':
        return this.evalChain(dot, node.chain, [], NO_FINAL);
      case 'variable':
        return this.evalChain(this.lookup(node.name), node.chain, [], NO_FINAL);
      case 'chain':
        return this.evalChain(this.evalArg(dot, node.node), node.chain, [], NO_FINAL);
      case 'pipe':
        return this.evalPipeline(dot, node.pipe);
      case 'func':
        return this.evalFunction(dot, node.name, [], NO_FINAL);
      case 'string':
        return node.value;
      case 'bool':
        return node.value;
      case 'nil':
        return null;
      case 'char':
        return node.value.codePointAt(0)!;
      case 'number':
        return parseNumber(node.text);
    }
  }

  private lookup(name: string): GoValue {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return this.vars[i]!.value;
    throw new TemplateExecError(`undefined variable: ${name}`);
  }

  private setVar(name: string, value: GoValue): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    throw new TemplateExecError(`undefined variable: ${name}`);
  }
}

function evalField(receiver: GoValue, name: string, hasArgs: boolean): GoValue {
  if (receiver === undefined) return undefined;
  if (receiver instanceof GoMap) {
    if (hasArgs) throw new TemplateExecError(`${name} is not a method but has arguments`);
    return receiver.entries.get(name);
  }
  if (isStruct(receiver)) {
    const v = receiver.member(name);
    if (v === NO_SUCH_FIELD) throw new TemplateExecError(`can't evaluate field ${name} in type ${receiver.goTypeName}`);
    if (hasArgs) throw new TemplateExecError(`${name} has arguments but cannot be invoked as function`);
    return v;
  }
  if (receiver === null) throw new TemplateExecError(`nil pointer evaluating interface {}.${name}`);
  throw new TemplateExecError(`can't evaluate field ${name} in type ${goTypeName(receiver)}`);
}

function rangeItems(val: GoValue): [GoValue, GoValue][] {
  if (val === undefined || val === null) return [];
  if (Array.isArray(val)) return val.map((e, i) => [i, e]);
  if (val instanceof GoMap) return val.sortedKeys().map((k) => [k, val.entries.get(k)!]);
  if (typeof val === 'number' && Number.isInteger(val)) {
    if (val > MAX_STEPS) throw new TemplateExecError(`range runs more than ${MAX_STEPS} iterations`);
    return Array.from({ length: Math.max(0, val) }, (_, i) => [i, i]);
  }
  throw new TemplateExecError(`range can't iterate over ${formatValue(val)}`);
}

/** Go number literals: integers (decimal, 0x, 0o, 0b, '_' separators) are int; anything with . or e is float64. */
function parseNumber(text: string): GoValue {
  const clean = text.replace(/_/g, '');
  const sign = clean.startsWith('-') ? -1 : 1;
  const body = clean.replace(/^[+-]/, '');
  if (/^0[xX]/.test(body)) return sign * parseInt(body.slice(2), 16);
  if (/^0[bB]/.test(body)) return sign * parseInt(body.slice(2), 2);
  if (/^0[oO]/.test(body)) return sign * parseInt(body.slice(2), 8);
  if (/[.eE]/.test(body)) return new GoFloat(sign * Number(body));
  if (/^0\d+$/.test(body)) return sign * parseInt(body, 8);
  return sign * Number(body);
}

function describe(op: Operand): string {
  switch (op.type) {
    case 'string':
      return JSON.stringify(op.value);
    case 'number':
      return op.text;
    case 'bool':
      return String(op.value);
    case 'dot':
      return '.';
    case 'variable':
      return op.name;
    default:
      return op.type;
  }
}
