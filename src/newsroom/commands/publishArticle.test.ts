import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NotFoundError, ValidationError } from '../../domain/index.ts';
import { publishArticle } from './publishArticle.ts';
import { unpublishArticle } from './unpublishArticle.ts';
import { CLI, commandTestContext, storyOf } from './testing.ts';

test('publish puts a draft on the site, once, and announces it', async () => {
  const { context, announced, store } = await commandTestContext();
  const draft = await storyOf(store, 'a', 120, 'draft');
  const first = await publishArticle(context, CLI, draft.id);
  assert.equal(first.changed, true);
  assert.equal(first.article.workflowState, 'published');
  assert.equal(first.article.publishedAt, '2026-03-01T12:00:00.000Z');
  assert.ok(await store.articles.findPublished(draft.section, draft.slug));
  assert.deepEqual(announced, [{ articleId: draft.id, section: draft.section, outcome: 'published' }]);

  const again = await publishArticle(context, CLI, draft.id);
  assert.equal(again.changed, false);
  assert.equal(announced.length, 1, 'nothing changed, nothing announced');
  await store.close();
});

test('publish refuses what fails the publish checks, saying why, and changes nothing', async () => {
  const { context, announced, store } = await commandTestContext();
  const short = await storyOf(store, 'b', 5, 'draft');
  await assert.rejects(publishArticle(context, CLI, short.id), (error: unknown) => {
    assert.ok(error instanceof ValidationError);
    assert.match(error.message, /its body has 5 words; a published article needs at least 80/);
    return true;
  });
  assert.equal((await store.articles.findById(short.id))?.status, 'draft');
  assert.deepEqual(announced, []);
  await assert.rejects(publishArticle(context, CLI, 999), NotFoundError);
  await store.close();
});

test('an unpublished article published again keeps its first publication time', async () => {
  const { context, store } = await commandTestContext();
  const live = await storyOf(store, 'c', 120, 'published');
  await unpublishArticle(context, CLI, live.id);
  const back = await publishArticle(context, CLI, live.id);
  assert.equal(back.article.publishedAt, live.publishedAt);
  assert.equal(await store.articles.isTakenDown(live.section, live.slug), false);
  await store.close();
});
