import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { describeOnBothDialects } from '../../store/testing/targets.ts';
import { registerErrorPages, sitePlugin } from '../index.ts';
import { SCHEMAS, SHARED_XSD_DIR, xmllint } from './testing/realClients.ts';
import { SITE_URL, sitemapApp } from './testing/sitemapApp.ts';
import { saveEmptyStory, storeListedArticle, type ListedArticle } from './testing/listedArticles.ts';

const JAN_5 = '2026-01-05T10:00:00.000Z';
const JAN_5_NOON = '2026-01-05T12:00:00.000Z';
const FEB_1 = '2026-02-01T09:00:00.000Z';
const FEB_2 = '2026-02-02T09:00:00.000Z';
const FEB_10 = '2026-02-10T08:00:00.000Z';

const LISTING_SITEMAPS = ['topics-1', 'stories-1', 'authors-1', 'authors-2', 'sources-1', 'archive-days-1', 'archive-months-1'];

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
const lastmodOf = (xml: string, loc: string) => new RegExp(`<loc>${loc}</loc><lastmod>([^<]+)</lastmod>`).exec(xml)?.[1];
const w3c = (iso: string) => iso.replace('.000Z', 'Z');

function assertValid(schema: string, xml: string, what: string): void {
  const { valid, output } = xmllint(schema, xml);
  assert.ok(valid, `${what} fails ${schema}:\n${output}`);
}

describeOnBothDialects('list pages in the sitemaps', (store) => {
  let sitemaps: FastifyInstance;
  let site: FastifyInstance;

  before(async () => {
    for (const [id, opened] of [['story-pair', 1], ['story-single', 2], ['story-drafted', 3]] as const) await saveEmptyStory(store(), id, opened);
    const listed = (article: ListedArticle) => storeListedArticle(store(), article);
    await listed({ publishedAt: JAN_5, byline: 'Ana Lima', source: 'Wire One', topics: ['nato', 'iraq'], story: 'story-pair' });
    await listed({ publishedAt: JAN_5_NOON, updatedAt: FEB_10, byline: 'Ben Okri', topics: ['nato'], story: 'story-pair' });
    await listed({ publishedAt: FEB_1, byline: 'Cara Diaz', source: 'Wire Two' });
    await listed({ publishedAt: FEB_2, byline: 'Dan Ek', topics: ['ukraine'], story: 'story-single' });
    for (let n = 0; n < 2; n++) {
      await listed({ publishedAt: FEB_2, byline: 'Eve Draft', source: 'Draft Wire', topics: ['drafted-only'], story: 'story-drafted', draft: true });
    }
    sitemaps = await sitemapApp(store(), new Date('2026-03-10T12:00:00.000Z'));
    site = Fastify({ logger: false });
    registerErrorPages(site, 'CRBC News');
    await site.register(sitePlugin, { store: store(), config: { siteName: 'CRBC News', siteUrl: SITE_URL, pageCache: true } });
  });
  after(async () => {
    await sitemaps?.close();
    await site?.close();
  });

  it('the index lists each kind of list page in its own numbered sitemaps, each with lastmod', async () => {
    const index = (await sitemaps.inject('/sitemap.xml')).body;
    assertValid(SCHEMAS.index, index, '/sitemap.xml');
    const listingLocs = locs(index).filter((loc) => !/\/(pages|news|articles-\d+)\.xml$/.test(loc));
    assert.deepEqual(listingLocs, LISTING_SITEMAPS.map((name) => `${SITE_URL}/sitemaps/${name}.xml`));
    // Page 1 of the authors holds Ben Okri, whose story was edited on 10 February; page 2 Dan Ek alone.
    assert.equal(lastmodOf(index, `${SITE_URL}/sitemaps/authors-1.xml`), w3c(FEB_10));
    assert.equal(lastmodOf(index, `${SITE_URL}/sitemaps/authors-2.xml`), w3c(FEB_2));
  });

  it('list each page with content once, at its address, with its newest change, and no page of drafts alone', async () => {
    const expected: Record<string, string[]> = {
      // nato and iraq came with the same first article: the slug breaks the tie.
      'topics-1': ['/topic/iraq', '/topic/nato', '/topic/ukraine'],
      // story-single has one article: its page is the article's again, and the site never links it.
      'stories-1': ['/story/story-pair'],
      'authors-1': ['/author/ana-lima', '/author/ben-okri', '/author/cara-diaz'],
      'authors-2': ['/author/dan-ek'],
      'sources-1': ['/source/wire-one', '/source/wire-two'],
      'archive-days-1': ['/archive/2026/01/05', '/archive/2026/02/01', '/archive/2026/02/02'],
      'archive-months-1': ['/archive/2026/01', '/archive/2026/02'],
    };
    for (const [name, paths] of Object.entries(expected)) {
      const response = await sitemaps.inject(`/sitemaps/${name}.xml`);
      assert.equal(response.statusCode, 200, name);
      assertValid(SCHEMAS.urlset, response.body, name);
      assert.deepEqual(locs(response.body), paths.map((path) => `${SITE_URL}${path}`), name);
      assert.equal(response.body.match(/<lastmod>/g)?.length, paths.length, `${name}: a lastmod for every URL`);
    }
    const topics = (await sitemaps.inject('/sitemaps/topics-1.xml')).body;
    assert.equal(lastmodOf(topics, `${SITE_URL}/topic/nato`), w3c(FEB_10), 'the edit of a later article');
    assert.equal(lastmodOf(topics, `${SITE_URL}/topic/iraq`), w3c(JAN_5));
    const months = (await sitemaps.inject('/sitemaps/archive-months-1.xml')).body;
    assert.equal(lastmodOf(months, `${SITE_URL}/archive/2026/01`), w3c(FEB_10));
  });

  it('every listed page opens on the site, and the pages of drafts alone, which are not listed, do not', async () => {
    const index = (await site.inject('/sitemap.xml')).body;
    const listingSitemaps = locs(index).filter((loc) => /\/(topics|stories|authors|sources|archive-days|archive-months)-\d+\.xml$/.test(loc));
    assert.equal(listingSitemaps.length, 6, 'the whole site keeps each kind in one sitemap (50,000 to a page)');
    for (const sitemap of listingSitemaps) {
      for (const loc of locs((await site.inject(sitemap.slice(SITE_URL.length))).body)) {
        assert.equal((await site.inject(loc.slice(SITE_URL.length))).statusCode, 200, loc);
      }
    }
    for (const path of ['/author/eve-draft', '/source/draft-wire', '/topic/drafted-only', '/story/story-drafted']) {
      assert.equal((await site.inject(path)).statusCode, 404, path);
    }
  });

  it('answers sitemaps past the last page, or of no such kind, with 404', async () => {
    for (const name of ['topics-2', 'authors-3', 'archive-days-0', 'authors-01', 'people-1', 'archive-1', 'topics-x']) {
      assert.equal((await sitemaps.inject(`/sitemaps/${name}.xml`)).statusCode, 404, name);
    }
  });

  it('validate against the upstream sitemaps.org schema too', async (t) => {
    if (!SHARED_XSD_DIR) return t.skip('the upstream schema copies (../shared/benchmarks/xsd) are not beside this checkout');
    assertValid(`${SHARED_XSD_DIR}siteindex.xsd`, (await sitemaps.inject('/sitemap.xml')).body, '/sitemap.xml');
    for (const name of LISTING_SITEMAPS) {
      assertValid(`${SHARED_XSD_DIR}sitemap.xsd`, (await sitemaps.inject(`/sitemaps/${name}.xml`)).body, name);
    }
  });
});
