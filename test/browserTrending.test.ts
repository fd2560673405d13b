/**
 * Trending in a real browser: two readers (two browser contexts, JavaScript on) open the same old story; its
 * page's beacon counts them, and the story then leads the home page's Trending list.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { articlePath } from '../src/domain/index.ts';
import { launchChromium, openPage } from './helpers/chromium.ts';
import { startDemoSite, type RunningSite } from './helpers/site.ts';

let site: RunningSite;
let browser: Browser;
before(async () => {
  site = await startDemoSite({ PAGE_CACHE: 'off' });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** Two readers' browsers: headless Chromium names itself HeadlessChrome, which the view gate takes for a bot. */
const READERS = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
];

test('after two readers open a story, it leads Trending on the home page', async () => {
  const [old] = await site.store.articles.listHeadlines({ limit: 1, offset: 200 });
  const path = articlePath(old!);
  const trendingFirst = async () => {
    const context = await browser.newContext({ userAgent: READERS[0] });
    const page = await openPage(context, `${site.url}/`);
    const first = await page.getByRole('region', { name: 'Trending' }).getByRole('link').first().getAttribute('href');
    await context.close();
    return first;
  };
  assert.notEqual(await trendingFirst(), path, 'an old story does not trend before anyone reads it');

  for (const userAgent of READERS) {
    const context = await browser.newContext({ userAgent });
    const page = await context.newPage();
    // The beacon goes out as soon as the page is shown: listen before opening it.
    const counted = page.waitForResponse((response) => response.url().endsWith(`/v/${old!.id}`) && response.status() === 204);
    assert.equal((await page.goto(site.url + path))?.status(), 200);
    await counted;
    await context.close();
  }
  await site.trending.flush();
  site.trending.invalidate();
  assert.equal(await trendingFirst(), path);
});
