/**
 * The reader site in real Chromium: the seed article's anatomy read through roles and headings, the home page
 * and a section front, all with JavaScript disabled; axe finds no serious or critical violation.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { articlePath } from '../src/domain/index.ts';
import { SEED_PAGE_FILE } from '../src/ingest/index.ts';
import { archiveDayPath, archiveMonthPath } from '../src/site/views/archivePaths.ts';
import { launchChromium, openPage } from './helpers/chromium.ts';
import { startDemoSite, type RunningSite } from './helpers/site.ts';

const HEADLINE = 'Iraq Says US Forces Have Withdrawn From Federal Territory; Troops Remain In Kurdistan';
const SECTION_TITLES = [
  'Last Units Leave Al-Asad',
  'Remaining U.S. Presence',
  'Official Confirmations',
  'Background',
  'Security Context',
  'Political And Strategic Implications',
  'Impact On Militias',
  'Outlook',
];
const ANATOMY_CHECK = fileURLToPath(new URL('../../shared/checks/article-anatomy.py', import.meta.url));
const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));

let site: RunningSite;
let browser: Browser;
let noScript: BrowserContext;
let seedPath: string;
/** The seed's UTC day ("2026-11-25"), for the date archive's pages. */
let seedDay: string;
/** A story page with several articles (the demo has some). */
let storyPath: string;

before(async () => {
  site = await startDemoSite();
  browser = await launchChromium();
  noScript = await browser.newContext({ javaScriptEnabled: false });
  const seed = await site.store.articles.findBySourceKey(`file:${realpathSync(SEED_PAGE_FILE)}`);
  assert.ok(seed, 'the demo imports the seed article');
  seedPath = articlePath(seed);
  seedDay = seed.publishedAt?.slice(0, 10) ?? '';
  const [biggest] = await site.store.stories.largest({ since: '1970-01-01T00:00:00.000Z', limit: 1 });
  assert.ok(biggest && biggest.articleCount > 1, 'the demo has a story of several articles');
  storyPath = `/story/${biggest.id}`;
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const open = (path: string, context = noScript): Promise<Page> => openPage(context, site.url + path);

describe('article page, JavaScript off', () => {
  test('shows the seed anatomy in reading order', async () => {
    const page = await open(seedPath);
    assert.equal(await page.title(), `${HEADLINE} — CRBC News`);
    assert.equal(await page.getByRole('link', { name: 'CRBC News' }).first().getAttribute('href'), '/');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Security' }).waitFor();

    const main = page.getByRole('main');
    const headings = await main.getByRole('heading', { level: 1 }).allTextContents();
    assert.deepEqual(headings.map((h) => h.trim()), [HEADLINE]);
    assert.equal(await main.getByRole('link', { name: 'Security', exact: true }).first().getAttribute('href'), '/security');

    const figure = main.getByRole('figure');
    await figure.getByRole('img').waitFor();
    const caption = (await figure.locator('figcaption').textContent()) ?? '';
    assert.match(caption, /^\s*This aerial photo taken from a helicopter shows the Al-Asad air base/);
    assert.equal(caption.split('Nasser Nasser/AP/File').length - 1, 1, 'credit shown once');
    assert.equal((await figure.locator('figcaption .credit').textContent())?.trim(), 'Nasser Nasser/AP/File');

    assert.match(await main.getByRole('region', { name: /summary/i }).textContent() ?? '', /Iraq announced that US forces/);
    const h2s = (await main.getByRole('heading', { level: 2 }).allTextContents()).map((h) => h.trim());
    assert.deepEqual(h2s.filter((h) => SECTION_TITLES.includes(h)), SECTION_TITLES);
    assert.ok((await page.locator('time[datetime]').count()) >= 1);

    // Reading order: headline, figure, summary, lede, first section title, then the page's own regions.
    const text = (await main.innerText()).replace(/\s+/g, ' ');
    const order = [HEADLINE, 'This aerial photo', 'Iraq announced that', 'Iraq’s government announced on Sunday',
      'Last Units Leave Al-Asad', 'Outlook', 'Help us improve.', 'Related Articles'];
    const positions = order.map((needle) => text.indexOf(needle));
    assert.ok(positions.every((p) => p >= 0), `all present: ${JSON.stringify(positions)}`);
    assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'in reading order');
    await page.getByRole('heading', { name: 'Trending' }).waitFor();

    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: `${RESULTS_DIR}article.png`, fullPage: true });
    await page.close();
  });

  test('passes the shared anatomy check', async () => {
    const html = await (await fetch(site.url + seedPath)).text();
    const check = spawnSync('python3', [ANATOMY_CHECK], { input: html, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.match(check.stdout, /anatomy 14\/14/);
  });
});

describe('home and section front, JavaScript off', () => {
  test('home leads with the newest story, then a block per section', async () => {
    const page = await open('/');
    const main = page.getByRole('main');
    await main.getByRole('link', { name: HEADLINE }).first().waitFor();
    for (const section of ['World', 'Politics', 'Business', 'Security']) {
      await main.getByRole('link', { name: section, exact: true }).first().waitFor();
    }
    await page.screenshot({ path: `${RESULTS_DIR}home.png`, fullPage: true });
    await page.close();
  });

  test('a section front paginates with next/prev, and its stories open', async () => {
    const page = await open('/politics');
    assert.ok(await page.locator('link[rel="next"]').count(), 'first page links to the next');
    assert.equal(await page.locator('link[rel="prev"]').count(), 0);
    await page.getByRole('navigation', { name: /pagination|pages/i }).getByRole('link', { name: /next|older/i }).click();
    assert.match(page.url(), /\/politics\?page=2$/);
    assert.ok(await page.locator('link[rel="prev"]').count(), 'second page links back');
    const story = page.getByRole('main').getByRole('article').first().getByRole('link').first();
    const headline = (await story.textContent())?.trim();
    await story.click();
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent())?.trim(), headline);
    await page.close();
  });

  test('an unknown URL gets a real 404 page', async () => {
    const page = await noScript.newPage();
    const response = await page.goto(`${site.url}/no-such-section/no-such-story`);
    assert.equal(response?.status(), 404);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('link', { name: /home|front page/i }).first().waitFor();
    await page.close();
  });
});

describe('topics and stories, JavaScript off', () => {
  test('a topic link under the seed opens its topic page, which lists the seed', async () => {
    const page = await open(seedPath);
    await page.getByRole('navigation', { name: 'Topics' }).getByRole('link', { name: 'Al-Asad Air Base' }).click();
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent())?.trim(), 'Al-Asad Air Base');
    await page.getByRole('main').getByRole('link', { name: HEADLINE }).waitFor();
    await page.close();
  });

  test('an article of a story leads to the story page, which lists its coverage oldest first', async () => {
    const page = await open(storyPath);
    const coverage = page.getByRole('region', { name: 'Coverage, oldest first' });
    const first = coverage.getByRole('listitem').first().getByRole('heading').getByRole('link');
    const headline = (await first.textContent())!.trim();
    await first.click();
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent())?.trim(), headline);
    await page.getByRole('region', { name: 'More on this story' }).getByRole('link', { name: /The whole story/ }).click();
    assert.equal(new URL(page.url()).pathname, storyPath);
    await page.close();
  });
});

describe('search, JavaScript off', () => {
  test('the header box searches, results mark the words, and a result opens its article', async () => {
    const page = await open('/');
    await page.getByRole('search', { name: 'Site search' }).getByRole('searchbox', { name: 'Search articles' }).fill('Kurdistan troops');
    await page.getByRole('search', { name: 'Site search' }).getByRole('button', { name: 'Search' }).click();
    assert.match(page.url(), /\/search\?q=Kurdistan\+troops$/);
    assert.equal(await page.getByRole('searchbox', { name: 'Search for' }).inputValue(), 'Kurdistan troops');
    const first = page.getByRole('main').getByRole('listitem').first();
    assert.ok(await first.locator('mark').count(), 'the matching words are marked');
    const link = first.getByRole('link');
    const headline = (await link.textContent())?.trim();
    await link.click();
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent())?.trim(), headline);
    await page.close();
  });
});

describe('accessibility', () => {
  for (const path of ['/', '/security', '/politics?page=2', 'SEED', '/topic/iraq', 'STORY', '/search?q=iraq', '/search?q=%22%2A%22', '/author/wikinews', '/source/wikinews?page=2', 'SEED_MONTH', 'SEED_DAY', '/missing-page']) {
    test(`axe: no violations at all on ${path}`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const special: Record<string, () => string> = {
        SEED: () => seedPath,
        STORY: () => storyPath,
        SEED_DAY: () => archiveDayPath(seedDay),
        SEED_MONTH: () => archiveMonthPath(seedDay),
      };
      const response = await page.goto(site.url + (special[path]?.() ?? path));
      assert.equal(response?.status(), path === '/missing-page' ? 404 : 200, 'the page itself, not an error page');
      const results = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(
        results.violations.map((v) => `${v.impact}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`),
        [],
      );
      await context.close();
    });
  }

  test('keyboard only: the skip link comes first and lands in the story; every focused control shows its focus', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url + seedPath);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => location.hash), '#main');
    // Walk on through the page: each stop is a link or control, drawn with a visible focus indicator.
    const stops: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        return { tag: element.tagName, text: (element.textContent ?? '').trim().slice(0, 40), visible };
      });
      if (!stop) break;
      assert.ok(stop.visible, `focus is visible on ${stop.tag} "${stop.text}"`);
      stops.push(`${stop.tag}:${stop.text}`);
    }
    assert.ok(stops.some((stop) => stop.startsWith('A:')), 'links are reached');
    assert.ok(stops.some((stop) => stop.startsWith('TEXTAREA') || stop.startsWith('INPUT')), 'the feedback form is reached');
    await context.close();
  });
});
