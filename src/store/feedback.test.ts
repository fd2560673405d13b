import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NotFoundError, type NewFeedback } from '../domain/index.ts';
import type { NewArticle } from './index.ts';
import { describeOnBothDialects } from './testing/targets.ts';

let serial = 0;
function newArticle(): NewArticle {
  serial += 1;
  const at = new Date(Date.UTC(2024, 4, 1, 10, serial)).toISOString();
  return {
    slug: `noted-${serial}`,
    section: 'world',
    sourceKey: `test:noted-${serial}`,
    contentHash: 'a'.repeat(64),
    headline: `Noted ${serial}`,
    dek: null, summary: null, lede: null, body: [], hero: null, byline: null, source: null, provenance: null,
    status: 'published',
    publishedAt: at, createdAt: at, updatedAt: at,
  };
}

function note(articleId: number, minute: number, overrides: Partial<NewFeedback> = {}): NewFeedback {
  return {
    articleId,
    articleRevision: 'a'.repeat(64),
    kind: 'typo',
    text: `Note at minute ${minute}`,
    email: null,
    createdAt: new Date(Date.UTC(2024, 4, 2, 9, minute)).toISOString(),
    ipHash: 'f'.repeat(32),
    userAgent: 'Mozilla/5.0',
    ...overrides,
  };
}

describeOnBothDialects('feedback', (store) => {

  test('feedback: add round-trips every field, markup and all, and lists newest first with the article', async () => {
    const article = await store().articles.insert(newArticle());
    const hostile = '<script>alert(1)</script>\n"quotes" & \'apostrophes\' — ünïcödé 🚀';
    const first = await store().feedback.add(note(article.id, 1, { kind: 'error', text: hostile, email: 'reader@example.com' }));
    const second = await store().feedback.add(note(article.id, 2, { userAgent: null }));
    assert.deepEqual(first, { id: first.id, ...note(article.id, 1, { kind: 'error', text: hostile, email: 'reader@example.com' }) });
    assert.ok(second.id > first.id);

    const listed = await store().feedback.list({ articleId: article.id, limit: 10 });
    assert.deepEqual(listed.map((entry) => entry.id), [second.id, first.id]);
    assert.equal(listed[1]!.text, hostile, 'stored byte for byte, never escaped or stripped');
    assert.deepEqual(listed[0]!.article, { section: 'world', slug: article.slug, headline: article.headline });
    assert.equal(listed[0]!.userAgent, null);
  });

  test('feedback: list filters by article and kind, and stops at the limit', async () => {
    const a = await store().articles.insert(newArticle());
    const b = await store().articles.insert(newArticle());
    const aTypo = await store().feedback.add(note(a.id, 10));
    const aOther = await store().feedback.add(note(a.id, 11, { kind: 'other' }));
    const bTypo = await store().feedback.add(note(b.id, 12));
    assert.deepEqual((await store().feedback.list({ articleId: a.id, limit: 10 })).map((e) => e.id), [aOther.id, aTypo.id]);
    assert.deepEqual((await store().feedback.list({ articleId: a.id, kind: 'typo', limit: 10 })).map((e) => e.id), [aTypo.id]);
    assert.deepEqual((await store().feedback.list({ articleId: b.id, kind: 'other', limit: 10 })).map((e) => e.id), []);
    const newest = await store().feedback.list({ limit: 2 });
    assert.deepEqual(newest.map((e) => e.id), [bTypo.id, aOther.id]);
  });

  test('feedback: a note about an article that does not exist is a NotFoundError, and nothing is stored', async () => {
    await assert.rejects(store().feedback.add(note(999_999, 20)), NotFoundError);
    assert.deepEqual(await store().feedback.list({ articleId: 999_999, limit: 10 }), []);
  });

  test('feedback: a kind outside the four is refused by the database itself', async () => {
    const article = await store().articles.insert(newArticle());
    await assert.rejects(store().feedback.add(note(article.id, 30, { kind: 'spam' as never })));
    assert.deepEqual(await store().feedback.list({ articleId: article.id, limit: 10 }), []);
  });
});
