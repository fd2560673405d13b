import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { parseFeed as feedsmithParse } from 'feedsmith';
import { articlePath, type Article } from '../../domain/index.ts';
import { parseFeed } from '../../ingest/feeds/index.ts';
import { enrichStoredArticle } from '../../newsroom/index.ts';
import type { Store } from '../../store/index.ts';
import { describeOnBothDialects } from '../../store/testing/targets.ts';
import { registerErrorPages, sitePlugin } from '../index.ts';
import { SEED_DRAFT } from '../testing/seedArticle.ts';
import { insertArticle, minutesAfterStart, storyDraft } from '../testing/store.ts';
import { FEED_FORMATS, type FeedContent } from './feedModel.ts';
import { checkFeedScript, feedparser, SHARED_XSD_DIR } from './testing/realClients.ts';

const SITE_URL = 'https://news.example';
/** A headline stored with markup in it, as text stored before headlines were kept plain may be. */
const HOSTILE = `<script>alert("x")</script> & "friends" ]]> done`;
/** What feeds say for it: the markup left out (readers show titles with innerHTML), the characters kept. */
const HOSTILE_AS_TEXT = `& "friends" ]]> done`;
/** Plain text with every character XML and HTML treat specially: it must reach the reader as written. */
const SPECIAL = `Q&A: is 1 < 2? "Yes" ]]> 'done'`;
const WIRE = { name: 'Wire Service', url: 'https://wire.example/story', attribution: null, licenseName: null, licenseUrl: null };

async function siteApp(store: Store, feedContent: FeedContent): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  registerErrorPages(app, 'CRBC News');
  await app.register(sitePlugin, { store, config: { siteName: 'CRBC News', siteUrl: SITE_URL, pageCache: true, feedContent } });
  return app;
}

const EXPECTED_VERSION = { rss: 'rss20', atom: 'atom10' } as const;

describeOnBothDialects('feeds out', (store) => {
  let summaryApp: FastifyInstance;
  let fullApp: FastifyInstance;
  let seed: Article;
  let hostile: Article;
  let bell: Article;
  let special: Article;
  let topic: string;
  let storyId: string;
  let scopes: { path: string; title: RegExp; includes: Article[] }[];

  before(async () => {
    for (let n = 1; n <= 3; n++) {
      await insertArticle(store(), storyDraft(`Politics story ${n}`, 'Politics'), { publishedAt: minutesAfterStart(n) });
    }
    hostile = await insertArticle(store(), { ...storyDraft(HOSTILE, 'World'), summary: HOSTILE }, { publishedAt: minutesAfterStart(10), slug: 'hostile' });
    // Control characters XML cannot carry at all, as a careless source might send them.
    special = await insertArticle(store(), { ...storyDraft(SPECIAL, 'World'), summary: SPECIAL }, { publishedAt: minutesAfterStart(12), slug: 'special' });
    bell = await insertArticle(store(), { ...storyDraft('Bell\u0007 rings', 'World'), summary: 'A\u0001 summary' }, { publishedAt: minutesAfterStart(11), slug: 'bell' });
    await insertArticle(store(), storyDraft('Unpublished draft', 'World'), { status: 'draft' });
    // Credited like a wire story, so the seed has an author page and a source page with feeds of their own.
    seed = await insertArticle(store(), { ...SEED_DRAFT, byline: 'Jane Roe', source: WIRE });
    const placement = await store().transaction((trx) => enrichStoredArticle(trx, seed));
    storyId = placement.storyId;
    topic = 'kataib-hezbollah';
    scopes = [
      { path: '', title: /^CRBC News$/, includes: [seed, hostile, bell, special] },
      { path: '/security', title: /^Security — CRBC News$/, includes: [seed] },
      { path: `/topic/${topic}`, title: /^Kataib Hezbollah — CRBC News$/, includes: [seed] },
      { path: `/story/${storyId}`, title: /— CRBC News$/, includes: [seed] },
      { path: '/author/jane-roe', title: /^Stories by Jane Roe — CRBC News$/, includes: [seed] },
      { path: '/source/wire-service', title: /^Stories from Wire Service — CRBC News$/, includes: [seed] },
    ];
    summaryApp = await siteApp(store(), 'summary');
    fullApp = await siteApp(store(), 'full');
  });
  after(async () => {
    await summaryApp?.close();
    await fullApp?.close();
  });

  it('serves RSS, Atom and JSON Feed for the site, a section, a topic, a story, an author and a source, with their content types', async () => {
    for (const scope of scopes) {
      for (const format of FEED_FORMATS) {
        const url = `${scope.path}/${format.file}`;
        const response = await summaryApp.inject(url);
        assert.equal(response.statusCode, 200, url);
        assert.equal(response.headers['content-type'], format.contentType, url);
        assert.match(response.headers['cache-control'] as string, /max-age=\d+/);
        for (const article of scope.includes) {
          assert.ok(response.body.includes(`${SITE_URL}${articlePath(article)}`), `${url} links ${articlePath(article)}`);
        }
      }
    }
  });

  it('feedparser reads every RSS and Atom feed without complaint (no bozo), with absolute links and dates', async () => {
    for (const app of [summaryApp, fullApp]) {
      for (const scope of scopes) {
        for (const format of FEED_FORMATS.filter((f) => f.format !== 'json')) {
          const url = `${scope.path}/${format.file}`;
          const response = await app.inject(url);
          const parsed = feedparser(response.body, format.contentType);
          assert.equal(parsed.bozo, false, `${url}: ${parsed.bozoException}`);
          assert.equal(parsed.version, EXPECTED_VERSION[format.format as 'rss' | 'atom'], url);
          assert.match(parsed.title ?? '', scope.title, url);
          assert.equal(parsed.link, `${SITE_URL}${scope.path || '/'}`, url);
          assert.ok(parsed.entries.length >= scope.includes.length, url);
          for (const entry of parsed.entries) {
            assert.ok(entry.title, `${url}: entry title`);
            assert.ok(entry.link?.startsWith(`${SITE_URL}/`), `${url}: absolute link ${entry.link}`);
            assert.match(entry.id ?? '', /^tag:news\.example,\d{4}-\d{2}-\d{2}:article-\d+$/, url);
            assert.ok(entry.published, `${url}: a published date feedparser understands`);
          }
          const hostileEntry = parsed.entries.find((entry) => entry.link === `${SITE_URL}${articlePath(hostile)}`);
          if (hostileEntry) assert.equal(hostileEntry.title, HOSTILE_AS_TEXT, 'markup stored in a headline does not reach the reader');
          const specialEntry = parsed.entries.find((entry) => entry.link === `${SITE_URL}${articlePath(special)}`);
          if (specialEntry) assert.equal(specialEntry.title, SPECIAL, 'a headline reaches the reader as its characters');
          if (specialEntry) assert.equal(specialEntry.titleType, 'text/plain', 'and as text');
          const bellEntry = parsed.entries.find((entry) => entry.link === `${SITE_URL}${articlePath(bell)}`);
          if (bellEntry) assert.equal(bellEntry.title, 'Bell rings', 'characters XML forbids are dropped');
        }
      }
    }
  });

  it('carries the whole article with FEED_CONTENT=full and only the summary otherwise', async () => {
    const bodyText = 'The Iraqi Ministry of Defense said the final contingent of US advisers departed';
    for (const format of FEED_FORMATS) {
      const full = (await fullApp.inject(`/security/${format.file}`)).body;
      const summary = (await summaryApp.inject(`/security/${format.file}`)).body;
      assert.ok(full.includes(bodyText), `${format.format}: full content has the body`);
      assert.ok(!summary.includes(bodyText), `${format.format}: summary feeds do not`);
      assert.ok(summary.includes('Iraq announced that US forces have completed a full withdrawal'), `${format.format}: summary`);
    }
    const rss = feedparser((await fullApp.inject('/security/rss.xml')).body, 'application/rss+xml');
    const entry = rss.entries.find((e) => e.link === `${SITE_URL}${articlePath(seed)}`)!;
    assert.match(entry.content.join(''), /<h2>Last Units Leave Al-Asad<\/h2>/);
  });

  it('sends what a headline says as escaped text, never as CDATA or markup', async () => {
    const rss = (await summaryApp.inject('/rss.xml')).body;
    const atom = (await summaryApp.inject('/atom.xml')).body;
    for (const document of [rss, atom]) {
      assert.ok(!document.includes('<![CDATA['), 'no CDATA: readers take a CDATA section for HTML');
      assert.ok(!/<script|&lt;script/.test(document), 'the stored markup is left out, not even escaped');
    }
    assert.ok(rss.includes('<title>Q&amp;A: is 1 &lt; 2? &quot;Yes&quot; ]]&gt;'), 'escaped in the title');
    assert.ok(atom.includes('<title type="text">Q&amp;A: is 1 &lt; 2?'), 'escaped in the Atom title, typed text');
    const json = JSON.parse((await summaryApp.inject('/feed.json')).body) as { items: { title: string; content_text?: string }[] };
    assert.ok(json.items.some((item) => item.title === SPECIAL && item.content_text === SPECIAL));
    assert.ok(json.items.some((item) => item.title === HOSTILE_AS_TEXT && item.content_text === HOSTILE_AS_TEXT));
  });

  it('our own feed reader and feedsmith parse what we publish', async () => {
    for (const scope of scopes) {
      for (const format of FEED_FORMATS) {
        const url = `${SITE_URL}${scope.path}/${format.file}`;
        const body = (await fullApp.inject(`${scope.path}/${format.file}`)).body;
        const ours = parseFeed(body, { url, contentType: format.contentType });
        assert.equal(ours.format, format.format, url);
        assert.deepEqual(ours.warnings, [], url);
        assert.ok(ours.items.every((item) => item.url?.startsWith(`${SITE_URL}/`) && item.publishedAt && item.title), url);
        assert.ok(ours.items.some((item) => item.url === `${SITE_URL}${articlePath(seed)}` && item.contentHtml?.includes('Al-Asad')), url);
        const theirs = feedsmithParse(body);
        assert.equal(theirs.format, format.format, url);
      }
    }
  });

  it("an author's and a source's feeds hold their stories only, credited to the author", async () => {
    for (const path of ['/author/jane-roe', '/source/wire-service']) {
      const feed = JSON.parse((await summaryApp.inject(`${path}/feed.json`)).body) as { home_page_url: string; items: { url: string; authors?: { name: string }[] }[] };
      assert.equal(feed.home_page_url, `${SITE_URL}${path}`);
      assert.deepEqual(feed.items.map((item) => [item.url, item.authors]), [[`${SITE_URL}${articlePath(seed)}`, [{ name: 'Jane Roe' }]]], path);
    }
  });

  it('JSON Feed 1.1 has its version, absolute URLs and RFC 3339 dates', async () => {
    const feed = JSON.parse((await fullApp.inject(`/story/${storyId}/feed.json`)).body);
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.home_page_url, `${SITE_URL}/story/${storyId}`);
    assert.equal(feed.feed_url, `${SITE_URL}/story/${storyId}/feed.json`);
    for (const item of feed.items) {
      assert.match(item.url, /^https:\/\/news\.example\//);
      assert.match(item.date_published, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      assert.ok(item.content_html);
    }
  });

  it('leaves drafts out, and answers unknown sections, topics, stories, authors and sources with 404', async () => {
    assert.ok(!(await summaryApp.inject('/rss.xml')).body.includes('Unpublished draft'));
    const unknown = ['/no-such-section/rss.xml', '/topic/no-such-topic/atom.xml', '/story/no-such-story/feed.json', '/Not%20A%20Slug/rss.xml'];
    unknown.push('/author/no-such-author/rss.xml', '/source/no-such-source/feed.json', '/author/Not%20A%20Slug/atom.xml');
    for (const url of unknown) {
      assert.equal((await summaryApp.inject(url)).statusCode, 404, url);
    }
  });

  it('a merged story\'s feeds lead to its survivor\'s', async () => {
    const index = store().stories.index({ headline: () => 'Old' });
    const live = (await index.story(storyId))!;
    await index.saveStory({ ...live, id: 'story-merged-away', opened: live.opened + 1000, members: [] });
    await index.retireStory('story-merged-away', storyId);
    for (const format of FEED_FORMATS) {
      const moved = await summaryApp.inject(`/story/story-merged-away/${format.file}`);
      assert.equal(moved.statusCode, 301);
      assert.equal(moved.headers.location, `/story/${storyId}/${format.file}`);
    }
  });

  it('answers a repeat poll with 304 when the ETag matches, from the cache or not', async () => {
    const first = await summaryApp.inject('/atom.xml');
    const etag = first.headers.etag as string;
    const again = await summaryApp.inject({ url: '/atom.xml', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    // Another process (an app with a cold cache) builds the same bytes, so the same ETag.
    const other = await siteApp(store(), 'summary');
    try {
      assert.equal((await other.inject('/atom.xml')).headers.etag, etag);
    } finally {
      await other.close();
    }
  });

  it('home, section, topic, story, author and source pages link their feeds for autodiscovery, and the links work', async () => {
    for (const scope of scopes) {
      const page = await summaryApp.inject(scope.path || '/');
      assert.equal(page.statusCode, 200, scope.path);
      const links = [...page.body.matchAll(/<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)"\/>/g)];
      assert.deepEqual(
        links.map((m) => [m[1], m[3]]),
        FEED_FORMATS.map((f) => [f.contentType.split(';')[0], `${SITE_URL}${scope.path}/${f.file}`]),
        scope.path,
      );
      for (const [, type, , href] of links) {
        const feed = await summaryApp.inject(href!.slice(SITE_URL.length));
        assert.equal(feed.statusCode, 200, href);
        assert.equal(feed.headers['content-type'], `${type}; charset=utf-8`, href);
      }
    }
  });

  it('pass the shared feed checker (every entry with title, link, id and published date)', async (t) => {
    if (!SHARED_XSD_DIR) return t.skip('the shared feed checker (../shared/benchmarks/xsd) is not beside this checkout');
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-feeds-'));
    try {
      for (const format of FEED_FORMATS) {
        const file = join(dir, format.file);
        writeFileSync(file, (await fullApp.inject(`/${format.file}`)).body);
        const { ok, output } = checkFeedScript(SHARED_XSD_DIR, file);
        assert.ok(ok, output);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
