import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NotFoundError, ValidationError } from '../../domain/index.ts';
import { unpublishArticle } from './unpublishArticle.ts';
import { CLI, commandTestContext, storyOf } from './testing.ts';

test('unpublish takes an article off the site: taken down, not deleted, announced once', async () => {
  const { context, announced, store } = await commandTestContext();
  const live = await storyOf(store, 'a', 120, 'published');
  const down = await unpublishArticle(context, CLI, live.id);
  assert.equal(down.changed, true);
  assert.equal(down.article.workflowState, 'unpublished');
  assert.equal(await store.articles.findPublished(live.section, live.slug), undefined);
  assert.equal(await store.articles.isTakenDown(live.section, live.slug), true);
  assert.equal(await store.articles.countPublished(), 0);
  assert.deepEqual(announced, [{ articleId: live.id, section: live.section, outcome: 'unpublished' }]);

  assert.equal((await unpublishArticle(context, CLI, live.id)).changed, false);
  assert.equal(announced.length, 1);
  await store.close();
});

test('a draft was never on the site: nothing to unpublish, said plainly', async () => {
  const { context, store } = await commandTestContext();
  const draft = await storyOf(store, 'b', 120, 'draft');
  await assert.rejects(unpublishArticle(context, CLI, draft.id), (error: unknown) => {
    assert.ok(error instanceof ValidationError);
    assert.match(error.message, /is not on the site \(it is a draft\)/);
    return true;
  });
  await assert.rejects(unpublishArticle(context, CLI, 999), NotFoundError);
  await store.close();
});
