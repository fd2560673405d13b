/** An editor's overrides on the served article page: each field shows in place of the computed value. */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { articlePath, paragraphSection, type Article } from '../domain/index.ts';
import { enrichArticle } from '../enrich/enrichArticle.ts';
import type { Store } from '../store/index.ts';
import { registerErrorPages, sitePlugin } from './index.ts';
import { insertArticle, memoryStore, storyDraft } from './testing/store.ts';

let store: Store;
let app: FastifyInstance;
let article: Article;

before(async () => {
  store = await memoryStore();
  article = await insertArticle(store, {
    ...storyDraft('Port strike enters second week', 'World'),
    summary: null,
    body: [paragraphSection(null, ['Dockers walked out in 2024.', 'Talks failed in March 2025.', 'Ships queue offshore.'])],
  });
  await store.enrichments.save({ ...enrichArticle(article), articleId: article.id });
  app = Fastify({ logger: false });
  registerErrorPages(app, 'CRBC News');
  await app.register(sitePlugin, { store, config: { siteName: 'CRBC News', siteUrl: 'https://news.example', pageCache: false } });
});

after(async () => {
  await app?.close();
  await store?.close();
});

it('shows the editor’s summary, sections, entities and timeline instead of the computed ones', async () => {
  const { enrichments } = store;
  await enrichments.setOverride(article.id, 'summary', {
    sentences: [{ text: 'Talks failed in March 2025.', paragraph: 2, start: 0, end: 27, trimmed: false }],
    short: 'Talks failed in March 2025.',
  });
  await enrichments.setOverride(article.id, 'sections', [
    { title: null, paragraphs: [0, 1] },
    { title: 'Talks Collapse', paragraphs: [2, 3] },
  ]);
  await enrichments.setOverride(article.id, 'entities', [{ slug: 'dockers-union', name: 'Dockers’ Union', type: 'organization' }]);
  await enrichments.setOverride(article.id, 'timeline', [
    { date: '2024', label: 'walkout', figures: [], sentence: { text: 'Dockers walked out in 2024.', paragraph: 1, start: 0, end: 27 } },
    { date: '2025-03', label: 'talks failed', figures: [], sentence: { text: 'Talks failed in March 2025.', paragraph: 2, start: 0, end: 27 } },
  ]);

  const page = (await app.inject(articlePath(article))).body;
  assert.match(page, /<li><a href="#p-2">Talks failed in March 2025.<\/a><\/li>/, 'the summary box');
  assert.match(page, /<meta name="description" content="Talks failed in March 2025."/);
  assert.match(page, /<h2 id="part-2">Talks Collapse<\/h2><p id="p-2">Talks failed in March 2025.<\/p>/, 'the headings');
  assert.match(page, /<a href="\/topic\/dockers-union">Dockers’ Union<\/a>/, 'the topics');
  assert.match(page, /<a href="#p-1"><span class="timeline-date"><time datetime="2024">2024<\/time><\/span> <span class="timeline-label">walkout<\/span><\/a>/);
  assert.match(page, /<time datetime="2025-03">March 2025<\/time>/);

  const topic = await app.inject('/topic/dockers-union');
  assert.equal(topic.statusCode, 200, 'the topic page lists the story');
  assert.ok(topic.body.includes(articlePath(article)));
});
