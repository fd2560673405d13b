/** Cached pages follow stored changes at once: within a process, and across processes through Redis. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { articlePath, type Article } from '../src/domain/index.ts';
import { loadConfig } from '../src/config.ts';
import { buildServer } from '../src/server.ts';
import { localContentChanges, redisContentChanges, type Store } from '../src/store/index.ts';
import { startDemoSite, type RunningSite } from './helpers/site.ts';

let site: RunningSite;
let store: Store;
let article: Article;
before(async () => {
  site = await startDemoSite();
  store = site.store;
  const [card] = await store.articles.listPublished({ limit: 1, offset: 5 });
  article = (await store.articles.findById(card!.id))!;
});
after(() => site.close());

async function retitle(headline: string): Promise<void> {
  const { id: _id, slug: _slug, sourceKey: _sourceKey, createdAt: _createdAt, ...current } = (await store.articles.findById(article.id))!;
  await store.articles.update(article.id, { ...current, headline, contentHash: `${current.contentHash}-${headline.length}` });
}

test('a change announced in the process drops the cached page at once', async () => {
  const changes = localContentChanges();
  const config = loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
  const app = await buildServer({ config, store, logger: false, changes });
  try {
    const before = await app.inject(articlePath(article));
    await retitle('A headline changed by the newsroom');
    assert.equal((await app.inject(articlePath(article))).body, before.body, 'the cache still holds the old page');
    await changes.publish({ articleId: article.id, section: article.section, outcome: 'updated' });
    assert.match((await app.inject(articlePath(article))).body, /A headline changed by the newsroom/);
  } finally {
    await app.close();
    await changes.close();
  }
});

test('a change announced by another process reaches this one through Redis', async () => {
  const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const channel = `newsdesk-test-${randomBytes(4).toString('hex')}:changes`;
  const worker = redisContentChanges(redisUrl, channel);
  const web = redisContentChanges(redisUrl, channel);
  const config = loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
  const app = await buildServer({ config, store, logger: false, changes: web });
  try {
    await app.inject(articlePath(article));
    await retitle('A headline changed by a worker');
    // Subscribing is asynchronous: announce until the web process has heard.
    let body = '';
    for (let attempt = 0; attempt < 50 && !body.includes('changed by a worker'); attempt++) {
      await worker.publish({ articleId: article.id, section: article.section, outcome: 'updated' });
      await new Promise((resolve) => setTimeout(resolve, 20));
      body = (await app.inject(articlePath(article))).body;
    }
    assert.match(body, /A headline changed by a worker/);
  } finally {
    await app.close();
    await Promise.all([worker.close(), web.close()]);
  }
});
