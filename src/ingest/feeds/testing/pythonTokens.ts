/**
 * Tokens of the Python subset in feedparser's `Expect:` lines (pythonExpr.ts): names, numbers, operators, and
 * string literals with their prefixes (u, b, r) and escapes (\xhh, \uhhhh, \Uhhhhhhhh, octal, \n …).
 */
import { Unsupported } from './pythonErrors.ts';

export type Token = { kind: 'num'; value: number } | { kind: 'str'; value: string } | { kind: 'name'; value: string } | { kind: 'op'; value: string };

const OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '(', ')', '[', ']', '{', '}', ',', ':', '.', '+', '-', '*', '%'];

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const str = /^([uUbBrR]{0,2})('|")/.exec(source.slice(i, i + 3));
    if (str && (str[1] === '' || /[A-Za-z]/.test(c))) {
      const raw = /r/i.test(str[1]!);
      const quote = str[2]!;
      let j = i + str[0].length;
      let value = '';
      while (j < source.length && source[j] !== quote) {
        if (source[j] === '\\' && !raw) {
          const [text, length] = readEscape(source, j);
          value += text;
          j += length;
        } else {
          value += source[j];
          j++;
        }
      }
      if (j >= source.length) throw new Unsupported(`unterminated string in ${source}`);
      tokens.push({ kind: 'str', value });
      i = j + 1;
      continue;
    }
    const num = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(source.slice(i));
    if (num) {
      tokens.push({ kind: 'num', value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_]\w*/.exec(source.slice(i));
    if (name) {
      tokens.push({ kind: 'name', value: name[0] });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
    if (!op) throw new Unsupported(`unexpected ${JSON.stringify(c)} in ${source}`);
    tokens.push({ kind: 'op', value: op });
    i += op.length;
  }
  return tokens;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v',
};

function readEscape(source: string, at: number): [string, number] {
  const kind = source[at + 1] ?? '';
  const hex = (digits: number) => {
    const code = Number.parseInt(source.slice(at + 2, at + 2 + digits), 16);
    return [String.fromCodePoint(code), 2 + digits] as [string, number];
  };
  if (kind === 'x') return hex(2);
  if (kind === 'u') return hex(4);
  if (kind === 'U') return hex(8);
  const octal = /^[0-7]{1,3}/.exec(source.slice(at + 1, at + 4));
  if (octal) return [String.fromCharCode(Number.parseInt(octal[0], 8)), 1 + octal[0].length];
  if (kind === '\n') return ['', 2];
  if (kind in SIMPLE_ESCAPES) return [SIMPLE_ESCAPES[kind]!, 2];
  return ['\\' + kind, 2];
}
