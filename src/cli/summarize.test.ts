import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { Command, CommanderError } from 'commander';
import { ValidationError } from '../domain/index.ts';
import { configureSummarize, summarizeJsonLines } from './summarize.ts';
import { slowCollector } from './testing.ts';

const article = [
  'The city council approved a new harbour bridge on Tuesday after a two-year debate.',
  'The bridge will cost 40 million euros. Work starts in spring. Council members voted 31 to 9.',
  'Opponents said the harbour bridge would bring traffic into the old town.',
].join('\n\n');

describe('newsdesk summarize (stream)', () => {
  test('one summary line per article line, sentences separated by \\n, blank lines skipped', async () => {
    const input = Readable.from(
      [JSON.stringify({ id: 'a', article }), '', JSON.stringify({ id: 7, article, headline: 'Harbour bridge approved' })].join('\n') + '\n',
    );
    const out = slowCollector();
    const written = await summarizeJsonLines(input, out.stream, { sentences: 2 });
    assert.equal(written, 2);
    const rows = out.text().trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string | number; summary: string });
    assert.deepEqual(rows.map((r) => r.id), ['a', 7]);
    for (const row of rows) {
      const sentences = row.summary.split('\n');
      assert.equal(sentences.length, 2);
      for (const s of sentences) assert.ok(article.includes(s), s);
    }
    assert.equal(rows[0]!.summary.split('\n')[0], 'The city council approved a new harbour bridge on Tuesday after a two-year debate.');
  });

  test('many lines stream through a slow writer', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `n${i}`, article }));
    const out = slowCollector();
    assert.equal(await summarizeJsonLines(Readable.from(lines.join('\n')), out.stream), 300);
    assert.equal(out.text().trimEnd().split('\n').length, 300);
  });

  for (const [name, line, message] of [
    ['not JSON', '{"id": "x", "article": ', /line 2: not JSON/],
    ['not an object', '["x"]', /line 2: expected a JSON object/],
    ['no id', '{"article": "Text."}', /line 2: "id"/],
    ['article not a string', '{"id": "x", "article": ["Text."]}', /line 2: "article"/],
  ] as const) {
    test(`a bad line (${name}) is a ValidationError with its line number`, async () => {
      const input = Readable.from(`${JSON.stringify({ id: 'ok', article })}\n${line}\n`);
      await assert.rejects(summarizeJsonLines(input, slowCollector().stream), (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.match(error.message, message);
        return true;
      });
    });
  }

  test('--sentences must be a whole number in range', async () => {
    const program = new Command('newsdesk').exitOverride().configureOutput({ writeErr: () => {} });
    configureSummarize(program.command('summarize'));
    await assert.rejects(program.parseAsync(['node', 'newsdesk', 'summarize', '--jsonl', 'x.jsonl', '--sentences', 'two']), (error: unknown) => {
      assert.ok(error instanceof CommanderError);
      assert.match(error.message, /whole number/);
      return true;
    });
  });

  test('a missing file is a ValidationError naming it', async () => {
    const program = new Command('newsdesk').exitOverride();
    configureSummarize(program.command('summarize'));
    await assert.rejects(program.parseAsync(['node', 'newsdesk', 'summarize', '--jsonl', '/nonexistent/articles.jsonl']), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.match(error.message, /nonexistent\/articles\.jsonl: ENOENT/);
      return true;
    });
  });
});
