/**
 * What enrichment adds to an article page, in real Chromium with JavaScript off: the Timeline box (a labelled
 * region with an ordered list whose links land on their paragraphs) and the proposed headings over an untitled
 * body. axe finds no serious or critical violation, in the light and the dark scheme.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { articlePath } from '../src/domain/index.ts';
import { launchChromium, openPage } from './helpers/chromium.ts';
import { startDemoSite, type RunningSite } from './helpers/site.ts';

let site: RunningSite;
let browser: Browser;
let noScript: BrowserContext;
/** A demo story with proposed headings and a timeline of at least two facts. */
let storyPath: string;
let headingTitles: string[];

before(async () => {
  site = await startDemoSite();
  browser = await launchChromium();
  noScript = await browser.newContext({ javaScriptEnabled: false });
  for (let id = 1; ; id++) {
    const article = await site.store.articles.findById(id);
    assert.ok(article, 'a demo story with proposed headings and a timeline');
    const enrichment = await site.store.enrichments.find(id);
    const titles = enrichment?.sections?.flatMap((section) => (section.title ? [section.title] : [])) ?? [];
    if (article.status === 'published' && titles.length >= 2 && enrichment!.timeline.length >= 2) {
      storyPath = articlePath(article);
      headingTitles = titles;
      break;
    }
  }
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const open = (path: string, context = noScript): Promise<Page> => openPage(context, site.url + path);

describe('enrichment on an article page, JavaScript off', () => {
  test('an untitled story reads under its proposed headings, with the note that they were added', async () => {
    const page = await open(storyPath);
    const main = page.getByRole('main');
    const h2s = (await main.getByRole('heading', { level: 2 }).allTextContents()).map((h) => h.trim());
    assert.deepEqual(h2s.filter((h) => headingTitles.includes(h)), headingTitles);
    assert.match((await page.locator('.headings-note').textContent()) ?? '', /added automatically/);
    await page.close();
  });

  test('the Timeline region lists its facts; a fact’s link lands on its paragraph', async () => {
    const page = await open(storyPath);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const items = timeline.getByRole('list').getByRole('listitem');
    assert.ok((await items.count()) >= 2);
    const link = timeline.getByRole('link').first();
    const target = (await link.getAttribute('href'))!;
    assert.match(target, /^#p-\d+$/);
    await link.click();
    assert.ok(page.url().endsWith(target));
    assert.equal(await page.locator(target).count(), 1, 'the paragraph is on the page');
    await page.close();
  });
});

describe('accessibility of the enriched article page', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe: no serious or critical violations (${colorScheme})`, async () => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(site.url + storyPath);
      const results = await new AxeBuilder({ page }).analyze();
      const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(
        severe.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
        [],
      );
      await context.close();
    });
  }
});
