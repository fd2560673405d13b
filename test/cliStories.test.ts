/** `newsdesk stories`: the largest recent stories of the store, as a table or JSON. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { newsdesk } from './helpers/cli.ts';

let dataDir: string;
const run = (args: string[]) => newsdesk(args, { DATA_DIR: dataDir, SITE_URL: 'https://news.example' });


before(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-stories-'));
  assert.equal(run(['import', 'demo']).code, 0);
});
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('stories lists the biggest stories first, each with its page', () => {
  const listed = run(['stories', '--days', '10000', '--limit', '3', '--json']);
  assert.equal(listed.code, 0, listed.stderr);
  const stories: { id: string; headline: string; articleCount: number; url: string }[] = JSON.parse(listed.stdout);
  assert.equal(stories.length, 3);
  assert.ok(stories[0]!.articleCount > 1, 'the demo has stories told by several articles');
  assert.deepEqual(stories.map((s) => s.articleCount), stories.map((s) => s.articleCount).sort((a, b) => b - a));
  assert.equal(stories[0]!.url, `https://news.example/story/${stories[0]!.id}`);

  const table = run(['stories', '--days', '10000', '--limit', '3']);
  assert.match(table.stdout.split('\n')[0]!, /^articles\s+latest\s+headline\s+page$/);
  assert.equal(table.stdout.split('\n').length, 4);
});

test('a bad count is refused with exit code 2', () => {
  const refused = run(['stories', '--limit', '0']);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /whole number/);
});
