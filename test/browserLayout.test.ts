/**
 * The site's layout at phone, tablet and desktop widths in real Chromium, JavaScript off: every section in the
 * nav can be seen and tapped on a phone (the nav once ran off the screen at "Tec" with no sign that it
 * scrolled), and the search results start at the header's left margin at every width.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage } from './helpers/chromium.ts';
import { startDemoSite, type RunningSite } from './helpers/site.ts';

/** The narrowest phone in use, and a common one. */
const PHONE_WIDTHS = [320, 390];
/** Phones, a tablet, a small laptop and a desktop. */
const LAYOUT_WIDTHS = [320, 390, 768, 1024, 1440];
const VIEWPORT_HEIGHT = 800;
/** Layout boxes land on fractions of a pixel; less than this apart is the same edge. */
const SAME_EDGE_PX = 0.5;

let site: RunningSite;
let browser: Browser;

before(async () => {
  site = await startDemoSite();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** `path` in a fresh context `width` pixels wide, JavaScript off unless axe needs it; close its context when done. */
async function openAt(width: number, path: string, { javaScriptEnabled = false } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: VIEWPORT_HEIGHT }, javaScriptEnabled });
  return openPage(context, site.url + path);
}

async function leftEdge(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  assert.ok(box, `${selector} is laid out`);
  return box.x;
}

/** Nothing runs past the right edge: a page that scrolls sideways hides what is past it. */
async function assertNoSidewaysScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= width, `the page is ${scrollWidth} px wide in a ${width} px window`);
}

describe('section nav on a phone', () => {
  for (const width of PHONE_WIDTHS) {
    test(`at ${width} px every section link is on screen, visible and can be tapped`, async () => {
      const page = await openAt(width, '/');
      const links = page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
      const names = (await links.allTextContents()).map((name) => name.trim());
      assert.ok(names.includes('Technology') && names.length >= 8, `the demo's sections: ${names.join(', ')}`);
      for (const link of await links.all()) {
        const name = (await link.textContent())?.trim();
        assert.ok(await link.isVisible(), `${name} is visible`);
        const box = (await link.boundingBox())!;
        assert.ok(box.x >= 0 && box.x + box.width <= width, `${name} spans ${box.x}–${box.x + box.width} px of ${width}`);
        assert.ok(box.y >= 0 && box.y + box.height <= VIEWPORT_HEIGHT, `${name} is in the first screen`);
        // Playwright's checks before a click: visible, stable, enabled, and the element that would get the tap.
        await link.click({ trial: true });
      }
      await assertNoSidewaysScroll(page, width);
      const last = links.last();
      const href = await last.getAttribute('href');
      await last.click();
      assert.equal(new URL(page.url()).pathname, href, 'the last section opens');
      await page.context().close();
    });
  }
});

describe('search page alignment', () => {
  for (const width of LAYOUT_WIDTHS) {
    test(`at ${width} px the results start at the header's left margin`, async () => {
      const page = await openAt(width, '/search?q=iraq');
      const header = await leftEdge(page, 'header .brand');
      assert.ok(Math.abs((await leftEdge(page, 'nav[aria-label="Sections"] a')) - header) < SAME_EDGE_PX, 'the nav starts where the brand does');
      const edges: Record<string, number> = {
        heading: await leftEdge(page, 'main h1'),
        form: await leftEdge(page, 'main form[role="search"]'),
        list: await leftEdge(page, 'ol.search-results'),
      };
      const results = page.locator('ol.search-results > li');
      assert.ok((await results.count()) > 1, 'the demo has several results');
      for (const [n, result] of (await results.all()).entries()) edges[`result ${n + 1}`] = (await result.boundingBox())!.x;
      for (const [part, x] of Object.entries(edges)) {
        assert.ok(Math.abs(x - header) < SAME_EDGE_PX, `${part} starts at ${x} px, the header's content at ${header} px`);
      }
      await assertNoSidewaysScroll(page, width);
      await page.context().close();
    });
  }
});

describe('accessibility at phone width', () => {
  for (const path of ['/', '/search?q=iraq']) {
    test(`axe: no violations at all on ${path} at ${PHONE_WIDTHS[0]} px`, async () => {
      const page = await openAt(PHONE_WIDTHS[0]!, path, { javaScriptEnabled: true });
      const results = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(
        results.violations.map((v) => `${v.impact}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`),
        [],
      );
      await page.context().close();
    });
  }
});
