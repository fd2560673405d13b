import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { insertArticle, minutesAfterStart, storyDraft } from '../site/testing/store.ts';
import { saveEmptyStory, storeListedArticle, storyIndex, type ListedArticle } from '../site/syndication/testing/listedArticles.ts';
import type { SitemapListingKind } from './index.ts';
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
    const pages = (await store().sitemaps.pages(2)).article;
    assert.deepEqual(pages, [
      { page: 1, urlCount: 2, lastModified: minutesAfterStart(50) },
      { page: 2, urlCount: 2, lastModified: minutesAfterStart(40) },
      { page: 3, urlCount: 1, lastModified: minutesAfterStart(30) },
    ]);
    assert.deepEqual((await store().sitemaps.pages(50_000)).article, [{ page: 1, urlCount: 5, lastModified: minutesAfterStart(50) }]);
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

describeOnBothDialects('sitemap reads of list pages', (store) => {
  const JAN_5 = '2026-01-05T10:00:00.000Z';
  const JAN_5_NOON = '2026-01-05T12:00:00.000Z';
  const JAN_19 = '2026-01-19T00:00:00.000Z';
  const JAN_20 = '2026-01-20T00:00:00.000Z';
  const FEB_1 = '2026-02-01T09:00:00.000Z';
  const FEB_10 = '2026-02-10T08:00:00.000Z';

  before(async () => {
    for (const [id, opened] of [['story-pair', 1], ['story-single', 2], ['story-drafted', 3]] as const) await saveEmptyStory(store(), id, opened);
    const listed = (article: ListedArticle) => storeListedArticle(store(), article);
    await listed({ publishedAt: JAN_5, byline: 'Ana Lima', source: 'Wire One', topics: ['nato', 'iraq'], story: 'story-pair' });
    // Edited a month after it came out: every list that shows it changed then.
    await listed({ publishedAt: JAN_5_NOON, updatedAt: FEB_10, byline: 'Ben Okri', topics: ['nato'], story: 'story-pair' });
    await listed({ publishedAt: FEB_1, byline: 'Ana Lima', source: 'Wire One', topics: ['iraq'], story: 'story-single' });
    for (let n = 0; n < 2; n++) {
      await listed({ publishedAt: JAN_5, byline: 'Cara Draft', source: 'Draft Wire', topics: ['drafted-only'], story: 'story-drafted', draft: true });
    }
    // Stamped before its publication time (an import of a source that dates ahead): its publication is the change.
    await listed({ publishedAt: JAN_20, updatedAt: JAN_19, topics: ['nato'] });
  });

  const all = (kind: SitemapListingKind) => store().sitemaps.listings(kind, 1, 100);
  const as = (pairs: [string, string][]) => pairs.map(([key, lastModified]) => ({ key, lastModified }));

  it('lists topics with published articles, each with its newest publication or edit', async () => {
    // nato and iraq both came first with the first article: the key breaks the tie.
    assert.deepEqual(await all('topic'), as([['iraq', FEB_1], ['nato', FEB_10]]));
  });

  it('lists authors and sources by slug, in the order their first articles came', async () => {
    assert.deepEqual(await all('author'), as([['ana-lima', FEB_1], ['ben-okri', FEB_10]]));
    assert.deepEqual(await all('source'), as([['wire-one', FEB_1]]));
  });

  it('lists the UTC days and months that have published articles', async () => {
    assert.deepEqual(await all('day'), as([['2026-01-05', FEB_10], ['2026-02-01', FEB_1], ['2026-01-20', JAN_20]]));
    assert.deepEqual(await all('month'), as([['2026-01', FEB_10], ['2026-02', FEB_1]]));
  });

  it('cuts every kind into sitemap pages at once, each page with its newest change', async () => {
    const pages = await store().sitemaps.pages(2);
    assert.deepEqual(pages.day, [
      { page: 1, urlCount: 2, lastModified: FEB_10 },
      { page: 2, urlCount: 1, lastModified: JAN_20 },
    ]);
    assert.deepEqual(await store().sitemaps.listings('day', 2, 2), as([['2026-01-20', JAN_20]]));
    assert.deepEqual(await store().sitemaps.listings('day', 3, 2), []);
    assert.deepEqual(pages.article.map((page) => page.urlCount), [2, 2], 'four published articles');
    assert.deepEqual(pages.topic, [{ page: 1, urlCount: 2, lastModified: FEB_10 }]);
    assert.deepEqual(pages.story, [{ page: 1, urlCount: 1, lastModified: FEB_10 }]);
    assert.deepEqual(pages.author, [{ page: 1, urlCount: 2, lastModified: FEB_10 }]);
    assert.deepEqual(pages.source, [{ page: 1, urlCount: 1, lastModified: FEB_1 }]);
    assert.deepEqual(pages.month, [{ page: 1, urlCount: 2, lastModified: FEB_10 }]);
  });

  it('refuses page sizes and numbers that are not whole and positive', async () => {
    await assert.rejects(store().sitemaps.pages(0), /pageSize/);
    await assert.rejects(store().sitemaps.listings('topic', 0, 10), /page/);
    await assert.rejects(store().sitemaps.listings('topic', 1, 2.5), /pageSize/);
  });

  // Last: it adds an article and merges a story.
  it('lists stories with two or more published articles, not single ones, drafts or merged ones', async () => {
    assert.deepEqual(await all('story'), as([['story-pair', FEB_10]]));
    await storeListedArticle(store(), { publishedAt: FEB_1, story: 'story-single' });
    assert.deepEqual(await all('story'), as([['story-pair', FEB_10], ['story-single', FEB_1]]));
    await storyIndex(store()).retireStory('story-single', 'story-pair');
    assert.deepEqual(await all('story'), as([['story-pair', FEB_10]]), 'the merged story is gone, its articles moved');
  });
});

describeOnBothDialects('sitemap reads of an empty site', (store) => {
  it('have no pages and no listings', async () => {
    const kinds = ['topic', 'story', 'author', 'source', 'day', 'month'] as const;
    assert.deepEqual(await store().sitemaps.pages(10), { article: [], ...Object.fromEntries(kinds.map((kind) => [kind, []])) });
    for (const kind of kinds) assert.deepEqual(await store().sitemaps.listings(kind, 1, 10), [], kind);
  });
});
