/** `newsdesk stories`: the largest recent stories of the store, as a table or JSON. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../bin/newsdesk.js', import.meta.url));
let dataDir: string;

function newsdesk(args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', DATA_DIR: dataDir, SITE_URL: 'https://news.example' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim() };
}

before(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-stories-'));
  assert.equal(newsdesk(['import', 'demo']).code, 0);
});
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('stories lists the biggest stories first, each with its page', () => {
  const run = newsdesk(['stories', '--days', '10000', '--limit', '3', '--json']);
  assert.equal(run.code, 0, run.stderr);
  const stories: { id: string; headline: string; articleCount: number; url: string }[] = JSON.parse(run.stdout);
  assert.equal(stories.length, 3);
  assert.ok(stories[0]!.articleCount > 1, 'the demo has stories told by several articles');
  assert.deepEqual(stories.map((s) => s.articleCount), stories.map((s) => s.articleCount).sort((a, b) => b - a));
  assert.equal(stories[0]!.url, `https://news.example/story/${stories[0]!.id}`);

  const table = newsdesk(['stories', '--days', '10000', '--limit', '3']);
  assert.match(table.stdout.split('\n')[0]!, /^articles\s+latest\s+headline\s+page$/);
  assert.equal(table.stdout.split('\n').length, 4);
});

test('a bad count is refused with exit code 2', () => {
  const run = newsdesk(['stories', '--limit', '0']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /whole number/);
});
