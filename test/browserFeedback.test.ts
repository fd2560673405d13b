/**
 * The "Help us improve." form in real Chromium, as a reader uses it: with JavaScript off (a plain post, then the
 * article again, saying thank you) and on (sent in place, the thank-you where the form was, no page load), a
 * refusal shown in place, and axe on each state of the form. The browser's own Origin/Sec-Fetch-Site headers
 * must pass the same-origin check, and the site's CSP must not block the script.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '../src/config.ts';
import { articlePath, type Article } from '../src/domain/index.ts';
import { buildServer } from '../src/server.ts';
import { SEED_DRAFT } from '../src/site/testing/seedArticle.ts';
import { insertArticle } from '../src/site/testing/store.ts';
import { FEEDBACK_THANKS } from '../src/site/views/FeedbackForm.tsx';
import { openStore, type Store } from '../src/store/index.ts';
import { launchChromium, openPage } from './helpers/chromium.ts';

let dataDir: string;
let store: Store;
let app: FastifyInstance;
let siteUrl: string;
let seed: Article;
let browser: Browser;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-feedback-browser-'));
  store = await openStore({ databaseUrl: null, sqliteFile: join(dataDir, 'newsdesk.db') });
  seed = await insertArticle(store, SEED_DRAFT);
  app = await buildServer({ config: loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }), store, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  assert.ok(address && typeof address !== 'string');
  siteUrl = `http://127.0.0.1:${address.port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Console errors and CSP reports of a page: a blocked script shows up here. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function fillForm(page: Page, kind: string, text: string, email = ''): Promise<void> {
  const form = page.getByRole('region', { name: 'Help us improve.' });
  await form.getByRole('group', { name: 'What is wrong?' }).getByRole('radio', { name: kind }).check();
  await form.getByRole('textbox', { name: /What should we fix/ }).fill(text);
  if (email) await form.getByRole('textbox', { name: /Your email/ }).fill(email);
}

async function storedTexts(): Promise<string[]> {
  return (await store.feedback.list({ articleId: seed.id, limit: 100 })).map((note) => note.text);
}

/** axe runs its script in the page, so it checks pages in a context with JavaScript on. */
async function severeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

describe('JavaScript off', () => {
  let context: BrowserContext;
  before(async () => {
    context = await browser.newContext({ javaScriptEnabled: false });
  });
  after(() => context.close());

  test('a plain post stores the note and brings the reader back to the article, thanked', async () => {
    const page = await openPage(context, siteUrl + articlePath(seed));
    await fillForm(page, 'A typo or wording problem', 'Sent without script: "Kataib" is misspelt.');
    await Promise.all([page.waitForURL(/feedback=thanks/), page.getByRole('button', { name: 'Send to the editors' }).click()]);

    assert.equal(new URL(page.url()).pathname, articlePath(seed));
    assert.equal(new URL(page.url()).hash, '#feedback');
    const region = page.getByRole('region', { name: 'Help us improve.' });
    assert.equal((await region.getByRole('status').textContent())?.trim(), FEEDBACK_THANKS);
    assert.equal(await region.getByRole('button').count(), 0, 'the thank-you takes the form’s place');
    assert.ok((await storedTexts()).includes('Sent without script: "Kataib" is misspelt.'));
  });

  test('a refused note comes back in its form on a page that says why', async () => {
    const page = await openPage(context, siteUrl + articlePath(seed));
    // The browser accepts an address without a dot in the domain; the server asks for a complete one.
    await fillForm(page, 'Something else', 'Refused, but not lost.', 'reader@localhost');
    await Promise.all([page.waitForURL(/\/feedback$/), page.getByRole('button', { name: 'Send to the editors' }).click()]);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Your note was not sent');
    assert.match((await page.getByRole('main').textContent()) ?? '', /email address does not look complete/);
    assert.equal(await page.getByRole('textbox', { name: /What should we fix/ }).inputValue(), 'Refused, but not lost.');
    assert.equal(await page.getByRole('radio', { name: 'Something else' }).isChecked(), true);
    assert.ok(!(await storedTexts()).includes('Refused, but not lost.'));
  });
});

describe('JavaScript on', () => {
  let context: BrowserContext;
  before(async () => {
    context = await browser.newContext();
  });
  after(() => context.close());

  test('the note is sent in place and the thank-you takes the form’s place, with focus', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    const response = await page.goto(siteUrl + articlePath(seed));
    assert.equal(response?.status(), 200);
    const url = page.url();
    await fillForm(page, 'A factual error', 'Sent in place: the base was handed over on Saturday.');
    const [posted] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/feedback') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Send to the editors' }).click(),
    ]);
    assert.equal(posted.status(), 200, 'the script asked for JSON and got it');
    const thanks = page.getByRole('region', { name: 'Help us improve.' }).getByRole('status');
    await thanks.waitFor();
    assert.equal((await thanks.textContent())?.trim(), FEEDBACK_THANKS);
    assert.equal(page.url(), url, 'no page load');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'feedback-thanks');
    assert.ok((await storedTexts()).includes('Sent in place: the base was handed over on Saturday.'));
    assert.deepEqual(errors, [], 'no console errors: the CSP allows the script');
  });

  test('a refusal is said in place, and the form stays for a second try', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(siteUrl + articlePath(seed));
    await fillForm(page, 'Something else', 'First try, bad address.', 'reader@localhost');
    await page.getByRole('button', { name: 'Send to the editors' }).click();
    const status = page.locator('[data-feedback-status]');
    await status.filter({ hasText: /email address does not look complete/ }).waitFor();
    await page.getByRole('textbox', { name: /Your email/ }).fill('reader@example.com');
    await page.getByRole('button', { name: 'Send to the editors' }).click();
    await page.getByRole('region', { name: 'Help us improve.' }).getByRole('status').filter({ hasText: FEEDBACK_THANKS }).waitFor();
    const texts = await storedTexts();
    assert.equal(texts.filter((text) => text === 'First try, bad address.').length, 1, 'stored once, on the second try');
    // The refused attempt answered 400, which Chromium reports as a failed resource; nothing else may appear.
    assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), []);
  });
});

describe('axe, in every state of the form', () => {
  test('no serious or critical violations: the form, the thank-you, a refusal, and an error said in place', async () => {
    const context = await browser.newContext();
    const page = await openPage(context, siteUrl + articlePath(seed));
    assert.deepEqual(await severeViolations(page), [], 'the form');

    await fillForm(page, 'Something else', 'Checked by axe.', 'reader@localhost');
    await page.getByRole('button', { name: 'Send to the editors' }).click();
    await page.locator('[data-feedback-status]').filter({ hasText: /email address/ }).waitFor();
    assert.deepEqual(await severeViolations(page), [], 'an error said in place');

    const thanks = await openPage(context, `${siteUrl}${articlePath(seed)}?feedback=thanks`);
    assert.deepEqual(await severeViolations(thanks), [], 'the thank-you');

    // The script fails to load: the form posts as without JavaScript, and the refusal page is checked.
    const fallback = await context.newPage();
    await fallback.route('**/assets/feedback.js*', (route) => route.abort());
    await fallback.goto(siteUrl + articlePath(seed));
    await fillForm(fallback, 'Something else', 'Checked by axe.', 'reader@localhost');
    await Promise.all([fallback.waitForURL(/\/feedback$/), fallback.getByRole('button', { name: 'Send to the editors' }).click()]);
    assert.equal(await fallback.getByRole('heading', { level: 1 }).textContent(), 'Your note was not sent');
    assert.deepEqual(await severeViolations(fallback), [], 'the refusal page');
    await context.close();
  });
});
