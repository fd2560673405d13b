import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate, NotModelled, PyError, type PyValue, type Scope } from './pythonExpr.ts';

const scope = (names: Record<string, PyValue>): Scope => (name) => {
  if (name in names) return names[name]!;
  throw new NotModelled(name);
};
const mapping = (fields: Record<string, PyValue>) => ({
  pyGet: (key: string) => {
    if (!(key in fields)) throw new PyError(`KeyError: ${key}`);
    return fields[key]!;
  },
  pyHas: (key: string) => key in fields,
});

test('string literals with Python escapes and prefixes, implicit and + concatenation', () => {
  const s = scope({});
  assert.equal(evaluate(String.raw`u'\u2018quoted\u2019'`, s), '\u2018quoted\u2019');
  assert.equal(evaluate(String.raw`'caf\xe9 \U0001F600 \101 tab\t'`, s), 'caf\u00e9 \u{1F600} A tab\t');
  assert.equal(evaluate(String.raw`"it's" ' and ' r'\n'`, s), "it's and \\n");
  assert.equal(evaluate(`'a' + 'b'`, s), 'ab');
});

test('comparisons (chained, in, not in, is), and/or/not with short-circuit', () => {
  const feed = mapping({ title: 'T', link: 'L' });
  const s = scope({ feed, bozo: false, entries: [mapping({ title: 'x' })], len: (v: PyValue) => (v as PyValue[]).length });
  assert.equal(evaluate(`not bozo and feed['title'] == 'T'`, s), true);
  assert.equal(evaluate(`feed.title == feed['title'] == 'T'`, s), true);
  assert.equal(evaluate(`feed.title == feed['link'] == 'T'`, s), false);
  assert.equal(evaluate(`'title' in feed and not 'nope' in feed and 'nope' not in feed`, s), true);
  assert.equal(evaluate(`len(entries) == 1 and entries[0]['title'] == 'x'`, s), true);
  assert.equal(evaluate(`bozo is False or feed['missing']`, s), true);
  assert.equal(evaluate(`bozo and feed['missing']`, s), false);
  assert.throws(() => evaluate(`feed['missing'] == 1`, s), PyError);
  assert.throws(() => evaluate(`entries[3]`, s), PyError);
  assert.throws(() => evaluate(`version == 'rss20'`, s), NotModelled);
});

test('tuples, lists, dicts, numbers and get()', () => {
  const entry = mapping({ published_parsed: [2003, 12, 31, 10, 14, 55, 2, 365, 0], author_detail: mapping({ name: 'n' }) });
  const s = scope({ entries: [entry] });
  assert.equal(evaluate(`entries[0]['published_parsed'] == (2003, 12, 31, 10, 14, 55, 2, 365, 0)`, s), true);
  assert.equal(evaluate(`entries[0]['author_detail'] == {'name': 'n'}`, s), true);
  assert.equal(evaluate(`entries[0].get('nothing', {}) == {}`, s), true);
  assert.equal(evaluate(`(-1.5, 2) == (-1.5, 2) and [1] == [1]`, s), true);
});
