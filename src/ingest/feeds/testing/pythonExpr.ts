/**
 * The small part of Python that feedparser's test headers use in their `Expect:` lines:
 *
 *   not bozo and entries[0]['title'] == u'\u2018quoted\u2019' and len(entries) == 2
 *   feed.link == 'http://x/' or feed['links'][0]['href'] == 'http://x/'
 *   entries[0]['published_parsed'] == (2003, 12, 31, 10, 14, 55, 2, 365, 0)
 *
 * and/or/not, comparisons (chained, `in`, `is`), `+`, subscripts, attribute access, calls, string literals with
 * Python escapes, numbers, tuples, lists and dicts. Values come from a `Scope`; the projection (project.ts)
 * decides what each name means and throws NotModelled for fields our model does not carry.
 */
import { PyError, Unsupported } from './pythonErrors.ts';
import { tokenize } from './pythonTokens.ts';

/** A value that compares itself (HTML compared as markup, URLs after normalisation, plain-text titles). */
export interface PyComparable {
  pyEquals(other: PyValue): boolean;
  pyTruthy(): boolean;
}

/** A dict-like value: feedparser's FeedParserDict, whose keys are also attributes. */
export interface PyMapping {
  pyGet(key: string): PyValue; // throws PyError (KeyError) or NotModelled
  pyHas(key: string): boolean;
}

export type PyValue =
  | null
  | boolean
  | number
  | string
  | PyValue[]
  | PyComparable
  | PyMapping
  | Map<PyValue, PyValue>
  | ((...args: PyValue[]) => PyValue);

export type Scope = (name: string) => PyValue;

export { tokenize } from './pythonTokens.ts';
export { NotModelled, PyError, Unsupported } from './pythonErrors.ts';

export function evaluate(source: string, scope: Scope): PyValue {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (value: string) => peek()?.kind === 'op' && peek()!.value === value;
  const isName = (value: string) => peek()?.kind === 'name' && peek()!.value === value;
  const expect = (value: string) => {
    if (!isOp(value)) throw new Unsupported(`expected ${value} in ${source}`);
    pos++;
  };

  // Each parse function returns a thunk, so `and`/`or` short-circuit the way Python does.
  type Thunk = () => PyValue;

  const parseOr = (): Thunk => {
    let left = parseAnd();
    while (isName('or')) {
      pos++;
      const [l, r] = [left, parseAnd()];
      left = () => {
        const value = l();
        return truthy(value) ? value : r();
      };
    }
    return left;
  };
  const parseAnd = (): Thunk => {
    let left = parseNot();
    while (isName('and')) {
      pos++;
      const [l, r] = [left, parseNot()];
      left = () => {
        const value = l();
        return truthy(value) ? r() : value;
      };
    }
    return left;
  };
  const parseNot = (): Thunk => {
    if (isName('not')) {
      pos++;
      const operand = parseNot();
      return () => !truthy(operand());
    }
    return parseComparison();
  };
  const parseComparison = (): Thunk => {
    const operands = [parseSum()];
    const ops: string[] = [];
    for (;;) {
      const token = peek();
      if (token?.kind === 'op' && ['==', '!=', '<', '>', '<=', '>='].includes(token.value)) {
        pos++;
        ops.push(token.value);
      } else if (isName('in')) {
        pos++;
        ops.push('in');
      } else if (isName('not') && tokens[pos + 1]?.kind === 'name' && tokens[pos + 1]!.value === 'in') {
        pos += 2;
        ops.push('not in');
      } else if (isName('is')) {
        pos++;
        if (isName('not')) {
          pos++;
          ops.push('is not');
        } else {
          ops.push('is');
        }
      } else {
        break;
      }
      operands.push(parseSum());
    }
    if (ops.length === 0) return operands[0]!;
    return () => {
      let left = operands[0]!();
      for (let k = 0; k < ops.length; k++) {
        const right = operands[k + 1]!();
        if (!compare(ops[k]!, left, right)) return false;
        left = right;
      }
      return true;
    };
  };
  const parseSum = (): Thunk => {
    let left = parseUnary();
    while (isOp('+') || isOp('-')) {
      const op = String(peek()!.value);
      pos++;
      const [l, r] = [left, parseUnary()];
      left = () => arithmetic(op, l(), r());
    }
    return left;
  };
  const parseUnary = (): Thunk => {
    if (isOp('-')) {
      pos++;
      const operand = parseUnary();
      return () => -(operand() as number);
    }
    return parsePostfix();
  };
  const parsePostfix = (): Thunk => {
    let value = parseAtom();
    for (;;) {
      if (isOp('[')) {
        pos++;
        const [target, index] = [value, parseOr()];
        expect(']');
        value = () => subscript(target(), index());
      } else if (isOp('.')) {
        pos++;
        const token = peek();
        if (token?.kind !== 'name') throw new Unsupported(`expected a name after . in ${source}`);
        pos++;
        const target = value;
        value = () => attribute(target(), token.value);
      } else if (isOp('(')) {
        pos++;
        const args = parseList(')');
        const target = value;
        value = () => call(target(), args.map((arg) => arg()));
      } else {
        return value;
      }
    }
  };
  const parseList = (close: string): Thunk[] => {
    const items: Thunk[] = [];
    while (!isOp(close)) {
      items.push(parseOr());
      if (!isOp(close)) expect(',');
    }
    pos++;
    return items;
  };
  const parseAtom = (): Thunk => {
    const token = peek();
    if (!token) throw new Unsupported(`unexpected end of ${source}`);
    pos++;
    if (token.kind === 'num') return () => token.value;
    if (token.kind === 'str') {
      let text = token.value;
      while (peek()?.kind === 'str') text += (tokens[pos++] as { value: string }).value;
      return () => text;
    }
    if (token.kind === 'name') {
      if (token.value === 'None') return () => null;
      if (token.value === 'True') return () => true;
      if (token.value === 'False') return () => false;
      return () => scope(token.value);
    }
    if (token.value === '(') {
      const items: Thunk[] = [];
      let tuple = false;
      while (!isOp(')')) {
        items.push(parseOr());
        if (isOp(',')) {
          tuple = true;
          pos++;
        } else if (!isOp(')')) {
          expect(',');
        }
      }
      pos++;
      if (!tuple && items.length === 1) return items[0]!;
      return () => items.map((item) => item());
    }
    if (token.value === '[') {
      const items = parseList(']');
      return () => items.map((item) => item());
    }
    if (token.value === '{') {
      const entries: [Thunk, Thunk][] = [];
      while (!isOp('}')) {
        const key = parseOr();
        expect(':');
        entries.push([key, parseOr()]);
        if (!isOp('}')) expect(',');
      }
      pos++;
      return () => new Map(entries.map(([key, value]) => [key(), value()]));
    }
    throw new Unsupported(`unexpected ${token.value} in ${source}`);
  };

  const root = parseOr();
  if (pos !== tokens.length) throw new Unsupported(`could not read all of ${source}`);
  return root();
}

export function truthy(value: PyValue): boolean {
  if (value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof Map) return value.size > 0;
  if (isComparable(value)) return value.pyTruthy();
  return true;
}

function isComparable(value: PyValue): value is PyComparable {
  return typeof value === 'object' && value !== null && 'pyEquals' in value;
}

function isMapping(value: PyValue): value is PyMapping {
  return typeof value === 'object' && value !== null && 'pyGet' in value;
}

export function pyEquals(a: PyValue, b: PyValue): boolean {
  if (isComparable(a)) return a.pyEquals(b);
  if (isComparable(b)) return b.pyEquals(a);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, k) => pyEquals(item, b[k]!));
  if (a instanceof Map && isMapping(b)) return [...a].every(([key, value]) => b.pyHas(String(key)) && pyEquals(b.pyGet(String(key)), value));
  if (b instanceof Map && isMapping(a)) return pyEquals(b, a);
  if (a instanceof Map && b instanceof Map) return pyEquals(a, asMapping(b)) && a.size === b.size;
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) === Number(b);
  return a === b;
}

function asMapping(map: Map<PyValue, PyValue>): PyMapping {
  return { pyGet: (key) => map.get(key) ?? null, pyHas: (key) => map.has(key) };
}

function compare(op: string, left: PyValue, right: PyValue): boolean {
  switch (op) {
    case '==':
      return pyEquals(left, right);
    case '!=':
      return !pyEquals(left, right);
    case 'is':
      return left === right || (left === null && right === null);
    case 'is not':
      return left !== right;
    case 'in':
      return contains(right, left);
    case 'not in':
      return !contains(right, left);
    default: {
      if (typeof left !== 'number' || typeof right !== 'number') throw new Unsupported(`ordering of non-numbers`);
      return op === '<' ? left < right : op === '>' ? left > right : op === '<=' ? left <= right : left >= right;
    }
  }
}

function contains(container: PyValue, item: PyValue): boolean {
  if (typeof container === 'string') return typeof item === 'string' && container.includes(item);
  if (Array.isArray(container)) return container.some((element) => pyEquals(element, item));
  if (container instanceof Map) return container.has(item);
  if (isMapping(container)) return typeof item === 'string' && container.pyHas(item);
  throw new PyError(`argument of type ${typeof container} is not iterable`);
}

function arithmetic(op: string, left: PyValue, right: PyValue): PyValue {
  if (op === '+' && typeof left === 'string' && typeof right === 'string') return left + right;
  if (typeof left === 'number' && typeof right === 'number') return op === '+' ? left + right : left - right;
  throw new PyError(`unsupported operand types for ${op}`);
}

function subscript(target: PyValue, index: PyValue): PyValue {
  if (Array.isArray(target) && typeof index === 'number') {
    const item = target[index < 0 ? target.length + index : index];
    if (item === undefined) throw new PyError('IndexError: list index out of range');
    return item;
  }
  if (typeof target === 'string' && typeof index === 'number') {
    const char = target[index];
    if (char === undefined) throw new PyError('IndexError: string index out of range');
    return char;
  }
  if (isMapping(target) && typeof index === 'string') return target.pyGet(index);
  if (target instanceof Map) {
    if (!target.has(index)) throw new PyError(`KeyError: ${String(index)}`);
    return target.get(index)!;
  }
  throw new PyError(`TypeError: cannot subscript with ${String(index)}`);
}

function attribute(target: PyValue, name: string): PyValue {
  if (isMapping(target)) {
    if (name === 'get') {
      return (key: PyValue, fallback: PyValue = null) =>
        typeof key === 'string' && target.pyHas(key) ? target.pyGet(key) : fallback;
    }
    if (name === 'has_key' || name === 'keys' || name === 'items' || name === 'values') {
      throw new Unsupported(`${name}()`);
    }
    return target.pyGet(name);
  }
  throw new Unsupported(`attribute .${name}`);
}

function call(target: PyValue, args: PyValue[]): PyValue {
  if (typeof target !== 'function') throw new PyError('TypeError: object is not callable');
  return target(...args);
}
