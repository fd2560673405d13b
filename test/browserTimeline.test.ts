/**
 * A story page's timeline in real Chromium with JavaScript off: at most STORY_TIMELINE_LENGTH entries, each a
 * statement a reader understands (never a single word, a weekday alone or a dangling quote), linked to its
 * sentence's paragraph. The story is the demo's story whose articles tell the most dated facts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { storyPath } from '../src/site/views/MoreOnThisStory.tsx';
import { STORY_TIMELINE_LENGTH } from '../src/site/views/storyTimeline.ts';
import { launchChromium, openPage } from './helpers/chromium.ts';
import { startDemoSite, type RunningSite } from './helpers/site.ts';

let site: RunningSite;
let browser: Browser;
/** The story with the most dated facts among the demo's largest stories. */
let busiestStory: string;

/** Stories looked at: the largest few are the ones with many articles, hence long merged timelines. */
const STORIES_CONSIDERED = 10;

before(async () => {
  site = await startDemoSite();
  browser = await launchChromium();
  const stories = await site.store.stories.largest({ since: '1900-01-01T00:00:00.000Z', limit: STORIES_CONSIDERED });
  let most = -1;
  for (const story of stories) {
    const facts = (await site.store.stories.timelines(story.id, 50)).reduce((n, t) => n + t.timeline.length, 0);
    if (facts > most) [most, busiestStory] = [facts, story.id];
  }
  assert.ok(most > STORY_TIMELINE_LENGTH, `the busiest demo story tells ${most} dated facts, more than a timeline shows`);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

test('a story page shows at most the configured number of timeline entries, none of them a single word', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await openPage(context, site.url + storyPath(busiestStory));
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const items = timeline.getByRole('list').getByRole('listitem');
  const count = await items.count();
  assert.ok(count >= 2 && count <= STORY_TIMELINE_LENGTH, `${count} entries`);
  const labels = (await timeline.locator('.timeline-label').allTextContents()).map((label) => label.trim());
  assert.equal(labels.length, count);
  for (const label of labels) {
    assert.ok(label.split(/\s+/).length >= 2, `"${label}" is a single word`);
    assert.doesNotMatch(label, /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/);
    assert.equal((label.match(/["“”]/g) ?? []).length % 2, 0, `"${label}" leaves a quote open`);
  }
  // Each entry links to the paragraph of the article its sentence comes from.
  assert.match((await timeline.getByRole('link').first().getAttribute('href')) ?? '', /#p-\d+$/);
  await context.close();
});
