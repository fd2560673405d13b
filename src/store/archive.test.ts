import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError, type ArticleSource } from '../domain/index.ts';
import type { NewArticle, Store } from './index.ts';
import { describeOnBothDialects } from './testing/targets.ts';

let serial = 0;
/** A published article at `publishedAt`; each call gets its own slug and source key. */
function article(publishedAt: string, overrides: Partial<NewArticle> = {}): NewArticle {
  serial += 1;
  return {
    slug: `archive-story-${serial}`,
    section: 'world',
    sourceKey: `https://example.org/archive/${serial}`,
    contentHash: `hash-${serial}`,
    headline: `Archive story ${serial}`,
    dek: null, summary: null, lede: null, body: [], hero: null, byline: null, source: null,
    provenance: null,
    status: 'published',
    publishedAt, createdAt: publishedAt, updatedAt: publishedAt,
    ...overrides,
  };
}

function source(name: string): ArticleSource {
  return { name, url: null, attribution: null, licenseName: null, licenseUrl: null };
}

const PAGE = { limit: 10, offset: 0 };

describeOnBothDialects('archive reads', (store: () => Store) => {
  test('an author page finds every spelling of a byline that makes its slug, newest first, published only', async () => {
    const insert = (at: string, byline: string | null, extra: Partial<NewArticle> = {}) =>
      store().articles.insert(article(at, { byline, ...extra }));
    const oldest = await insert('2024-01-01T08:00:00.000Z', 'Zoë Adler');
    const middle = await insert('2024-01-02T08:00:00.000Z', 'ZOE ADLER');
    const newest = await insert('2024-01-03T08:00:00.000Z', 'Zoe Adler');
    await insert('2024-01-04T08:00:00.000Z', 'Zoe Adler', { status: 'draft', publishedAt: null });
    await insert('2024-01-05T08:00:00.000Z', 'Zoe Adlerson');
    await insert('2024-01-06T08:00:00.000Z', null, { source: source('Zoe Adler') });

    const found = await store().archive.byAuthor('zoe-adler', PAGE);
    assert.ok(found);
    assert.equal(found.name, 'Zoe Adler', 'the newest article’s byline, as stored');
    assert.equal(found.total, 3);
    assert.deepEqual(found.articles.map((a) => a.id), [newest.id, middle.id, oldest.id]);

    const second = await store().archive.byAuthor('zoe-adler', { limit: 2, offset: 2 });
    assert.deepEqual(second?.articles.map((a) => a.id), [oldest.id]);
    assert.equal(second?.total, 3, 'the total does not depend on the page');
    assert.equal(await store().archive.byAuthor('nobody-at-all', PAGE), undefined);
  });

  test('a source page lists the source’s articles; edits move an article between pages', async () => {
    const first = await store().articles.insert(article('2024-02-01T08:00:00.000Z', { source: source('Río Times') }));
    const second = await store().articles.insert(article('2024-02-02T08:00:00.000Z', { source: source('Rio Times') }));
    const found = await store().archive.bySource('rio-times', PAGE);
    assert.deepEqual(found?.articles.map((a) => a.id), [second.id, first.id]);
    assert.equal(found?.name, 'Rio Times');

    const { slug: _slug, sourceKey: _sourceKey, createdAt: _createdAt, ...edit } = article('2024-02-02T08:00:00.000Z');
    await store().articles.update(second.id, { ...edit, source: source('Lisbon Post'), updatedAt: '2024-02-03T08:00:00.000Z' });
    assert.deepEqual((await store().archive.bySource('rio-times', PAGE))?.articles.map((a) => a.id), [first.id]);
    assert.equal((await store().archive.bySource('rio-times', PAGE))?.name, 'Río Times');
    assert.deepEqual((await store().archive.bySource('lisbon-post', PAGE))?.articles.map((a) => a.id), [second.id]);
  });

  test('a name with nothing to slug gets no page', async () => {
    await store().articles.insert(article('2024-02-10T08:00:00.000Z', { byline: '李明', source: source('—') }));
    assert.equal(await store().archive.byAuthor('', PAGE), undefined);
    assert.equal(await store().archive.bySource('', PAGE), undefined);
  });

  test('a day’s articles: from its first instant up to, not including, the next day’s', async () => {
    const day = { from: '2024-03-10T00:00:00.000Z', to: '2024-03-11T00:00:00.000Z' };
    await store().articles.insert(article('2024-03-09T23:59:59.999Z'));
    const first = await store().articles.insert(article('2024-03-10T00:00:00.000Z'));
    const last = await store().articles.insert(article('2024-03-10T23:59:59.999Z'));
    await store().articles.insert(article('2024-03-10T12:00:00.000Z', { status: 'draft', publishedAt: null }));
    await store().articles.insert(article('2024-03-11T00:00:00.000Z'));
    const found = await store().archive.publishedIn(day, PAGE);
    assert.equal(found.total, 2);
    assert.deepEqual(found.articles.map((a) => a.id), [last.id, first.id]);
    assert.deepEqual((await store().archive.publishedIn(day, { limit: 1, offset: 1 })).articles.map((a) => a.id), [first.id]);
  });

  test('a month’s days with their counts, and the nearest days with articles either side', async () => {
    const month = { from: '2024-05-01T00:00:00.000Z', to: '2024-06-01T00:00:00.000Z' };
    assert.deepEqual(await store().archive.daysIn(month), []);
    await store().articles.insert(article('2024-04-20T10:00:00.000Z'));
    await store().articles.insert(article('2024-05-02T10:00:00.000Z', { updatedAt: '2024-05-09T10:00:00.000Z' }));
    await store().articles.insert(article('2024-05-02T11:00:00.000Z'));
    await store().articles.insert(article('2024-05-31T23:00:00.000Z'));
    await store().articles.insert(article('2024-05-15T10:00:00.000Z', { status: 'draft', publishedAt: null }));
    await store().articles.insert(article('2024-07-04T10:00:00.000Z'));
    assert.deepEqual(await store().archive.daysIn(month), [
      { day: '2024-05-02', count: 2, lastModified: '2024-05-09T10:00:00.000Z' },
      { day: '2024-05-31', count: 1, lastModified: '2024-05-31T23:00:00.000Z' },
    ]);
    assert.deepEqual(await store().archive.around(month), { before: '2024-04-20T10:00:00.000Z', after: '2024-07-04T10:00:00.000Z' });
    const quietDay = { from: '2024-05-20T00:00:00.000Z', to: '2024-05-21T00:00:00.000Z' };
    assert.deepEqual(await store().archive.around(quietDay), { before: '2024-05-02T11:00:00.000Z', after: '2024-05-31T23:00:00.000Z' });
    const future = { from: '2999-01-01T00:00:00.000Z', to: '2999-01-02T00:00:00.000Z' };
    assert.equal((await store().archive.around(future)).after, null);
  });

  test('times not written as the store writes them are refused, not compared as text', async () => {
    await assert.rejects(store().archive.daysIn({ from: '2024-05-01', to: '2024-06-01T00:00:00.000Z' }), ValidationError);
    await assert.rejects(store().archive.publishedIn({ from: 'x', to: 'y' }, PAGE), ValidationError);
    await assert.rejects(store().archive.byAuthor('someone', { limit: -1, offset: 0 }), ValidationError);
  });
});
