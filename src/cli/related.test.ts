import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { ValidationError } from '../domain/index.ts';
import { articleText } from '../enrich/articleText.ts';
import { DEMO_WIKINEWS_FILE } from '../ingest/index.ts';
import { SEED_DRAFT } from '../site/testing/seedArticle.ts';
import { relatedStream } from './related.ts';

async function run(lines: string[], limit?: number): Promise<Map<string, string[]>> {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  await relatedStream(Readable.from(lines.join('\n')), output, { name: 'articles.jsonl', ...(limit && { limit }) });
  const rows = chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id: string; related: string[] });
  return new Map(rows.map((row) => [row.id, row.related]));
}

// The demo as the site imports it: its Wikinews stories and the seed (the Iraq withdrawal story).
const DEMO_LINES = readFileSync(DEMO_WIKINEWS_FILE, 'utf8').split('\n').filter(Boolean);
const SEED_TEXT = articleText(SEED_DRAFT);
const SEED_LINE = JSON.stringify({ id: 'seed', title: SEED_TEXT.headline, text: SEED_TEXT.paragraphs.join('\n\n'), publishedAt: '2026-01-18T09:30:00Z' });
const WRESTLER = 'wikinews-us-professional-wrestler-jon-huber-dies-aged-41';
const RALLY = 'wikinews-conservative-groups-hold-rally-in-washington-d-c';

describe('related --jsonl', () => {
  test('the seed lists Iraq stories, not the wrestler\'s death nor the Washington rally; unrelated stories list nothing', async () => {
    const demoIds = DEMO_LINES.map((line) => (JSON.parse(line) as { id: string }).id);
    assert.ok(demoIds.includes(WRESTLER) && demoIds.some((id) => id.startsWith(RALLY)), 'both are in the demo');
    const lists = await run([...DEMO_LINES, SEED_LINE]);
    const seed = lists.get('seed')!;
    assert.ok(seed.length >= 1 && seed.length <= 5, `seed lists ${seed.join(', ')}`);
    assert.ok(!seed.includes(WRESTLER), 'not the wrestler');
    assert.ok(!seed.some((id) => id.startsWith(RALLY)), 'not the Washington rally');
    assert.ok(seed.every((id) => /iraq/.test(id)), `every one is about Iraq: ${seed.join(', ')}`);
    // Not every story has a related one in a few hundred: the others get fewer, or none, never a filler.
    assert.ok([...lists.values()].some((list) => list.length === 0), 'some lists are empty');
    assert.equal(lists.size, DEMO_LINES.length + 1, 'one line an article');
  });

  test('--limit caps each list', async () => {
    const lists = await run([...DEMO_LINES, SEED_LINE], 1);
    assert.ok([...lists.values()].every((list) => list.length <= 1));
    assert.equal(lists.get('seed')!.length, 1);
  });

  test('a bad line stops the run with its line number', async () => {
    await assert.rejects(run([SEED_LINE, '{"id":"b","title":"t"}']), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.match(error.message, /^articles\.jsonl:2: "text" must be a string/);
      return true;
    });
  });
});
