/** The ingest commands as an operator runs them: real processes against a news site on loopback. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort } from '../bench/load.ts';
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
    // Why, and how to allow it for local development: the refusal is not a dead end.
    assert.match(blocked.stderr, /fetches only from public addresses/);
    assert.match(blocked.stderr, /FETCH_ALLOW_PRIVATE_HOSTS=127\.0\.0\.1:1 npx newsdesk/);
    assert.match(blocked.stderr, /Never set that on a public site/);

    // The allowance is loud while it is set: every command warns.
    const allowed = await newsdesk(['feed', 'list'], env);
    assert.match(allowed.stderr, /FETCH_ALLOW_PRIVATE_HOSTS lets the fetcher reach these private addresses: for local development and tests only/);

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
    assert.match(ingest.stdout, /^ingest: polled 1 feed \(1 with news, 0 unchanged, 0 failed\); fetched 3 of 3 stories \(3 new, 0 updated, 0 already stored\)$/);

    const list = await newsdesk(['feed', 'list'], env);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^id +status +streak +last poll +next poll +items +url/);
    assert.match(list.stdout, /\n1 +ok +\S+ \S+ +\S+ \S+ +3 +http:\/\/127\.0\.0\.1:\d+\/feed\.xml/);
    const json = JSON.parse((await newsdesk(['feed', 'list', '--json'], env)).stdout);
    assert.equal(json[0].title, 'Loopback Gazette');

    const jobs = await newsdesk(['jobs'], env);
    assert.equal(jobs.code, 0, jobs.stderr);
    assert.match(jobs.stdout, /pending 0 · running 0 · done 4 · parked 0/);

    const idle = await newsdesk(['ingest'], env);
    assert.equal(idle.code, 0, idle.stderr);
    assert.match(idle.stdout, /^ingest: no feed is due \(the next poll is at \d{4}-\d\d-\d\d \d\d:\d\d UTC\); nothing to do$/);

    const remove = await newsdesk(['feed', 'remove', '1'], env);
    assert.equal(remove.code, 0, remove.stderr);
    assert.match(remove.stdout, /stopped following feed 1: .* \(0 waiting jobs cancelled; its stories stay\)/);
    const gone = await newsdesk(['feed', 'remove', '1'], env);
    assert.equal(gone.code, 2);
    assert.match(gone.stderr, /no feed 1/);
  });

  test('ingest says what failed, when it is retried and why; removing the feed cancels its waiting jobs', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'newsdesk-cli-failing-'));
    const freshEnv = { ...env, DATA_DIR: fresh };
    news.setFeed('/partly.xml', [1, 2, 3]);
    news.failPath('/story/2', 503);
    news.failPath('/story/3', 503);
    try {
      assert.equal((await newsdesk(['feed', 'add', `${news.origin}/partly.xml`, '--publish'], freshEnv)).code, 0);
      const run = await newsdesk(['ingest'], freshEnv);
      assert.equal(run.code, 0, 'something came in');
      const lines = run.stdout.split('\n');
      assert.match(lines[0]!, /polled 1 feed \(1 with news, 0 unchanged, 0 failed\); fetched 1 of 3 stories \(1 new/);
      assert.match(lines[1]!, /^ {2}2 failed and will be retried, 0 parked; 2 jobs still pending \(next at \d{4}-\d\d-\d\d \d\d:\d\d UTC\)$/);
      assert.match(run.stdout, /commonest errors:\n +2× 127\.0\.0\.1:\d+\/… answered 503/);

      const removed = await newsdesk(['feed', 'remove', `${news.origin}/partly.xml`], freshEnv);
      assert.equal(removed.code, 0, removed.stderr);
      assert.match(removed.stdout, /\(2 waiting jobs cancelled; its stories stay\)/);
      const jobs = JSON.parse((await newsdesk(['jobs', '--json'], freshEnv)).stdout);
      assert.equal(jobs.counts.pending, 0, 'nothing of the removed feed is left to retry after a restart');
    } finally {
      news.failPath('/story/2', null);
      news.failPath('/story/3', null);
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  test('ingest exits 69 when nothing at all could be fetched', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'newsdesk-cli-down-'));
    const freshEnv = { ...env, DATA_DIR: fresh };
    news.failPath('/down.xml', 503);
    try {
      assert.equal((await newsdesk(['feed', 'add', `${news.origin}/down.xml`], freshEnv)).code, 0);
      const run = await newsdesk(['ingest'], freshEnv);
      assert.equal(run.code, 69, run.stdout);
      assert.match(run.stdout, /polled 1 feed \(0 with news, 0 unchanged, 1 failed\)/);
      assert.match(run.stdout, /commonest errors:\n +1× 127\.0\.0\.1:\d+\/… answered 503/);
    } finally {
      news.failPath('/down.xml', null);
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  test('import url and import html store a page once', async () => {
    news.setFeed('/unused.xml', []);
    const url = await newsdesk(['import', 'url', `${news.origin}/story/3?utm_campaign=x`], env);
    assert.equal(url.code, 0, url.stderr);
    assert.match(url.stdout, /^unchanged: /, 'story 3 came in with the feed already');

    const saved = join(dataDir, 'other.html');
    // Story 1's page with its words in another order: a story of its own, not a copy of story 1 (which the
    // store would collapse into the original and list as another source).
    const original = await (await fetch(`${news.origin}/story/1`)).text();
    const reworded = original
      .replaceAll('Story 1 ', 'Saved story ')
      .replace(/<p>([^<]*)<\/p>/g, (_, text: string) => `<p>${text.split(' ').reverse().join(' ')}</p>`);
    writeFileSync(saved, reworded);
    const first = await newsdesk(['import', 'html', saved, '--url', 'https://elsewhere.example/saved', '--draft'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^created: .*\(draft\)$/);
    const second = await newsdesk(['import', 'html', saved, '--url', 'https://elsewhere.example/saved'], env);
    assert.match(second.stdout, /^unchanged: /);
  });

  test('serve polls feeds in-process; worker runs until SIGTERM and leaves no job running', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'newsdesk-cli-serve-'));
    news.setFeed('/serve.xml', [1, 2]);
    const freshEnv = { ...env, DATA_DIR: fresh };
    try {
      assert.equal((await newsdesk(['feed', 'add', `${news.origin}/serve.xml`, '--publish', '--section', 'Health'], freshEnv)).code, 0);
      const port = await freePort();
      const server = spawn(process.execPath, [CLI, 'serve', '--no-demo'], {
        // Page cache off: a cached, still-empty section front would hide the stories for its TTL.
        env: { ...process.env, ...freshEnv, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', PAGE_CACHE: 'off' },
      });
      try {
        const front = await eventually(async () => {
          const page = await fetch(`http://127.0.0.1:${port}/health`).catch(() => null);
          const html = page?.ok ? await page.text() : '';
          return html.includes(storyHeadline(2)) ? html : null;
        });
        assert.ok(front.includes(storyHeadline(1)));
      } finally {
        server.kill('SIGTERM');
        assert.equal(await exitCode(server), 0);
      }

      // A second feed is due at once (the first waits its interval): the worker polls it and fetches story 3.
      news.setFeed('/worker.xml', [2, 3]);
      assert.equal((await newsdesk(['feed', 'add', `${news.origin}/worker.xml`, '--publish'], freshEnv)).code, 0);
      const worker = spawn(process.execPath, [CLI, 'worker'], { env: { ...process.env, ...freshEnv, LOG_LEVEL: 'warn' } });
      try {
        await eventually(async () => {
          const list = await newsdesk(['jobs', '--json'], freshEnv);
          return list.code === 0 && JSON.parse(list.stdout).counts.done >= 5 ? true : null;
        });
      } finally {
        worker.kill('SIGTERM');
        assert.equal(await exitCode(worker), 0);
      }
      const jobs = JSON.parse((await newsdesk(['jobs', '--json'], freshEnv)).stdout);
      assert.equal(jobs.counts.running, 0);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});

/** Retries `probe` until it returns something, for up to a minute (start-up and polling take a few seconds). */
async function eventually<T>(probe: () => Promise<T | null>): Promise<T> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const value = await probe();
    if (value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('gave up waiting');
}

function exitCode(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}
