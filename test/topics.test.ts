/** Topic pages: every person, place and organisation enrichment finds has a page listing its stories. */
import assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { articlePath } from '../src/domain/index.ts';
import { SEED_PAGE_FILE } from '../src/ingest/index.ts';
import { startDemoSite, type RunningSite } from './helpers/site.ts';

let site: RunningSite;
before(async () => {
  site = await startDemoSite();
});
after(() => site.close());

test('the seed links its topics, and a topic page lists the stories that name it', async () => {
  const seed = await site.store.articles.findBySourceKey(`file:${realpathSync(SEED_PAGE_FILE)}`);
  assert.ok(seed);
  const page = await (await fetch(`${site.url}${articlePath(seed)}`)).text();
  assert.match(page, /<h2 id="topics-heading">Topics<\/h2>/);
  assert.match(page, /<a href="\/topic\/al-asad-air-base">Al-Asad Air Base<\/a>/);

  const topic = await fetch(`${site.url}/topic/kataib-hezbollah`);
  assert.equal(topic.status, 200);
  const html = await topic.text();
  assert.match(html, /<h1 class="front-title">Kataib Hezbollah<\/h1>/);
  assert.match(html, /Organisation/);
  assert.ok(html.includes(`href="${articlePath(seed)}"`), 'the seed is listed');

  // Every entity is indexed, also those the article page has no room to link; Iraq is in many demo stories.
  const iraq = await (await fetch(`${site.url}/topic/iraq`)).text();
  assert.ok(Number(/(\d+) stories/.exec(iraq)?.[1]) > 1, 'Iraq is named by more than the seed');
});

test('unknown and malformed topics are 404 pages', async () => {
  assert.equal((await fetch(`${site.url}/topic/no-such-topic`)).status, 404);
  assert.equal((await fetch(`${site.url}/topic/Not%20A%20Slug`)).status, 404);
});

test('Related Articles leads with stories that share the seed\'s people, places and organisations', async () => {
  const seed = await site.store.articles.findBySourceKey(`file:${realpathSync(SEED_PAGE_FILE)}`);
  const page = await (await fetch(`${site.url}${articlePath(seed!)}`)).text();
  const related = /<section class="related"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
  const first = /<a href="\/([a-z0-9-]+)\/([a-z0-9-]+)">/.exec(related);
  assert.ok(first, 'a related story');
  const article = await site.store.articles.findPublished(first[1]!, first[2]!);
  const mine = new Set((await site.store.enrichments.find(seed!.id))!.entities.map((e) => e.slug));
  const theirs = (await site.store.enrichments.find(article!.id))!.entities.map((e) => e.slug);
  assert.ok(theirs.some((slug) => mine.has(slug)), `${article!.headline} shares an entity with the seed`);
});

test('a topic page gathers the dated facts that name it, each linked to its paragraph', async () => {
  const seed = await site.store.articles.findBySourceKey(`file:${realpathSync(SEED_PAGE_FILE)}`);
  const html = await (await fetch(`${site.url}/topic/al-asad-air-base`)).text();
  const timeline = /<section class="timeline-box"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  assert.match(timeline, /<h2 id="timeline-heading">Timeline<\/h2>/);
  // The seed's January 2020 strike on Al-Asad is there, linked to its sentence's paragraph.
  assert.match(timeline, new RegExp(`<a href="${articlePath(seed!)}#p-\\d+"><span class="timeline-date"><time datetime="2020-01">January 2020</time>`));
  // Facts whose sentence does not name the base are not: the 2003 invasion.
  assert.doesNotMatch(timeline, /datetime="2003"/);
});
