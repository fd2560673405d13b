/**
 * Taking a story down from the command line while the site runs on the same SQLite file, with no Redis: the
 * page answers 410 and the story leaves every list, feed, sitemap and search within seconds (the page cache
 * would otherwise keep it 30 s, the sitemaps five minutes); publishing it again brings it back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_PAGE_FILE } from '../src/ingest/index.ts';
import { freePort } from '../bench/load.ts';
import { CLI, newsdesk } from './helpers/cli.ts';

const SEED_HEADLINE = 'Iraq Says US Forces Have Withdrawn';

/** Polls `probe` until it holds, for at most 20 s: well under the caches' lifetimes, so waiting them out fails. */
async function eventually(what: string, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await probe())) {
    if (Date.now() > deadline) assert.fail(`still not so after 20 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('a junk file is kept as a draft; unpublish beside a running site takes the story off everywhere', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-unpublish-'));
  const env = { DATA_DIR: dataDir };
  const junk = join(dataDir, 'junk.txt');
  writeFileSync(junk, '2 hello\n');
  const kept = newsdesk(['import', 'page', junk], env);
  assert.equal(kept.code, 0, kept.stderr);
  assert.match(kept.stdout, /^created as a draft: .*\n {2}not published: its body has 0 words; a published article needs at least 80$/);
  const seed = newsdesk(['import', 'page', SEED_PAGE_FILE], env);
  assert.match(seed.stdout, /^created: http:\/\/localhost:\d+(\/security\/[a-z0-9-]+)$/);
  const path = seed.stdout.match(/(\/security\/[a-z0-9-]+)$/)![1]!;

  const port = await freePort();
  const server = spawn(process.execPath, [CLI, 'serve', '--no-demo'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', INGEST_IN_PROCESS: 'off' },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => server.on('exit', resolve));
  const site = `http://127.0.0.1:${port}`;
  const get = async (pathname: string) => fetch(`${site}${pathname}`).catch(() => null);
  /** Whether the page lists the story: by its headline, or by its address where words are marked up (search, sitemaps). */
  const shows = async (pathname: string) => {
    const response = await get(pathname);
    const marker = pathname.startsWith('/sitemaps/') || pathname.startsWith('/search') ? path : SEED_HEADLINE;
    return response?.ok === true && (await response.text()).includes(marker);
  };
  const everywhere = ['/', '/security', '/rss.xml', '/security/atom.xml', '/feed.json', '/sitemaps/articles-1.xml', '/search?q=withdrawn'];
  try {
    await eventually('the site is up', async () => (await get('/'))?.ok === true);
    for (const pathname of [path, ...everywhere]) assert.ok(await shows(pathname), `${pathname} shows the story (and is cached now)`);
    assert.equal((await get('/business/2-hello'))?.status, 404, 'the junk draft is not on the site');
    assert.ok(!(await (await get('/'))!.text()).includes('2 hello'), 'nor on the home page');

    const down = newsdesk(['article', 'unpublish', path], env);
    assert.equal(down.code, 0, down.stderr);
    await eventually('the page answers 410', async () => (await get(path))?.status === 410);
    const gone = await (await get(path))!.text();
    assert.match(gone, /taken down/);
    for (const pathname of everywhere) await eventually(`${pathname} drops the story`, async () => !(await shows(pathname)));

    const up = newsdesk(['article', 'publish', path], env);
    assert.equal(up.code, 0, up.stderr);
    for (const pathname of [path, ...everywhere]) await eventually(`${pathname} shows it again`, () => shows(pathname));
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
});
