import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ForbiddenError, paragraphSection, ValidationError } from '../../domain/index.ts';
import { openJobQueue } from '../../ingest/jobs/index.ts';
import type { ArticleContent } from './articleContent.ts';
import { returnToDraft, submitForReview } from './reviewArticle.ts';
import { createArticle, restoreRevision, saveArticle, SaveConflict } from './saveArticle.ts';
import { scheduleArticle } from './scheduleArticle.ts';
import { scheduledPublishingHandlers } from './scheduledPublishing.ts';
import { restoreArticle, spikeArticle } from './spikeArticle.ts';
import { commandTestContext, personActing } from './testing.ts';

const words = (n: number, word = 'word') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

function content(headline: string, body = words(100)): ArticleContent {
  return { headline, dek: null, section: 'world', byline: 'By Ada', summary: null, lede: null, body: [paragraphSection(null, [body])], hero: null, source: null };
}

async function withSections() {
  const setup = await commandTestContext();
  await setup.store.sections.ensure('World');
  return setup;
}

test('a writer drafts and submits; an editor sends back, then schedules; the writer may not publish', async () => {
  const { context, store } = await withSections();
  const writer = await personActing(store, 'writer');
  const editor = await personActing(store, 'editor');
  const draft = await createArticle(context, writer, content('Council votes on the budget'));
  assert.equal(draft.ownerId, writer.user.id);
  assert.equal(draft.workflowState, 'draft');
  await submitForReview(context, writer, draft.id);
  await assert.rejects(scheduleArticle({ ...context, jobs: undefined }, writer, draft.id, new Date()), Error);
  const back = await returnToDraft(context, editor, draft.id, 'Needs a quote from the mayor.');
  assert.equal(back.article.workflowState, 'draft');
  const log = await store.audit.list({ targetType: 'article', targetId: String(draft.id), limit: 10, offset: 0 });
  assert.deepEqual(log.map((entry) => entry.action), ['article.returned', 'article.submitted', 'article.created']);
  assert.equal(log[0]!.details.note, 'Needs a quote from the mayor.');
  assert.equal(log[0]!.actorId, editor.user.id);
  await store.close();
});

test('two editors save from the same revision: one wins, the other gets the conflict and keeps a copy', async () => {
  const { context, store } = await withSections();
  const one = await personActing(store, 'editor', 'one@example.org');
  const two = await personActing(store, 'editor', 'two@example.org');
  const article = await createArticle(context, one, content('Bridge reopens'));
  const first = await saveArticle(context, one, { articleId: article.id, baseRevisionId: article.revisionId, content: content('Bridge reopens after repairs') });
  await assert.rejects(
    saveArticle(context, two, { articleId: article.id, baseRevisionId: article.revisionId, content: content('Bridge reopens to traffic') }),
    (error: unknown) => {
      assert.ok(error instanceof SaveConflict);
      assert.equal(error.current.headline, 'Bridge reopens after repairs');
      return true;
    },
  );
  const stored = await store.articles.findById(article.id);
  assert.equal(stored?.headline, 'Bridge reopens after repairs', 'the winner stays');
  const revisions = await store.articles.revisions(article.id);
  assert.deepEqual(revisions.map((revision) => revision.kind), ['conflict_copy', 'save', 'save']);
  const copy = await store.articles.revision(article.id, revisions[0]!.id);
  assert.equal(copy?.content.headline, 'Bridge reopens to traffic', 'nothing typed is lost');
  const restored = await restoreRevision(context, two, article.id, revisions[0]!.id, first.revisionId);
  assert.equal(restored.headline, 'Bridge reopens to traffic');
  assert.equal((await store.articles.revisions(article.id))[0]!.kind, 'restore');
  await store.close();
});

test('a contributor may not edit after submitting, nor touch others’ drafts; the refusal changes nothing', async () => {
  const { context, store } = await withSections();
  const contributor = await personActing(store, 'contributor');
  const other = await personActing(store, 'writer');
  const mine = await createArticle(context, contributor, content('Mine'));
  const theirs = await createArticle(context, other, content('Theirs'));
  await assert.rejects(saveArticle(context, contributor, { articleId: theirs.id, baseRevisionId: theirs.revisionId, content: content('Taken') }), ForbiddenError);
  await submitForReview(context, contributor, mine.id);
  await assert.rejects(saveArticle(context, contributor, { articleId: mine.id, baseRevisionId: mine.revisionId, content: content('Late edit') }), ForbiddenError);
  assert.equal((await store.articles.findById(theirs.id))?.headline, 'Theirs');
  await store.close();
});

test('scheduling: checked now, published by the job when due, exactly once even with two runs', async () => {
  const { context, store, announced } = await withSections();
  let now = new Date('2026-03-01T12:00:00Z');
  const jobs = await openJobQueue({ databaseUrl: null, sqliteFile: ':memory:' });
  const timed = { ...context, jobs, now: () => now };
  const editor = await personActing(store, 'editor');
  const short = await createArticle(timed, editor, content('Too short', words(5)));
  await assert.rejects(scheduleArticle(timed, editor, short.id, new Date('2026-03-01T12:01:00Z')), ValidationError);
  const article = await createArticle(timed, editor, content('Polls open'));
  await scheduleArticle(timed, editor, article.id, new Date('2026-03-01T12:01:00Z'));
  assert.equal((await store.articles.findById(article.id))?.scheduledAt, '2026-03-01T12:01:00.000Z');
  const handler = scheduledPublishingHandlers(timed)['publish-scheduled']!;
  const job = { id: 'x', type: 'publish-scheduled', key: `article:${article.id}`, payload: { articleId: article.id }, attempt: 1 };
  await handler(job, new AbortController().signal);
  assert.equal((await store.articles.findById(article.id))?.status, 'draft', 'not before its time');
  now = new Date('2026-03-01T12:01:30Z');
  await Promise.all([handler(job, new AbortController().signal), handler(job, new AbortController().signal)]);
  const published = await store.articles.findById(article.id);
  assert.equal(published?.status, 'published');
  assert.equal(published?.publishedAt, '2026-03-01T12:01:30.000Z');
  const entries = await store.audit.list({ action: 'article.published', limit: 10, offset: 0 });
  assert.equal(entries.length, 1, 'published once');
  assert.equal(entries[0]!.actorLabel, 'system: scheduler');
  assert.equal(announced.filter((change) => change.outcome === 'published').length, 1);
  assert.equal((await jobs.list({ type: 'publish-scheduled' })).length, 1, 'one job for the article');
  await jobs.close();
  await store.close();
});

test('spike hides a draft from the desk; its writer restores it as a draft', async () => {
  const { context, store } = await withSections();
  const writer = await personActing(store, 'writer');
  const draft = await createArticle(context, writer, content('Spike me'));
  await spikeArticle(context, writer, draft.id);
  assert.equal(await store.articles.countForDesk({}), 0, 'gone from every list');
  assert.equal(await store.articles.countForDesk({ workflowState: 'spiked' }), 1);
  const back = await restoreArticle(context, writer, draft.id);
  assert.equal(back.article.workflowState, 'draft');
  await store.close();
});
