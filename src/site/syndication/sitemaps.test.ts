import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { articlePath, type Article } from '../../domain/index.ts';
import { describeOnBothDialects } from '../../store/testing/targets.ts';
import type { Store } from '../../store/index.ts';
import { registerErrorPages, sitePlugin } from '../index.ts';
import { insertArticle, memoryStore, storyDraft } from '../testing/store.ts';
import { newsSitemapXml, urlsetXml } from './sitemapXml.ts';
import { escapeXml } from './xmlText.ts';
import { SCHEMAS, SHARED_XSD_DIR, xmllint } from './testing/realClients.ts';
import { PAGE_SIZE, SITE_URL, sitemapApp } from './testing/sitemapApp.ts';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const hoursBefore = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();

function assertValid(schema: string, xml: string, what: string): void {
  const { valid, output } = xmllint(schema, xml);
  assert.ok(valid, `${what} fails ${schema}:\n${output}`);
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

describeOnBothDialects('sitemaps', (store) => {
  let app: FastifyInstance;
  const articles: Article[] = [];
  before(async () => {
    // Seven articles: three inside the news window (one with a hostile headline), four older; one draft.
    const ages = [200, 100, 72, 49, 47, 3, 1];
    for (const [n, age] of ages.entries()) {
      const headline = n === 5 ? `Tom & Jerry's <b>"cartoon"</b> story` : `Sitemap story ${n + 1}`;
      articles.push(await insertArticle(store(), storyDraft(headline, n % 2 ? 'Politics' : 'Science'), { publishedAt: hoursBefore(age) }));
    }
    await insertArticle(store(), storyDraft('Draft in the window', 'Politics'), { status: 'draft', publishedAt: hoursBefore(2) });
    app = await sitemapApp(store(), NOW);
  });
  after(() => app?.close());

  it('robots.txt points at the sitemap index', async () => {
    const response = await app.inject('/robots.txt');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'text/plain; charset=utf-8');
    assert.match(response.body, /^User-agent: \*$/m);
    assert.match(response.body, new RegExp(`^Sitemap: ${SITE_URL}/sitemap.xml$`, 'm'));
  });

  it('the index lists the pages sitemap, the news sitemap and one sitemap per page of articles and of days, each with lastmod', async () => {
    const response = await app.inject('/sitemap.xml');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/xml; charset=utf-8');
    assertValid(SCHEMAS.index, response.body, '/sitemap.xml');
    // No bylines, sources, topics or stories here: only the archive has list pages (five days, one month).
    assert.deepEqual(locs(response.body), [
      `${SITE_URL}/sitemaps/pages.xml`,
      `${SITE_URL}/sitemaps/news.xml`,
      `${SITE_URL}/sitemaps/articles-1.xml`,
      `${SITE_URL}/sitemaps/articles-2.xml`,
      `${SITE_URL}/sitemaps/articles-3.xml`,
      `${SITE_URL}/sitemaps/archive-days-1.xml`,
      `${SITE_URL}/sitemaps/archive-days-2.xml`,
      `${SITE_URL}/sitemaps/archive-months-1.xml`,
    ]);
    assert.equal(response.body.match(/<lastmod>/g)?.length, 8);
    // Page 3 holds the seventh article alone: its lastmod is that article's time, without milliseconds.
    assert.ok(response.body.includes(`<loc>${SITE_URL}/sitemaps/articles-3.xml</loc><lastmod>${hoursBefore(1).replace('.000Z', 'Z')}</lastmod>`));
  });

  it('article sitemaps list every published article once, in pages, with lastmod', async () => {
    const listed: string[] = [];
    for (const page of [1, 2, 3]) {
      const response = await app.inject(`/sitemaps/articles-${page}.xml`);
      assert.equal(response.statusCode, 200, `page ${page}`);
      assertValid(SCHEMAS.urlset, response.body, `articles-${page}.xml`);
      assert.ok(locs(response.body).length <= PAGE_SIZE);
      assert.equal(response.body.match(/<lastmod>/g)?.length, locs(response.body).length);
      listed.push(...locs(response.body));
    }
    assert.deepEqual(listed, articles.map((article) => `${SITE_URL}${articlePath(article)}`));
    for (const missing of ['articles-4.xml', 'articles-0.xml', 'articles-01.xml', 'articles-x.xml', 'other.xml']) {
      assert.equal((await app.inject(`/sitemaps/${missing}`)).statusCode, 404, missing);
    }
  });

  it('the pages sitemap lists home and every section with stories', async () => {
    const response = await app.inject('/sitemaps/pages.xml');
    assertValid(SCHEMAS.urlset, response.body, 'pages.xml');
    assert.deepEqual(locs(response.body).sort(), [`${SITE_URL}/`, `${SITE_URL}/politics`, `${SITE_URL}/science`]);
  });

  it('the news sitemap lists the last 48 hours only, newest first, with titles escaped', async () => {
    const response = await app.inject('/sitemaps/news.xml');
    assert.equal(response.statusCode, 200);
    assertValid(SCHEMAS.news, response.body, 'news.xml');
    assert.deepEqual(locs(response.body), [6, 5, 4].map((n) => `${SITE_URL}${articlePath(articles[n]!)}`));
    assert.ok(response.body.includes('<news:title>Tom &amp; Jerry&apos;s &lt;b&gt;&quot;cartoon&quot;&lt;/b&gt; story</news:title>'));
    assert.ok(response.body.includes('<news:publication><news:name>CRBC News</news:name><news:language>en</news:language></news:publication>'));
    assert.ok(!response.body.includes('Draft in the window'));
  });

  it('answers a repeat request with 304 when the ETag matches', async () => {
    const first = await app.inject('/sitemap.xml');
    const etag = first.headers.etag as string;
    assert.match(etag, /^"[^"]+"$/);
    const again = await app.inject({ url: '/sitemap.xml', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
  });

  it('validates against the upstream sitemaps.org and Google News schemas too', async (t) => {
    if (!SHARED_XSD_DIR) return t.skip('the upstream schema copies (../shared/benchmarks/xsd) are not beside this checkout');
    const checks: [string, string][] = [
      ['siteindex.xsd', '/sitemap.xml'],
      ['sitemap.xsd', '/sitemaps/pages.xml'],
      ['sitemap.xsd', '/sitemaps/articles-1.xml'],
      ['news-urlset.xsd', '/sitemaps/news.xml'],
    ];
    for (const [schema, path] of checks) assertValid(`${SHARED_XSD_DIR}${schema}`, (await app.inject(path)).body, path);
  });
});

describe('sitemaps with nothing recent', () => {
  let store: Store;
  let app: FastifyInstance;
  before(async () => {
    store = await memoryStore();
    await insertArticle(store, storyDraft('An old story', 'World'), { publishedAt: hoursBefore(500) });
    app = await sitemapApp(store, NOW);
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('leaves the news sitemap out of the index (a urlset may not be empty) and answers it with 404', async () => {
    const index = await app.inject('/sitemap.xml');
    assertValid(SCHEMAS.index, index.body, '/sitemap.xml');
    assert.ok(!index.body.includes('news.xml'));
    assert.equal((await app.inject('/sitemaps/news.xml')).statusCode, 404);
  });
});

describe('the site serves robots.txt and sitemaps', () => {
  it('at the root, beside the pages', async () => {
    const store = await memoryStore();
    const app = Fastify({ logger: false });
    registerErrorPages(app, 'CRBC News');
    await app.register(sitePlugin, { store, config: { siteName: 'CRBC News', siteUrl: SITE_URL, pageCache: true } });
    try {
      const article = await insertArticle(store, storyDraft('A served story', 'World'));
      assert.equal((await app.inject('/robots.txt')).statusCode, 200);
      const page = await app.inject('/sitemaps/articles-1.xml');
      assert.deepEqual(locs(page.body), [`${SITE_URL}${articlePath(article)}`]);
      assertValid(SCHEMAS.index, (await app.inject('/sitemap.xml')).body, '/sitemap.xml');
    } finally {
      await app.close();
      await store.close();
    }
  });
});

describe('our schemas', () => {
  it('reject what the protocols forbid', () => {
    const url = (loc: string) => urlsetXml([{ loc, lastmod: '2026-01-01T00:00:00.000Z' }]);
    assert.ok(xmllint(SCHEMAS.urlset, url(`${SITE_URL}/a`)).valid);
    assert.ok(!xmllint(SCHEMAS.urlset, url('/relative/path')).valid, 'a relative loc');
    assert.ok(!xmllint(SCHEMAS.urlset, urlsetXml([])).valid, 'an empty urlset');
    assert.ok(!xmllint(SCHEMAS.urlset, urlsetXml([{ loc: `${SITE_URL}/a` }, { loc: `${SITE_URL}/a` }])).valid, 'a URL twice');
    const news = (language: string) =>
      newsSitemapXml({ name: 'CRBC News', language }, [{ loc: `${SITE_URL}/a`, title: 'T', publishedAt: NOW.toISOString() }]);
    assert.ok(xmllint(SCHEMAS.news, news('en')).valid);
    assert.ok(!xmllint(SCHEMAS.news, news('en-GB')).valid, 'a language Google does not take');
    assert.ok(!xmllint(SCHEMAS.news, url(`${SITE_URL}/a`)).valid, 'a url without news:news');
  });

  it('agree with the upstream examples: their valid files pass, their invalid ones fail', (t) => {
    if (!SHARED_XSD_DIR) return t.skip('the upstream examples (../shared/benchmarks/xsd) are not beside this checkout');
    for (const [schema, example] of [
      [SCHEMAS.urlset, 'sitemap'],
      [SCHEMAS.index, 'siteindex'],
      [SCHEMAS.news, 'news'],
    ] as const) {
      const read = (kind: string) => readFileSync(`${SHARED_XSD_DIR}examples/${example}-${kind}.xml`, 'utf8');
      assert.ok(xmllint(schema, read('valid')).valid, `${example}-valid.xml`);
      assert.ok(!xmllint(schema, read('invalid')).valid, `${example}-invalid.xml`);
    }
  });

  it('escapeXml leaves no markup and no characters XML forbids', () => {
    assert.equal(escapeXml(`a<b>&"c"'\u0001\u0008`), 'a&lt;b&gt;&amp;&quot;c&quot;&apos;');
  });
});
