/** The ingest commands as an operator runs them: real processes against a news site on loopback. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startNewsServer, storyHeadline, type NewsServer } from './helpers/newsServer.ts';

const CLI = fileURLToPath(new URL('../bin/newsdesk.js', import.meta.url));

/** Async, not spawnSync: the news server lives in this process and must keep answering. */
function newsdesk(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout: stdout.trim(), stderr: stderr.trim() }));
  });
}

describe('newsdesk ingest commands', () => {
  let news: NewsServer;
  let dataDir: string;
  let env: Record<string, string>;

  before(async () => {
    news = await startNewsServer({ storyCount: 3 });
    dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-cli-ingest-'));
    env = { DATA_DIR: dataDir, FETCH_ALLOW_PRIVATE_HOSTS: news.hostPort };
  });
  after(async () => {
    await news.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('extract prints the extraction as JSON and stores nothing', async () => {
    const run = await newsdesk(['extract', `${news.origin}/story/1`, '--json'], env);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.headline, storyHeadline(1));
    assert.equal(result.byline, 'Jane Reporter');
    assert.equal(result.publishedAt, '2026-01-01T00:01:00.000Z');
    assert.equal(result.image.caption, 'Residents at the council meeting.');
    assert.equal(result.image.credit, 'Sam Lens/Gazette');
    assert.match(result.bodyText, /^Story 1 paragraph 1:/);
    assert.match(result.bodyHtml, /<h2>What happens next<\/h2>/);
    for (const field of ['dek', 'modifiedAt', 'canonicalUrl', 'sectionHint', 'blocks']) assert.ok(field in result, field);

    const saved = join(dataDir, 'story.html');
    writeFileSync(saved, await (await fetch(`${news.origin}/story/2`)).text());
    const fromFile = await newsdesk(['extract', saved, '--url', `${news.origin}/story/2`], env);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.match(fromFile.stdout, new RegExp(`headline +${storyHeadline(2)}`));
  });

  test('bad input gets a clear message and exit code 2', async () => {
    const missing = await newsdesk(['extract', join(dataDir, 'nope.html')], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*nope\.html/);

    const blocked = await newsdesk(['extract', 'http://127.0.0.1:1/page'], { DATA_DIR: dataDir });
    assert.equal(blocked.code, 2, blocked.stderr);
    assert.match(blocked.stderr, /127\.0\.0\.1/);

    const scheme = await newsdesk(['feed', 'add', 'ftp://example.com/feed.xml'], env);
    assert.equal(scheme.code, 2);
    assert.match(scheme.stderr, /ftp/);

    const section = await newsdesk(['feed', 'add', `${news.origin}/feed.xml`, '--section', 'Gardening'], env);
    assert.equal(section.code, 2);
    assert.match(section.stderr, /no section "Gardening"; sections are: World, Politics/);
  });

  test('feed add, ingest, list, jobs, remove', async () => {
    const add = await newsdesk(['feed', 'add', `${news.origin}/feed.xml`, '--section', 'Security', '--publish', '--every', '30'], env);
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout, /following feed 1: .*feed\.xml \(published, every 30 min\)/);
    const again = await newsdesk(['feed', 'add', `${news.origin}/feed.xml`], env);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /Already following/);

    const ingest = await newsdesk(['ingest'], env);
    assert.equal(ingest.code, 0, ingest.stderr);
    assert.match(ingest.stdout, /ingest: 4 jobs run; 0 parked/);

    const list = await newsdesk(['feed', 'list'], env);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^id +status +streak +last poll +next poll +items +url/);
    assert.match(list.stdout, /\n1 +ok +\S+ \S+ +\S+ \S+ +3 +http:\/\/127\.0\.0\.1:\d+\/feed\.xml/);
    const json = JSON.parse((await newsdesk(['feed', 'list', '--json'], env)).stdout);
    assert.equal(json[0].title, 'Loopback Gazette');

    const jobs = await newsdesk(['jobs'], env);
    assert.equal(jobs.code, 0, jobs.stderr);
    assert.match(jobs.stdout, /pending 0 · running 0 · done 4 · parked 0/);

    const remove = await newsdesk(['feed', 'remove', '1'], env);
    assert.equal(remove.code, 0, remove.stderr);
    const gone = await newsdesk(['feed', 'remove', '1'], env);
    assert.equal(gone.code, 2);
    assert.match(gone.stderr, /no feed 1/);
  });

  test('import url and import html store a page once', async () => {
    news.setFeed('/unused.xml', []);
    const url = await newsdesk(['import', 'url', `${news.origin}/story/3?utm_campaign=x`], env);
    assert.equal(url.code, 0, url.stderr);
    assert.match(url.stdout, /^unchanged: /, 'story 3 came in with the feed already');

    const saved = join(dataDir, 'other.html');
    writeFileSync(saved, (await (await fetch(`${news.origin}/story/1`)).text()).replaceAll('Story 1 ', 'Saved story '));
    const first = await newsdesk(['import', 'html', saved, '--url', 'https://elsewhere.example/saved', '--draft'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^created: .*\(draft\)$/);
    const second = await newsdesk(['import', 'html', saved, '--url', 'https://elsewhere.example/saved'], env);
    assert.match(second.stdout, /^unchanged: /);
  });
});
