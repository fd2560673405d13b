import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { articlePath, type Article } from '../../domain/index.ts';
import type { Store } from '../../store/index.ts';
import { registerErrorPages, sitePlugin } from '../index.ts';
import { shareCardPath } from '../shareCards/index.ts';
import { SEED_DRAFT } from '../testing/seedArticle.ts';
import { insertArticle, memoryStore, storyDraft } from '../testing/store.ts';

const SITE_URL = 'https://news.example';

let store: Store;
let app: FastifyInstance;
let seed: Article;

before(async () => {
  store = await memoryStore();
  app = Fastify({ logger: false });
  registerErrorPages(app, 'CRBC News');
  await app.register(sitePlugin, { store, config: { siteName: 'CRBC News', siteUrl: SITE_URL, pageCache: false } });
  seed = await insertArticle(store, SEED_DRAFT);
});

after(async () => {
  await app?.close();
  await store?.close();
});

/** The og:image of an article's page, as a path on this site. */
async function cardPathOf(article: Pick<Article, 'section' | 'slug'>): Promise<string> {
  const page = await app.inject({ url: articlePath(article) });
  assert.equal(page.statusCode, 200);
  const image = /<meta property="og:image" content="([^"]+)"\/>/.exec(page.body)?.[1];
  assert.ok(image !== undefined && image.startsWith(`${SITE_URL}/media/cards/`), `og:image is the card: ${image}`);
  return image.slice(SITE_URL.length);
}

describe('share cards served at /media/cards', () => {
  it("the seed's page names its card; the card is a 1200×630 PNG, cached for a year, and 304 on its ETag", async () => {
    const path = await cardPathOf(seed);
    const card = await app.inject({ url: path });
    assert.equal(card.statusCode, 200);
    assert.equal(card.headers['content-type'], 'image/png');
    assert.equal(card.headers['cache-control'], 'public, max-age=31536000, immutable');
    const metadata = await sharp(card.rawPayload).metadata();
    assert.deepEqual([metadata.format, metadata.width, metadata.height], ['png', 1200, 630]);

    const etag = String(card.headers.etag);
    const revalidated = await app.inject({ url: path, headers: { 'if-none-match': etag } });
    assert.equal(revalidated.statusCode, 304);
    assert.equal(revalidated.headers.etag, etag);
    assert.equal(revalidated.body, '');
  });

  it('a card is drawn once and kept in the store: every process serves the same bytes', async () => {
    const path = await cardPathOf(seed);
    const first = await app.inject({ url: path });
    const key = /([0-9a-f]{20})\.png$/.exec(path)![1]!;
    const stored = await store.images.shareCard(seed.id, key);
    assert.ok(stored && Buffer.from(stored).equals(first.rawPayload));
    assert.ok((await app.inject({ url: path })).rawPayload.equals(first.rawPayload));
  });

  it('a changed headline gets a new address; an address no headline gave is 404', async () => {
    const article = await insertArticle(store, storyDraft('Harbour reopens after the storm', 'World'));
    const before = await cardPathOf(article);
    await store.articles.update(article.id, { ...article, headline: 'Harbour reopens after the storm, a week late' });
    const after = await cardPathOf(article);
    assert.notEqual(after, before);
    assert.equal((await app.inject({ url: after })).statusCode, 200);
    assert.equal((await app.inject({ url: before })).statusCode, 404, 'never drawn, and no longer what the article shows');
    assert.equal((await app.inject({ url: `/media/cards/${article.id}/0123456789abcdef0123.png` })).statusCode, 404);
    assert.equal((await app.inject({ url: `/media/cards/${article.id}/not-a-key.png` })).statusCode, 404);
  });

  it('a draft has no card', async () => {
    const draft = await insertArticle(store, storyDraft('Embargoed budget story', 'World'), { status: 'draft' });
    const path = shareCardPath(draft.id, { headline: draft.headline, sectionName: 'World', brand: 'CRBC News' });
    assert.equal((await app.inject({ url: path })).statusCode, 404);
  });
});
