/**
 * The newsroom in a real browser, with JavaScript off and on: the first admin sets up their account from the
 * one-time link and invites a writer; the writer sets a password, drafts an article and submits it; an editor
 * schedules it a minute ahead; when due it is on the home page, its section, the feeds and the sitemap; the
 * editor unpublishes it and it answers 410, gone from feeds and search. Every newsroom page passes axe.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { loadConfig, sqliteFileOf } from '../src/config.ts';
import { hashPassword } from '../src/newsroom/auth/index.ts';
import { firstAdminSetup, openPeopleContext, scheduledPublishingHandlers } from '../src/newsroom/index.ts';
import { buildServer } from '../src/server.ts';
import { localContentChanges, openStore, type Store } from '../src/store/index.ts';
import { launchChromium } from './helpers/chromium.ts';

const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));
const PASSWORD = 'correct horse battery staple';
const PARAGRAPH = 'The harbour council met on Tuesday evening to hear residents speak about the new ferry timetable and the fares it brings. ';

describe('the newsroom in Chromium', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
    mkdirSync(RESULTS_DIR, { recursive: true });
  });
  after(() => browser.close());

  for (const javaScriptEnabled of [false, true]) {
    test(`set-up → invite → draft → review → schedule → published → unpublished (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-newsroom-'));
      const config = loadConfig({ DATA_DIR: dataDir, SECRET: 'browser test secret', LOG_LEVEL: 'silent' });
      const store = await openStore({ databaseUrl: null, sqliteFile: sqliteFileOf(config) });
      await store.sections.ensure('World');
      const changes = localContentChanges();
      const app = await buildServer({ config, store, logger: false, changes });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
      const context = () => browser.newContext({ javaScriptEnabled });
      try {
        const people = openPeopleContext(config, store, changes, { info: () => {} });
        const setup = new URL((await firstAdminSetup(people))!.link).pathname;
        await people.close();

        // The first admin: set up, then invite a writer from the people page.
        const admin = await (await context()).newPage();
        await admin.goto(`${origin}${setup}`);
        await admin.getByLabel('Your name').fill('Ada Admin');
        await admin.getByLabel('Email').fill('ada@example.org');
        await admin.getByLabel('Password', { exact: false }).first().fill(PASSWORD);
        await admin.getByLabel('The same password again').fill(PASSWORD);
        await admin.getByRole('button', { name: 'Create my account' }).click();
        await admin.getByRole('heading', { name: 'Desk' }).waitFor();
        await admin.goto(`${origin}/newsroom/people`);
        await admin.locator('form[action="/newsroom/people/invite"] input[name=email]').fill('wes@example.org');
        await admin.locator('form[action="/newsroom/people/invite"] input[name=name]').fill('Wes Writer');
        await admin.locator('form[action="/newsroom/people/invite"] select[name=role]').selectOption('writer');
        await admin.locator('form[action="/newsroom/people/invite"] button[type=submit]').click();
        const invitation = /\/newsroom\/setup\/[A-Za-z0-9_%-]+/.exec(await admin.content())?.[0];
        assert.ok(invitation, 'the invitation link is shown to the admin');

        // The writer: set a password, draft, submit.
        const writer = await (await context()).newPage();
        await writer.goto(`${origin}${invitation}`);
        await writer.getByLabel('Password', { exact: false }).first().fill(PASSWORD);
        await writer.getByLabel('The same password again').fill(PASSWORD);
        await writer.getByRole('button', { name: 'Create my account' }).click();
        await writer.getByRole('heading', { name: 'Desk' }).waitFor();
        await writer.screenshot({ path: `${RESULTS_DIR}newsroom-desk.png`, fullPage: true });
        await writer.goto(`${origin}/newsroom/articles/new`);
        const headline = `Ferry fares rise from May ${javaScriptEnabled ? 'B' : 'A'}`;
        await writer.locator('input[name=headline]').fill(headline);
        await writer.locator('select[name=section]').selectOption('world');
        await writer.locator('textarea[name=body]').fill(`## What changed\n\n${PARAGRAPH.repeat(4)}\n\n${PARAGRAPH.repeat(3)}`);
        await writer.getByRole('button', { name: 'Create draft' }).click();
        await writer.getByRole('button', { name: 'Submit for review' }).waitFor();
        await writer.screenshot({ path: `${RESULTS_DIR}newsroom-editor.png`, fullPage: true });
        const editorUrl = new URL(writer.url()).pathname;
        const preview = await writer.context().newPage();
        await preview.goto(`${origin}${editorUrl}/preview`);
        assert.match(await preview.content(), /Preview/);
        await preview.screenshot({ path: `${RESULTS_DIR}newsroom-preview.png`, fullPage: true });
        await writer.getByRole('button', { name: 'Submit for review' }).click();
        assert.equal(await writer.getByRole('button', { name: 'Publish now' }).count(), 0, 'a writer is offered no publish');

        // An editor schedules it a minute ahead; the scheduler publishes it when due.
        const editorUser = await store.users.insert({ email: 'eve@example.org', name: 'Eve Editor', role: 'editor', createdAt: new Date().toISOString() });
        await store.users.setPassword(editorUser.id, await hashPassword(PASSWORD), new Date().toISOString());
        const editor = await (await context()).newPage();
        await editor.goto(`${origin}/newsroom/sign-in`);
        await editor.getByLabel('Email').fill('eve@example.org');
        await editor.getByLabel('Password').fill(PASSWORD);
        await editor.getByRole('button', { name: 'Sign in' }).click();
        await editor.getByRole('link', { name: headline }).first().click();
        const due = new Date(Date.now() + 60_000);
        await editor.locator('input[name=at]').fill(due.toISOString().slice(0, 16));
        await editor.getByRole('button', { name: 'Schedule' }).click();
        const article = (await store.articles.listForDesk({ text: headline, limit: 1, offset: 0 }))[0]!;
        assert.equal(article.workflowState, 'scheduled');
        const atDueTime = { store, changes, publishRules: config.publishRules, now: () => new Date(due.getTime() + 60_000) };
        const job = { id: 'due', type: 'publish-scheduled', key: `article:${article.id}`, payload: { articleId: article.id }, attempt: 1 };
        await scheduledPublishingHandlers(atDueTime)['publish-scheduled']!(job, new AbortController().signal);
        const path = `/${article.section}/${article.slug}`;
        for (const where of ['/', '/world', '/rss.xml', '/sitemaps/articles-1.xml', path]) {
          const body = await (await fetch(`${origin}${where}`)).text();
          assert.ok(body.includes(headline) || body.includes(path), `${where} lists the published story`);
        }

        // The editor takes it down.
        await editor.reload();
        await editor.getByRole('button', { name: /Unpublish/ }).click();
        assert.equal((await fetch(`${origin}${path}`)).status, 410);
        for (const where of ['/rss.xml', `/search?q=${encodeURIComponent('ferry fares')}`]) {
          assert.ok(!(await (await fetch(`${origin}${where}`)).text()).includes(headline), `${where} no longer lists it`);
        }

        if (javaScriptEnabled) await checkAxe(admin, origin, [editorUrl, `${editorUrl}/revisions`, '/newsroom', '/newsroom/articles', '/newsroom/people', '/newsroom/audit', '/newsroom/articles/new']);
      } finally {
        await app.close();
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  }
});

/** axe finds nothing on each page, and the sign-in page before anyone is signed in. */
async function checkAxe(page: Page, origin: string, paths: string[]): Promise<void> {
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(`${origin}${path}`);
    const results = await new AxeBuilder({ page }).analyze();
    found.push(...results.violations.map((v) => `${path}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`));
  }
  const anonymous = await (await page.context().browser()!.newContext()).newPage();
  for (const path of ['/newsroom/sign-in', '/newsroom/forgot']) {
    await anonymous.goto(`${origin}${path}`);
    const results = await new AxeBuilder({ page: anonymous }).analyze();
    found.push(...results.violations.map((v) => `${path}: ${v.id}: ${v.help}`));
  }
  assert.deepEqual(found, []);
}

