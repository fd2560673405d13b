import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { articlePath, type Article, type ArticleSource } from '../../domain/index.ts';
import type { Store } from '../../store/index.ts';
import { registerErrorPages, sitePlugin } from '../index.ts';
import { insertArticle, memoryStore, minutesAfterStart, storyDraft } from '../testing/store.ts';
import { currentArchiveMonthPath } from '../views/archivePaths.ts';

const SITE_URL = 'https://news.example';
/** More than two author pages (20 a page) and a day of more than one page (50 a page). */
const ANA_STORIES = 55;

async function siteApp(store: Store, pageCache: boolean): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  registerErrorPages(app, 'CRBC News');
  await app.register(sitePlugin, { store, config: { siteName: 'CRBC News', siteUrl: SITE_URL, pageCache } });
  return app;
}

function source(name: string): ArticleSource {
  return { name, url: 'https://rio.example/story', attribution: null, licenseName: null, licenseUrl: null };
}

let store: Store;
let app: FastifyInstance;
let cached: FastifyInstance;
let newestAna: Article;
let ben: Article;
let wire: Article;

before(async () => {
  store = await memoryStore();
  // All on 1 January 2026 (UTC), a minute apart.
  for (let n = 1; n <= ANA_STORIES; n++) {
    const article = await insertArticle(store, { ...storyDraft(`Ana story ${n}`, 'Politics'), byline: 'Ana Lima' }, { publishedAt: minutesAfterStart(n) });
    if (n === ANA_STORIES) newestAna = article;
  }
  await insertArticle(store, { ...storyDraft('Ana unpublished draft', 'Politics'), byline: 'Ana Lima' }, { status: 'draft' });
  ben = await insertArticle(store, { ...storyDraft('Ben story', 'World'), byline: 'Ben Okafor', source: source('Río Times') }, {
    publishedAt: '2026-01-03T10:00:00.000Z',
  });
  wire = await insertArticle(store, { ...storyDraft('Wire story', 'World'), byline: null, source: source('Rio Times') }, {
    publishedAt: '2026-03-10T10:00:00.000Z',
  });
  app = await siteApp(store, false);
  cached = await siteApp(store, true);
});

after(async () => {
  await app?.close();
  await cached?.close();
  await store?.close();
});

const hrefs = (html: string) => [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!);
const headlines = (html: string) => [...html.matchAll(/<h2 class="card-headline"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);

describe('author pages', () => {
  it('list the byline’s published stories, newest first, a page at a time with rel prev/next', async () => {
    const first = await app.inject('/author/ana-lima');
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /<h1 class="front-title">Ana Lima<\/h1>/);
    assert.match(first.body, /55 stories · page 1 of 3/);
    assert.deepEqual(headlines(first.body).slice(0, 2), ['Ana story 55', 'Ana story 54']);
    assert.equal(headlines(first.body).length, 20);
    assert.ok(!first.body.includes('Ana unpublished draft'));
    assert.match(first.body, /<link rel="next" href="\/author\/ana-lima\?page=2"\/>/);
    assert.ok(!first.body.includes('rel="prev"'));
    assert.equal(first.headers['surrogate-key'], 'author-ana-lima');
    assert.equal(first.headers['last-modified'], new Date(newestAna.updatedAt).toUTCString());

    const last = await app.inject('/author/ana-lima?page=3');
    assert.equal(last.statusCode, 200);
    assert.deepEqual(headlines(last.body), ['Ana story 15', 'Ana story 14', 'Ana story 13', 'Ana story 12', 'Ana story 11', 'Ana story 10', 'Ana story 9', 'Ana story 8', 'Ana story 7', 'Ana story 6', 'Ana story 5', 'Ana story 4', 'Ana story 3', 'Ana story 2', 'Ana story 1']);
    assert.match(last.body, /<link rel="prev" href="\/author\/ana-lima\?page=2"\/>/);
    assert.match(last.body, /<link rel="canonical" href="https:\/\/news.example\/author\/ana-lima\?page=3"\/>/);
  });

  it('refuse what is not a page: unknown names and pages past the end are 404, malformed page numbers 400', async () => {
    for (const url of ['/author/nobody', '/author/Ana_Lima', '/author/ana-lima?page=4', '/author/ana-lima?page=1000000']) {
      assert.equal((await app.inject(url)).statusCode, 404, url);
    }
    for (const url of ['/author/ana-lima?page=0', '/author/ana-lima?page=two']) {
      assert.equal((await app.inject(url)).statusCode, 400, url);
    }
  });

  it('are linked from the article page’s byline', async () => {
    const html = (await app.inject(articlePath(newestAna))).body;
    assert.match(html, /<p class="byline">By <a href="\/author\/ana-lima">Ana Lima<\/a><\/p>/);
    // A story with no byline of its own shows its source's name, not as an author.
    assert.match((await app.inject(articlePath(wire))).body, /<p class="byline">By Rio Times<\/p>/);
  });
});

describe('source pages', () => {
  it('show the name as stored on the newest story and list every spelling that makes the slug', async () => {
    const page = await app.inject('/source/rio-times');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="front-title">Rio Times<\/h1>/);
    assert.deepEqual(headlines(page.body), ['Wire story', 'Ben story']);
    assert.equal(page.headers['surrogate-key'], 'source-rio-times');
    assert.equal((await app.inject('/source/wikinews')).statusCode, 404);
  });

  it('are linked from the source credit as “More from”', async () => {
    const html = (await app.inject(articlePath(ben))).body;
    assert.match(html, /<p class="source-more"><a href="\/source\/rio-times">More from Río Times<\/a><\/p>/);
    assert.ok(!(await app.inject(articlePath(newestAna))).body.includes('source-more'), 'no source, no link');
  });
});

describe('date archive', () => {
  it('lists a UTC day’s stories newest first, in pages, with links to the nearest days that have stories', async () => {
    const day = await app.inject('/archive/2026/01/01');
    assert.equal(day.statusCode, 200);
    assert.match(day.body, /<h1 class="front-title">1 January 2026<\/h1>/);
    assert.match(day.body, /55 stories · page 1 of 2/);
    assert.equal(headlines(day.body).length, 50);
    assert.equal(headlines(day.body)[0], 'Ana story 55');
    assert.match(day.body, /<link rel="next" href="\/archive\/2026\/01\/01\?page=2"\/>/);
    assert.equal(day.headers['surrogate-key'], 'archive-2026-01-01');
    assert.ok(hrefs(day.body).includes('/archive/2026/01/03'), 'the next day with stories');
    assert.ok(hrefs(day.body).includes('/archive/2026/01'), 'its month');
    assert.equal(headlines((await app.inject('/archive/2026/01/01?page=2')).body).length, 5);

    const ben3 = (await app.inject('/archive/2026/01/03')).body;
    assert.deepEqual(headlines(ben3), ['Ben story']);
    assert.ok(hrefs(ben3).includes('/archive/2026/01/01') && hrefs(ben3).includes('/archive/2026/03/10'));
  });

  it('says so on a day without stories, and still links on', async () => {
    const quiet = await app.inject('/archive/2026/02/14');
    assert.equal(quiet.statusCode, 200);
    assert.match(quiet.body, /No stories were published on 14 February 2026/);
    assert.ok(hrefs(quiet.body).includes('/archive/2026/01/03') && hrefs(quiet.body).includes('/archive/2026/03/10'));
  });

  it('answers 404 for dates the calendar has not and for malformed addresses; 400 for a malformed page', async () => {
    for (const url of ['/archive/2026/02/30', '/archive/2025/02/29', '/archive/2026/13/01', '/archive/2026/00', '/archive/2026/01/00', '/archive/2026/1/1', '/archive/26/01/01', '/archive/abcd/01', '/archive/2026/01/01x']) {
      assert.equal((await app.inject(url)).statusCode, 404, url);
    }
    assert.equal((await app.inject('/archive/2024/02/29')).statusCode, 200, 'a leap day');
    assert.equal((await app.inject('/archive/2026/01/01?page=3')).statusCode, 404);
    assert.equal((await app.inject('/archive/2026/01/01?page=x')).statusCode, 400);
  });

  it('lists a month’s days with their counts, and the months either side that have stories', async () => {
    const month = await app.inject('/archive/2026/01');
    assert.equal(month.statusCode, 200);
    assert.match(month.body, /<h1 class="front-title">January 2026<\/h1>/);
    assert.match(month.body, /<a href="\/archive\/2026\/01\/01">1 January 2026<\/a> · 55 stories/);
    assert.match(month.body, /<a href="\/archive\/2026\/01\/03">3 January 2026<\/a> · 1 story/);
    assert.ok(hrefs(month.body).includes('/archive/2026/03'), 'the next month with stories, February skipped');
    assert.equal(month.headers['surrogate-key'], 'archive-2026-01');
    assert.equal(month.headers['last-modified'], new Date(ben.updatedAt).toUTCString());
    const empty = await app.inject('/archive/2026/02');
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /No stories were published in February 2026/);
  });

  it('is linked from every page’s footer at the current month', async () => {
    assert.ok(hrefs((await app.inject('/')).body).includes(currentArchiveMonthPath()));
    assert.equal((await app.inject(currentArchiveMonthPath())).statusCode, 200);
  });
});

describe('caching', () => {
  it('keeps archive pages in the page cache and answers 304 to a matching ETag', async () => {
    cached.pageCache.clear();
    for (const url of ['/author/ana-lima?page=2', '/source/rio-times', '/archive/2026/01/01', '/archive/2026/01']) {
      const first = await cached.inject(url);
      assert.equal(first.statusCode, 200, url);
      const again = await cached.inject({ url, headers: { 'if-none-match': first.headers.etag as string } });
      assert.equal(again.statusCode, 304, url);
    }
    assert.equal(cached.pageCache.size, 4);
    const fresh = await insertArticle(store, { ...storyDraft('Ana late story', 'Politics'), byline: 'Ana Lima' }, { publishedAt: '2026-01-01T23:00:00.000Z' });
    assert.ok(!(await cached.inject('/archive/2026/01/01')).body.includes(fresh.headline), 'served from the cache');
    cached.pageCache.clear();
    assert.ok((await cached.inject('/archive/2026/01/01')).body.includes(fresh.headline));
  });
});
