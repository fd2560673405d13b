import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { insertArticle, minutesAfterStart, storyDraft } from '../site/testing/store.ts';
import { describeOnBothDialects } from './testing/targets.ts';

describeOnBothDialects('sitemap reads', (store) => {
  const paths: string[] = [];
  before(async () => {
    // Inserted out of time order: pages follow ids, not publication times.
    for (const [n, minutes] of [[1, 50], [2, 10], [3, 40], [4, 20], [5, 30]] as const) {
      const article = await insertArticle(store(), storyDraft(`Sitemap story ${n}`, n % 2 ? 'Politics' : 'Science'), {
        publishedAt: minutesAfterStart(minutes),
      });
      paths.push(`/${article.section}/${article.slug}`);
    }
    await insertArticle(store(), storyDraft('Sitemap draft', 'Politics'), { status: 'draft' });
  });

  it('cuts published articles into pages in id order, each with its newest edit', async () => {
    const pages = await store().sitemaps.pages(2);
    assert.deepEqual(pages, [
      { page: 1, urlCount: 2, lastModified: minutesAfterStart(50) },
      { page: 2, urlCount: 2, lastModified: minutesAfterStart(40) },
      { page: 3, urlCount: 1, lastModified: minutesAfterStart(30) },
    ]);
    assert.deepEqual(await store().sitemaps.pages(50_000), [{ page: 1, urlCount: 5, lastModified: minutesAfterStart(50) }]);
  });

  it('lists a page of articles, drafts never', async () => {
    const page2 = await store().sitemaps.articles(2, 2);
    assert.deepEqual(page2.map((a) => `/${a.section}/${a.slug}`), paths.slice(2, 4));
    assert.deepEqual(page2.map((a) => a.updatedAt), [minutesAfterStart(40), minutesAfterStart(20)]);
    const all = await store().sitemaps.articles(1, 100);
    assert.equal(all.length, 5);
    assert.ok(!all.some((a) => a.slug.includes('draft')));
    assert.deepEqual(await store().sitemaps.articles(4, 2), []);
  });

  it('refuses page sizes and numbers that are not whole and positive', async () => {
    await assert.rejects(store().sitemaps.pages(0), /pageSize/);
    await assert.rejects(store().sitemaps.articles(0, 10), /page/);
    await assert.rejects(store().sitemaps.articles(1, 1.5), /pageSize/);
  });
});
