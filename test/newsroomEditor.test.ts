/**
 * The newsroom's articles on the web: the list and its filters, the editor (Markdown body), preview of unsaved
 * text, saving and its conflicts, the workflow moves as the policy allows them, and hostile text kept as text.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.ts';
import type { Role } from '../src/domain/index.ts';
import { hashPassword } from '../src/newsroom/auth/index.ts';
import { createArticle } from '../src/newsroom/index.ts';
import { buildServer } from '../src/server.ts';
import { localContentChanges, openStore, type Store } from '../src/store/index.ts';
import { NewsroomBrowser } from './helpers/newsroom.ts';

const PASSWORD = 'correct horse battery staple';
/** Enough words for the publish checks (80), in two paragraphs. */
const PARAGRAPH = 'The harbour council met on Tuesday evening to hear residents speak about the new ferry timetable and the fares it brings. ';
const LONG_BODY = `## What changed\n\n${PARAGRAPH.repeat(4)}\n\n${PARAGRAPH.repeat(3)}`;

describe('newsroom articles and editor', () => {
  let store: Store;
  let app: FastifyInstance;
  let section = '';
  const config = loadConfig({ DATA_DIR: '/nonexistent', SECRET: 'test secret', LOG_LEVEL: 'silent' });
  const people = new Map<string, { id: number; browser: NewsroomBrowser }>();

  async function person(name: string, role: Role, address: string): Promise<NewsroomBrowser> {
    const user = await store.users.insert({ email: `${name}@example.org`, name, role, createdAt: new Date().toISOString() });
    await store.users.setPassword(user.id, await hashPassword(PASSWORD), new Date().toISOString());
    const browser = new NewsroomBrowser(app, address);
    await browser.get('/newsroom/sign-in');
    const signedIn = await browser.post('/newsroom/sign-in', { email: `${name}@example.org`, password: PASSWORD });
    assert.equal(signedIn.statusCode, 303, `${name} signs in`);
    people.set(name, { id: user.id, browser });
    return browser;
  }
  const as = (name: string) => people.get(name)!.browser;

  /** The fields of an editor form, as a browser would send them back untouched, with `changes` on top. */
  function formOf(page: string, changes: Record<string, string>): Record<string, string> {
    const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? '';
    return { baseRevisionId: hidden('baseRevisionId'), summaryPrefill: decode(hidden('summaryPrefill')), section, ...changes };
  }

  async function createDraft(browser: NewsroomBrowser, headline: string, body = ''): Promise<number> {
    await browser.get('/newsroom/articles/new');
    const created = await browser.post('/newsroom/articles', { headline, section, body });
    assert.equal(created.statusCode, 303, created.body);
    const id = Number(/^\/newsroom\/articles\/(\d+)\?done=created$/.exec(String(created.headers.location))?.[1]);
    assert.ok(id > 0);
    return id;
  }

  before(async () => {
    store = await openStore({ databaseUrl: null, sqliteFile: ':memory:' });
    app = await buildServer({ config, store, logger: false, changes: localContentChanges() });
    section = (await store.sections.list())[0]!.slug;
    await person('wanda', 'writer', '192.0.2.10');
    await person('eddie', 'editor', '192.0.2.11');
    await person('edna', 'editor', '192.0.2.12');
    await person('connie', 'contributor', '192.0.2.13');
    await person('carl', 'contributor', '192.0.2.14');
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  test('a writer drafts, previews unsaved Markdown, saves and submits; only an editor may publish', async () => {
    const wanda = as('wanda');
    assert.match((await wanda.get('/newsroom')).body, /href="\/newsroom\/articles"/, 'the desk links the list');
    const id = await createDraft(wanda, 'Ferry fares rise');
    const editor = await wanda.get(`/newsroom/articles/${id}?done=created`);
    assert.equal(editor.statusCode, 200);
    assert.equal(editor.headers['cache-control'], 'no-store');
    assert.match(editor.body, /Draft created\./);
    assert.match(editor.body, /Not ready to publish/, 'the publish checks still failing are shown');

    const typed = formOf(editor.body, { headline: 'Ferry fares rise', body: LONG_BODY });
    const preview = await wanda.post(`/newsroom/articles/${id}/preview`, typed);
    assert.equal(preview.statusCode, 200);
    assert.equal(preview.headers['cache-control'], 'no-store');
    assert.match(preview.body, /role="status"[^>]*>\s*<strong>Preview — not published\.<\/strong>/);
    assert.match(preview.body, /<h2[^>]*>What changed<\/h2>/, 'the typed body, as the reader page shows it');
    assert.match(preview.body, /harbour council met/);
    assert.doesNotMatch((await store.articles.findById(id))!.body.map((s) => s.title).join(), /What changed/, 'a preview saves nothing');

    await wanda.get(`/newsroom/articles/${id}`);
    const saved = await wanda.post(`/newsroom/articles/${id}`, { ...typed, body: `${LONG_BODY}\n\nWith *emphasis* here.` });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/newsroom/articles/${id}?done=saved`);
    const after = await wanda.get(`/newsroom/articles/${id}?done=saved`);
    assert.match(after.body, /Saved\./);
    assert.match(after.body, /Emphasis \(\*italic\*, \*\*bold\*\*\) is not kept/, 'the Markdown notes follow the save');
    assert.match(after.body, /## What changed/, 'the body comes back as Markdown');
    assert.doesNotMatch(after.body, /Not ready to publish/);

    assert.match(after.body, new RegExp(`action="/newsroom/articles/${id}/submit"`));
    assert.doesNotMatch(after.body, new RegExp(`action="/newsroom/articles/${id}/publish"`), 'no publish button for a writer');
    assert.equal((await wanda.post(`/newsroom/articles/${id}/submit`, { note: 'Ready' })).statusCode, 303);
    assert.equal((await store.articles.findById(id))!.workflowState, 'in_review');
    const forged = await wanda.post(`/newsroom/articles/${id}/publish`, {});
    assert.equal(forged.statusCode, 403, 'a forged publish is refused');
    assert.equal((await store.articles.findById(id))!.workflowState, 'in_review');

    const eddie = as('eddie');
    const desk = await eddie.get(`/newsroom/articles/${id}`);
    assert.match(desk.body, new RegExp(`action="/newsroom/articles/${id}/publish"`));
    const published = await eddie.post(`/newsroom/articles/${id}/publish`, {});
    assert.equal(published.statusCode, 303);
    const article = (await store.articles.findById(id))!;
    assert.equal(article.workflowState, 'published');
    const reader = await app.inject({ url: `/${article.section}/${article.slug}` });
    assert.equal(reader.statusCode, 200);
    assert.match(reader.body, /harbour council met/);
  });

  test('the automatic summary fills the form; sent back unchanged it stays automatic, edited it becomes the article\'s own', async () => {
    const eddie = as('eddie');
    const id = await createDraft(eddie, 'Tram line extended', LONG_BODY);
    const page = await eddie.get(`/newsroom/articles/${id}`);
    const prefill = decode(/name="summaryPrefill" value="([^"]*)"/.exec(page.body)?.[1] ?? '');
    assert.ok(prefill.length > 0, 'an automatic summary is offered');
    const unchanged = await eddie.post(`/newsroom/articles/${id}`, formOf(page.body, { headline: 'Tram line extended', body: LONG_BODY, summary: prefill }));
    assert.equal(unchanged.statusCode, 303);
    assert.equal((await store.articles.findById(id))!.summary, null);
    const again = await eddie.get(`/newsroom/articles/${id}`);
    await eddie.post(`/newsroom/articles/${id}`, formOf(again.body, { headline: 'Tram line extended', body: LONG_BODY, summary: 'Our own summary.' }));
    assert.equal((await store.articles.findById(id))!.summary, 'Our own summary.');
    await eddie.get(`/newsroom/articles/${id}`);
    const noTime = await eddie.post(`/newsroom/articles/${id}/schedule`, { at: '' });
    assert.equal(noTime.statusCode, 400, 'a schedule without a time goes back to the editor');
    assert.match(noTime.body, /Say when to publish it/);
  });

  test('two editors save from the same base: the second gets both versions (409) and loses nothing', async () => {
    const id = await createDraft(as('eddie'), 'Bridge closes for repairs', 'The bridge closes on Monday.');
    const first = await as('eddie').get(`/newsroom/articles/${id}`);
    const second = await as('edna').get(`/newsroom/articles/${id}`);
    const won = await as('eddie').post(`/newsroom/articles/${id}`, formOf(first.body, { headline: 'Bridge closes for repairs', body: 'The bridge closes on Monday for a week.' }));
    assert.equal(won.statusCode, 303);
    const lost = await as('edna').post(`/newsroom/articles/${id}`, formOf(second.body, { headline: 'Old bridge shut', body: 'The old bridge shuts on Monday; buses replace it.' }));
    assert.equal(lost.statusCode, 409);
    assert.match(lost.body, /for a week/, 'theirs');
    assert.match(lost.body, /buses replace it/, 'yours');
    assert.match(lost.body, /<del>|<ins>/, 'a word-level diff');
    const copy = Number(/kept as revision (\d+)/.exec(lost.body)?.[1]);
    const kept = await store.articles.revision(id, copy);
    assert.equal(kept?.kind, 'conflict_copy');
    assert.equal(kept?.content.headline, 'Old bridge shut');
    assert.equal((await store.articles.findById(id))!.headline, 'Bridge closes for repairs', 'nothing was overwritten');
    // Continuing from the conflict page saves on top of the current revision.
    const again = await as('edna').post(`/newsroom/articles/${id}`, formOf(lost.body, { headline: 'Old bridge shut', body: 'Merged text.' }));
    assert.equal(again.statusCode, 303);
    assert.equal((await store.articles.findById(id))!.headline, 'Old bridge shut');
  });

  test('raw HTML in the body is refused with everything typed kept', async () => {
    const wanda = as('wanda');
    const id = await createDraft(wanda, 'Library hours');
    const page = await wanda.get(`/newsroom/articles/${id}`);
    const refused = await wanda.post(`/newsroom/articles/${id}`, formOf(page.body, { headline: 'Library hours change', dek: 'Typed dek', body: 'First words.\n\n<div>boxed</div>' }));
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /HTML is not allowed in the body/);
    assert.match(refused.body, /value="Library hours change"/);
    assert.match(refused.body, /Typed dek/);
    assert.match(refused.body, /First words\.\n\n&lt;div>boxed&lt;\/div>|First words\.\n\n&lt;div&gt;boxed&lt;\/div&gt;/);
    assert.equal((await store.articles.findById(id))!.headline, 'Library hours');
  });

  test("a contributor cannot open another's draft, nor see it listed", async () => {
    const id = await createDraft(as('connie'), 'Connie’s private draft');
    assert.equal((await as('connie').get(`/newsroom/articles/${id}`)).statusCode, 200);
    const carl = await as('carl').get(`/newsroom/articles/${id}`);
    assert.ok([403, 404].includes(carl.statusCode));
    assert.doesNotMatch(carl.body, /private draft/);
    assert.doesNotMatch((await as('carl').get('/newsroom/articles')).body, /private draft/);
    assert.equal((await as('carl').post(`/newsroom/articles/${id}/preview`, { headline: 'x', section })).statusCode, 403);
  });

  test('the list filters by state, author and words, 25 a page; past the end is 404', async () => {
    const acting = { actor: { kind: 'person' as const, user: (await store.users.findById(people.get('edna')!.id))! }, address: null };
    const context = { store, changes: localContentChanges(), publishRules: config.publishRules };
    for (let n = 1; n <= 26; n++) await createArticle(context, acting, { headline: `Zebra crossing ${n}`, dek: null, section, byline: null, summary: null, lede: null, body: [], hero: null, source: null });
    const edna = as('edna');
    const first = await edna.get('/newsroom/articles?q=zebra');
    assert.equal(first.statusCode, 200);
    assert.equal(first.body.match(/Zebra crossing \d+/g)?.length, 25);
    assert.match(first.body, /href="\/newsroom\/articles\?q=zebra&amp;page=2"/);
    const second = await edna.get('/newsroom/articles?q=zebra&page=2');
    assert.equal(second.body.match(/Zebra crossing \d+/g)?.length, 1);
    assert.equal((await edna.get('/newsroom/articles?q=zebra&page=3')).statusCode, 404);
    const published = await edna.get('/newsroom/articles?state=published');
    assert.match(published.body, /Ferry fares rise/);
    assert.doesNotMatch(published.body, /Zebra crossing/);
    const mine = await as('eddie').get('/newsroom/articles?author=mine');
    assert.match(mine.body, /Bridge closes|Old bridge shut/);
    assert.doesNotMatch(mine.body, /Zebra crossing/);
    const writer = await as('wanda').get('/newsroom/articles?author=' + people.get('edna')!.id);
    assert.doesNotMatch(writer.body, /Zebra crossing/, 'a writer sees their own only, whatever the form says');
  });

  test('a script in the headline and body stays text on the editor, list, preview and reader page', async () => {
    const hostile = '<script>alert(1)</script>';
    // Markdown takes "<" as text only escaped (raw HTML is refused); the body's text is then the tag, as words.
    const escaped = String.raw`\<script>alert(1)\</script>`;
    const id = await createDraft(as('eddie'), hostile, `${escaped}\n\n${PARAGRAPH.repeat(7)}`);
    const editor = await as('eddie').get(`/newsroom/articles/${id}`);
    const list = await as('eddie').get('/newsroom/articles');
    const preview = await as('eddie').get(`/newsroom/articles/${id}/preview`);
    // The stored preview is the reader's page, whose forms carry the reader site's tokens: back to the editor first.
    await as('eddie').get(`/newsroom/articles/${id}`);
    const typedPreview = await as('eddie').post(`/newsroom/articles/${id}/preview`, formOf(editor.body, { headline: hostile, body: `${escaped}\n\n${PARAGRAPH.repeat(7)}` }));
    await as('eddie').get(`/newsroom/articles/${id}`);
    assert.equal((await as('eddie').post(`/newsroom/articles/${id}/publish`, {})).statusCode, 303);
    const article = (await store.articles.findById(id))!;
    const reader = await app.inject({ url: `/${article.section}/${article.slug}` });
    for (const [name, page] of Object.entries({ editor, list, preview, typedPreview, reader })) {
      assert.equal(page.statusCode, 200, name);
      assert.doesNotMatch(page.body, /<script>alert\(1\)/, `${name}: no live script`);
      assert.match(page.body, /&lt;script>alert\(1\)|&lt;script&gt;alert\(1\)/, `${name}: shown as text`);
    }
  });
});

function decode(html: string): string {
  return html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
