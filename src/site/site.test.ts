import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { articlePath, type Article } from '../domain/index.ts';
import { enrichArticle } from '../enrich/enrichArticle.ts';
import type { Store } from '../store/index.ts';
import { STYLESHEET_HREF } from './assets/stylesheet.ts';
import { registerErrorPages, sitePlugin } from './index.ts';
import { anatomyCheckerAvailable, checkAnatomy } from './testing/articles.ts';
import { SEED_DRAFT } from './testing/seedArticle.ts';
import { insertArticle, memoryStore, minutesAfterStart, storyDraft } from './testing/store.ts';

const SITE_URL = 'https://news.example';
const POLITICS_STORIES = 25;

async function siteApp(store: Store, pageCache: boolean): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  registerErrorPages(app, 'CRBC News');
  await app.register(sitePlugin, { store, config: { siteName: 'CRBC News', siteUrl: SITE_URL, pageCache } });
  return app;
}

let store: Store;
let cached: FastifyInstance;
let uncached: FastifyInstance;
let seed: Article;
let olderSecurity: Article;
let draft: Article;
let hostile: Article;

before(async () => {
  store = await memoryStore();
  for (let n = 1; n <= POLITICS_STORIES; n++) {
    await insertArticle(store, storyDraft(`Politics story ${n}`, 'Politics'), { publishedAt: minutesAfterStart(n) });
  }
  olderSecurity = await insertArticle(store, storyDraft('Older security story', 'Security'), { publishedAt: minutesAfterStart(100) });
  hostile = await insertArticle(store, storyDraft('<script>alert("x")</script> & friends', 'World'), {
    publishedAt: minutesAfterStart(200),
    slug: 'hostile-headline',
  });
  draft = await insertArticle(store, storyDraft('Unpublished security draft', 'Security'), { status: 'draft' });
  seed = await insertArticle(store, SEED_DRAFT); // the newest: 2026-01-18
  // The seed's stored related list as enrichment would leave it: one story, and a draft the page must not show.
  await store.enrichments.save({ ...enrichArticle(SEED_DRAFT), articleId: seed.id });
  await store.stories.setRelated(seed.id, [
    { id: olderSecurity.id, score: 0.3 },
    { id: draft.id, score: 0.25 },
  ]);
  cached = await siteApp(store, true);
  uncached = await siteApp(store, false);
});

after(async () => {
  await cached?.close();
  await uncached?.close();
  await store?.close();
});

describe('article page', () => {
  it('serves the seed with the full anatomy', async () => {
    const response = await uncached.inject(articlePath(seed));
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
    assert.ok(anatomyCheckerAvailable, 'the shared anatomy checker is beside the project');
    const { ok, report } = checkAnatomy(response.body);
    assert.ok(ok, report);
    assert.match(report, /anatomy 14\/14/);
    assert.match(response.body, new RegExp(`<link rel="canonical" href="${SITE_URL}${articlePath(seed)}"/>`));
    assert.ok(response.body.includes(`<link rel="stylesheet" href="${STYLESHEET_HREF}"/>`));
  });

  it('lists its stored related stories only, and trending ones from the site, never itself or a draft', async () => {
    const html = (await uncached.inject(articlePath(seed))).body;
    const related = html.slice(html.indexOf('id="related-heading"'), html.indexOf('id="trending-heading"'));
    const trending = html.slice(html.indexOf('id="trending-heading"'));
    const links = (list: string) => [...list.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    // What passed the related rule and nothing else: no top-up with the section's or the site's newest.
    assert.deepEqual(links(related), [articlePath(olderSecurity)]);
    assert.ok(trending.includes(`href="${articlePath(hostile)}"`));
    for (const list of [related, trending]) {
      assert.ok(!list.includes(`href="${articlePath(seed)}"`), 'not itself');
      assert.ok(!list.includes(`href="${articlePath(draft)}"`), 'no drafts');
    }
    assert.equal(trending.match(/<li>/g)?.length, 5);
  });

  it('leaves Related Articles out, heading and all, when nothing is related; Trending stays', async () => {
    const html = (await uncached.inject(articlePath(hostile))).body;
    assert.ok(!html.includes('Related Articles'), 'no empty Related heading');
    assert.ok(!html.includes('related-heading'), 'no region labelled by a missing heading');
    assert.match(html, /<h2 id="trending-heading">Trending<\/h2>/);
  });

  it('escapes a hostile headline instead of running it', async () => {
    const response = await uncached.inject(articlePath(hostile));
    assert.equal(response.statusCode, 200);
    // Script elements are the structured-data blocks (the headline escaped inside them too) and our own files
    // from /assets/; the headline adds none.
    const scripts = response.body.match(/<script[^>]*>/gi) ?? [];
    for (const tag of scripts) assert.match(tag, /^<script (type="application\/ld\+json"|src="\/assets\/[a-z]+\.js[^"]*")/, tag);
    assert.match(response.body, /"headline":"\\u003cscript>alert\(\\"x\\"\)\\u003c\/script> & friends"/);
    assert.match(response.body, /<h1 class="headline">&lt;script>alert\(&quot;x&quot;\)&lt;\/script> &amp; friends<\/h1>/);
    assert.match(response.body, /<title>&lt;script>alert\(&quot;x&quot;\)&lt;\/script> &amp; friends — CRBC News<\/title>/);
  });

  it('is 404 for drafts, unknown slugs and unknown sections', async () => {
    for (const path of [articlePath(draft), '/security/no-such-story', '/no-such-section/no-such-story', '/security/Bad_Slug']) {
      const response = await cached.inject(path);
      assert.equal(response.statusCode, 404, path);
      assert.match(response.body, /<h1>Page not found<\/h1>/);
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.equal(response.headers.etag, undefined);
    }
  });
});

describe('home', () => {
  it('leads with the newest story and links every section front', async () => {
    const response = await uncached.inject('/');
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assert.match(html, /<article class="lead-story">.*<h2 class="lead-headline"><a href="\/security\/iraq-says/);
    for (const section of ['politics', 'security', 'world']) {
      assert.ok(html.includes(`<h2 class="section-heading" id="block-${section}"><a href="/${section}">`), section);
    }
    assert.ok(html.includes(`href="${articlePath(olderSecurity)}"`));
    assert.ok(!html.includes(articlePath(draft)));
    assert.match(html, /<nav class="site-nav" aria-label="Sections">/);
    assert.equal(html.match(/<h1/g)?.length, 1);
  });
});

describe('section front', () => {
  it('paginates 20 a page with rel next/prev in head and a visible nav', async () => {
    const first = (await uncached.inject('/politics')).body;
    assert.equal(first.match(/<h2 class="card-headline">/g)?.length, 20);
    assert.match(first, /<link rel="next" href="\/politics\?page=2"\/>/);
    assert.doesNotMatch(first, /<link rel="prev"/);
    assert.ok(first.includes('Politics story 25'), 'newest first');

    const second = await uncached.inject('/politics?page=2');
    assert.equal(second.statusCode, 200);
    assert.equal(second.body.match(/<h2 class="card-headline">/g)?.length, POLITICS_STORIES - 20);
    assert.match(second.body, /<link rel="prev" href="\/politics"\/>/);
    assert.doesNotMatch(second.body, /<link rel="next"/);
    assert.match(second.body, /<a href="\/politics" rel="prev">/);
    assert.ok(second.body.includes('Politics story 1<'));
  });

  it('is 404 past the last page and for unknown sections, 400 for a page that is not a number', async () => {
    assert.equal((await cached.inject('/politics?page=3')).statusCode, 404);
    assert.equal((await cached.inject('/no-such-section')).statusCode, 404);
    assert.equal((await cached.inject('/robots.php')).statusCode, 404);
    for (const bad of ['abc', '0', '-1', '1.5']) {
      const response = await cached.inject(`/politics?page=${bad}`);
      assert.equal(response.statusCode, 400, bad);
      assert.match(response.body, /<!doctype html>/);
    }
  });

  it('never lists drafts', async () => {
    const html = (await uncached.inject('/security')).body;
    assert.ok(!html.includes('Unpublished security draft'));
    assert.match(html, /2 stories/);
  });
});

describe('caching', () => {
  it('serves the same bytes with the cache on and off', async () => {
    for (const path of ['/', '/politics', '/politics?page=2', articlePath(seed)]) {
      const off = await uncached.inject(path);
      const firstOn = await cached.inject(path);
      const secondOn = await cached.inject(path); // from the cache
      assert.equal(firstOn.body, off.body, path);
      assert.equal(secondOn.body, off.body, path);
      assert.equal(secondOn.headers.etag, off.headers.etag);
      assert.match(String(secondOn.headers['cache-control']), /^public, max-age=60, s-maxage=\d+, stale-while-revalidate=\d+/);
      assert.equal(secondOn.headers['content-type'], 'text/html; charset=utf-8');
    }
  });

  it('weighs at most 30 KB gzipped, page and stylesheet together, images aside', async () => {
    const { gzipSync } = await import('node:zlib');
    const page = await uncached.inject(articlePath(seed));
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(stylesheet, 'the page links its stylesheet');
    const css = await uncached.inject(stylesheet);
    assert.equal(css.statusCode, 200);
    const weight = gzipSync(page.rawPayload).length + gzipSync(css.rawPayload).length;
    assert.ok(weight <= 30 * 1024, `${weight} bytes gzipped`);
  });

  it('sends the feedback thank-you variant for no shared cache to keep', async () => {
    const thanks = await cached.inject(`${articlePath(seed)}?feedback=thanks`);
    assert.equal(thanks.statusCode, 200);
    assert.equal(thanks.headers['cache-control'], 'private, no-store');
    assert.match(String((await cached.inject(articlePath(seed))).headers['cache-control']), /^public/);
  });

  it('serves the tab icon and the publisher logo; /favicon.ico leads to the icon', async () => {
    const favicon = await uncached.inject('/favicon.ico');
    assert.equal(favicon.statusCode, 301);
    assert.equal(favicon.headers.location, '/media/icon.svg');
    for (const path of ['/media/icon.svg', '/media/logo.svg']) {
      const image = await uncached.inject(path);
      assert.equal(image.statusCode, 200, path);
      assert.match(String(image.headers['content-type']), /^image\/svg\+xml/);
      assert.match(image.body, /^<svg /);
    }
    assert.match((await uncached.inject('/')).body, /<link rel="icon" href="\/media\/icon.svg" type="image\/svg\+xml"\/>/);
  });

  it('answers If-Modified-Since from Last-Modified when no ETag is offered; names what a CDN purges by', async () => {
    const first = await uncached.inject(articlePath(seed));
    const lastModified = first.headers['last-modified'] as string;
    assert.equal(new Date(lastModified).getTime(), Math.floor(Date.parse(seed.updatedAt) / 1000) * 1000);
    assert.equal(first.headers['surrogate-key'], `article-${seed.id} section-${seed.section}`);
    assert.equal((await uncached.inject({ url: articlePath(seed), headers: { 'if-modified-since': lastModified } })).statusCode, 304);
    const earlier = new Date(Date.parse(seed.updatedAt) - 60_000).toUTCString();
    assert.equal((await uncached.inject({ url: articlePath(seed), headers: { 'if-modified-since': earlier } })).statusCode, 200);
    assert.equal((await uncached.inject('/')).headers['surrogate-key'], 'home');
  });

  it('compresses for clients that accept it, and the bytes decompress to the page', async () => {
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const plain = await cached.inject(articlePath(seed));
    for (const [encoding, decompress] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      for (let i = 0; i < 2; i++) {
        const response = await cached.inject({ url: articlePath(seed), headers: { 'accept-encoding': encoding } });
        assert.equal(response.headers['content-encoding'], encoding);
        assert.equal(response.headers.vary, 'accept-encoding');
        assert.equal(decompress(response.rawPayload).toString('utf8'), plain.body);
        assert.ok(response.rawPayload.length < plain.rawPayload.length / 2, `${encoding} shrinks the page`);
      }
    }
  });

  it('answers a matching If-None-Match with 304 and no body, cached or not', async () => {
    for (const app of [cached, uncached]) {
      const first = await app.inject(articlePath(seed));
      const etag = first.headers.etag as string;
      assert.match(etag, /^"[\w-]+"$/);
      const again = await app.inject({ url: articlePath(seed), headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      assert.equal(again.headers.etag, etag);
      const stale = await app.inject({ url: articlePath(seed), headers: { 'if-none-match': '"stale"' } });
      assert.equal(stale.statusCode, 200);
    }
  });

  it('keeps one entry per page whatever the tracking parameters, and forgets all on clear()', async () => {
    cached.pageCache.clear();
    await cached.inject('/politics?utm_source=a');
    await cached.inject('/politics?utm_source=b');
    assert.equal(cached.pageCache.size, 1);

    const story = await insertArticle(store, storyDraft('Fresh politics story', 'Politics'), { publishedAt: '2026-02-01T00:00:00.000Z' });
    assert.ok(!(await cached.inject('/politics')).body.includes('Fresh politics story'), 'cached page until TTL');
    cached.pageCache.clear();
    assert.ok((await cached.inject('/politics')).body.includes('Fresh politics story'));
    assert.equal((await cached.inject(articlePath(story))).statusCode, 200);
  });

  it('answers HEAD like GET, without a body', async () => {
    const response = await cached.inject({ method: 'HEAD', url: articlePath(seed) });
    assert.equal(response.statusCode, 200);
    assert.equal(response.body, '');
  });
});

describe('assets', () => {
  it('serves the versioned stylesheet as immutable', async () => {
    const response = await cached.inject(STYLESHEET_HREF);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'text/css; charset=utf-8');
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(response.body, /font-family|font:/);
    const revalidated = await cached.inject({ url: STYLESHEET_HREF, headers: { 'if-none-match': response.headers.etag as string } });
    assert.equal(revalidated.statusCode, 304);
    assert.equal((await cached.inject('/assets/site.css')).headers['cache-control'], 'public, max-age=300');
  });

  it('draws a cacheable placeholder for known-shaped names only', async () => {
    const response = await cached.inject('/media/placeholder/security.svg');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'image/svg+xml; charset=utf-8');
    assert.match(response.headers['cache-control'] as string, /^public, max-age=\d+/);
    assert.match(response.body, /role="img"/);
    assert.equal((await cached.inject('/media/placeholder/Not_A_Slug.svg')).statusCode, 404);
  });
});
