/**
 * The newsroom's history and administration over HTTP: an article's revisions compared word by word and restored,
 * the audit log for admins, and the people page (invitations, roles, disabling, reset links). What anyone typed
 * comes out escaped.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.ts';
import { paragraphSection, type Role, type User } from '../src/domain/index.ts';
import { hashPassword } from '../src/newsroom/auth/passwords.ts';
import { createArticle, publishArticle, saveArticle, type Acting, type ArticleContent, type CommandContext } from '../src/newsroom/index.ts';
import { buildServer } from '../src/server.ts';
import { localContentChanges, openStore, type Store } from '../src/store/index.ts';
import { NewsroomBrowser } from './helpers/newsroom.ts';

const PASSWORD = 'correct horse battery staple';
const XSS = '<script>alert(1)</script>';
const words = (n: number, word = 'word') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

function content(headline: string, body: string): ArticleContent {
  return { headline, dek: null, section: 'world', byline: 'By Ada', summary: null, lede: null, body: [paragraphSection(null, [body])], hero: null, source: null };
}

describe('newsroom history and people', () => {
  let store: Store;
  let app: FastifyInstance;
  let context: CommandContext;
  const config = loadConfig({ DATA_DIR: '/nonexistent', SECRET: 'test secret', SITE_URL: 'http://localhost:3000' });
  const people = new Map<Role, User>();
  let address = 10;

  before(async () => {
    store = await openStore({ databaseUrl: null, sqliteFile: ':memory:' });
    await store.sections.ensure('World');
    const changes = localContentChanges();
    context = { store, changes, publishRules: config.publishRules };
    app = await buildServer({ config, store, logger: false, changes });
    for (const role of ['admin', 'editor', 'writer'] as const) {
      const user = await store.users.insert({ email: `${role}@example.org`, name: `The ${role}`, role, createdAt: new Date().toISOString() });
      await store.users.setPassword(user.id, await hashPassword(PASSWORD), new Date().toISOString());
      people.set(role, (await store.users.findById(user.id))!);
    }
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  const acting = (role: Role): Acting => ({ actor: { kind: 'person', user: people.get(role)! }, address: '127.0.0.1' });

  /** A browser signed in (through the form) as `email`, from an address of its own. */
  async function signedIn(email: string, password = PASSWORD): Promise<NewsroomBrowser> {
    address += 1;
    const browser = new NewsroomBrowser(app, `192.0.2.${address}`);
    await browser.get('/newsroom/sign-in');
    const response = await browser.post('/newsroom/sign-in', { email, password });
    assert.equal(response.statusCode, 303, `${email} signs in`);
    return browser;
  }

  describe('revisions', () => {
    test('the list names every revision; the default comparison shows the words the last save changed', async () => {
      const article = await createArticle(context, acting('writer'), content('Council votes on the budget', `${words(100)} harbour`));
      const saved = await saveArticle(context, acting('writer'), { articleId: article.id, baseRevisionId: article.revisionId, content: content('Council approves the budget', `${words(100)} airport`) });
      const browser = await signedIn('writer@example.org');
      const page = await browser.get(`/newsroom/articles/${article.id}/revisions`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`${saved.revisionId}<strong> \\(current\\)`));
      assert.equal((page.body.match(/<td>saved<\/td>/g) ?? []).length, 2);
      assert.match(page.body, /<del><span class="visually-hidden">removed: <\/span>votes on<\/del>/);
      assert.match(page.body, /<ins><span class="visually-hidden">added: <\/span>approves<\/ins>/);
      assert.match(page.body, /<ins><span class="visually-hidden">added: <\/span>airport\s*<\/ins>/, 'the body is compared too');
      assert.match(page.body, /Unchanged:[^<]*Byline/);

      const same = await browser.get(`/newsroom/articles/${article.id}/revisions?from=${saved.revisionId}&to=${saved.revisionId}`);
      assert.match(same.body, /the same content/);
      const reversed = await browser.get(`/newsroom/articles/${article.id}/revisions?from=${saved.revisionId}&to=${article.revisionId}`);
      assert.match(reversed.body, /<ins><span class="visually-hidden">added: <\/span>harbour\s*<\/ins>/);
    });

    test('restoring makes a new revision with the old text, which readers see once it is published', async () => {
      const article = await createArticle(context, acting('editor'), content('Bridge reopens after repairs', `${words(100)} Tuesday`));
      const saved = await saveArticle(context, acting('editor'), { articleId: article.id, baseRevisionId: article.revisionId, content: content('Bridge stays closed', `${words(100)} Friday`) });
      const browser = await signedIn('editor@example.org');
      await browser.get(`/newsroom/articles/${article.id}/revisions`);
      const restored = await browser.post(`/newsroom/articles/${article.id}/revisions/${article.revisionId}/restore`, { baseRevisionId: String(saved.revisionId) });
      assert.equal(restored.statusCode, 303);
      assert.equal(restored.headers.location, `/newsroom/articles/${article.id}/revisions?restored=${article.revisionId}`);
      const now = (await store.articles.findById(article.id))!;
      assert.equal(now.headline, 'Bridge reopens after repairs');
      assert.ok(now.revisionId! > saved.revisionId!, 'a new revision, not a rewritten one');
      const page = await browser.get(restored.headers.location!);
      assert.match(page.body, new RegExp(`Revision ${article.revisionId} was restored`));
      assert.match(page.body, /<td>restored<\/td>/);

      await publishArticle(context, acting('editor'), article.id);
      const reader = await app.inject({ url: `/${now.section}/${now.slug}` });
      assert.equal(reader.statusCode, 200);
      assert.match(reader.body, /Bridge reopens after repairs/);
      assert.match(reader.body, /Tuesday/);
      assert.doesNotMatch(reader.body, /Friday/);
    });

    test('a restore over a save made meanwhile is a conflict (409), and nothing is overwritten', async () => {
      const article = await createArticle(context, acting('editor'), content('Library hours extended', words(100)));
      const browser = await signedIn('editor@example.org');
      await browser.get(`/newsroom/articles/${article.id}/revisions`);
      const saved = await saveArticle(context, acting('editor'), { articleId: article.id, baseRevisionId: article.revisionId, content: content('Library hours cut', words(100)) });
      const late = await browser.post(`/newsroom/articles/${article.id}/revisions/${article.revisionId}/restore`, { baseRevisionId: String(article.revisionId) });
      assert.equal(late.statusCode, 409);
      assert.match(late.body, /Someone saved this article/);
      assert.equal((await store.articles.findById(article.id))!.revisionId, saved.revisionId);
    });

    test("a writer may not open or restore others' articles (403)", async () => {
      const article = await createArticle(context, acting('editor'), content('Ferry timetable changes', words(100)));
      const writer = await signedIn('writer@example.org');
      assert.equal((await writer.get(`/newsroom/articles/${article.id}/revisions`)).statusCode, 403);
      await writer.get('/newsroom');
      const refused = await writer.post(`/newsroom/articles/${article.id}/revisions/${article.revisionId}/restore`, { baseRevisionId: String(article.revisionId) });
      assert.equal(refused.statusCode, 403);
      assert.equal((await store.articles.revisions(article.id)).length, 1, 'no revision was made');
    });

    test('signed out, the revisions page sends to sign in', async () => {
      const response = await new NewsroomBrowser(app).get('/newsroom/articles/1/revisions');
      assert.equal(response.statusCode, 303);
      assert.match(String(response.headers.location), /^\/newsroom\/sign-in\?next=/);
    });
  });

  describe('audit log', () => {
    test('an editor is refused (403); an admin reads it, newest first, and the filters narrow it', async () => {
      const editor = await signedIn('editor@example.org');
      assert.equal((await editor.get('/newsroom/audit')).statusCode, 403);
      assert.doesNotMatch(editor.lastPage, /href="\/newsroom\/audit"/, 'no link to it either');
      const article = await createArticle(context, acting('editor'), content('Harbour dredging starts', words(100)));

      const admin = await signedIn('admin@example.org');
      const all = await admin.get('/newsroom/audit');
      assert.equal(all.statusCode, 200);
      assert.match(all.body, /href="\/newsroom\/audit">Audit log</);
      assert.match(all.body, /<option value="article.created">/);
      const created = await admin.get(`/newsroom/audit?action=article.created&targetType=article&target=${article.id}`);
      assert.match(created.body, /1 entry;/);
      assert.match(created.body, /Harbour dredging starts/);
      const byEditor = await admin.get(`/newsroom/audit?actor=${people.get('editor')!.id}&action=session.signed_in`);
      assert.doesNotMatch(byEditor.body, /<td>The admin &lt;admin@example.org><\/td>/);
      assert.match(byEditor.body, /<td>The editor &lt;editor@example.org><\/td>/);
      const future = await admin.get('/newsroom/audit?since=2999-01-01');
      assert.match(future.body, /No entries match/);
      const today = new Date().toISOString().slice(0, 10);
      const untilToday = await admin.get(`/newsroom/audit?until=${today}&action=article.created`);
      assert.doesNotMatch(untilToday.body, /No entries match/, 'until takes in the whole day');
      assert.equal((await admin.get('/newsroom/audit?since=yesterday')).statusCode, 400);
    });

    test('pages hold 50 entries; the next page continues with older ones', async () => {
      const admin = await signedIn('admin@example.org');
      for (let n = 0; n < 55; n += 1) {
        await store.audit.record({ at: new Date(Date.UTC(2020, 0, 1, 0, n)).toISOString(), actorId: null, actorLabel: 'system: cli', action: 'test.paged', targetType: null, targetId: null, details: { n }, address: null });
      }
      const first = await admin.get('/newsroom/audit?action=test.paged');
      assert.match(first.body, /55 entries; page 1 of 2/);
      assert.match(first.body, /n: 54/);
      assert.equal((first.body.match(/<li>n: /g) ?? []).length, 50);
      const second = await admin.get('/newsroom/audit?action=test.paged&page=2');
      assert.equal((second.body.match(/<li>n: /g) ?? []).length, 5);
      assert.match(second.body, /<li>n: 0<\/li>/);
      assert.match(second.body, /href="\/newsroom\/audit\?action=test.paged">Newer entries/);
    });

    test('details typed by visitors come out escaped', async () => {
      await store.audit.record({ at: new Date().toISOString(), actorId: null, actorLabel: XSS, action: 'test.hostile', targetType: 'user', targetId: XSS, details: { email: XSS, nested: { html: XSS } }, address: null });
      const admin = await signedIn('admin@example.org');
      const page = await admin.get('/newsroom/audit?action=test.hostile');
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /<script>alert/);
      assert.match(page.body, /&lt;script>alert\(1\)&lt;\/script>/);
    });
  });

  describe('people', () => {
    test('an invitation shows its link once, and the link opens the set-up form', async () => {
      const admin = await signedIn('admin@example.org');
      const page = await admin.get('/newsroom/people');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /The writer/);
      const invited = await admin.post('/newsroom/people/invite', { email: 'Grace@Example.org', name: 'Grace Hopper', role: 'editor' });
      assert.equal(invited.statusCode, 200);
      assert.match(invited.body, /could not be mailed/, 'no mail server in tests');
      const link = /class="one-time-link"><a href="([^"]+)"/.exec(invited.body)?.[1];
      assert.ok(link, 'the link is on the page');
      assert.match(invited.body, /invited; the link works until/);
      const again = await admin.get('/newsroom/people');
      assert.ok(!again.body.includes(link!), 'shown once');
      const newcomer = new NewsroomBrowser(app, '192.0.2.200');
      const setup = await newcomer.get(new URL(link!).pathname);
      assert.equal(setup.statusCode, 200);
      assert.match(setup.body, /name="password"/);
      assert.match(setup.body, /Grace Hopper/);

      const taken = await admin.post('/newsroom/people/invite', { email: 'grace@example.org', name: 'Another Grace', role: 'writer' });
      assert.equal(taken.statusCode, 400);
      assert.match(taken.body, /already has the address/);
      assert.match(taken.body, /value="Another Grace"/, 'what was typed stays');
      const badRole = await admin.post('/newsroom/people/invite', { email: 'lin@example.org', name: 'Lin', role: 'overlord' });
      assert.equal(badRole.statusCode, 400);
      assert.match(badRole.body, /is not a role/);
      assert.match(badRole.body, /value="lin@example.org"/);
    });

    test("a role change ends that person's session; the last admin cannot be demoted", async () => {
      const user = await store.users.insert({ email: 'rolechange@example.org', name: 'Role Change', role: 'writer', createdAt: new Date().toISOString() });
      await store.users.setPassword(user.id, await hashPassword(PASSWORD), new Date().toISOString());
      const them = await signedIn('rolechange@example.org');
      assert.equal((await them.get('/newsroom')).statusCode, 200);
      const admin = await signedIn('admin@example.org');
      await admin.get('/newsroom/people');
      const changed = await admin.post(`/newsroom/people/${user.id}/role`, { role: 'editor' });
      assert.equal(changed.statusCode, 303);
      assert.match((await admin.get(changed.headers.location!)).body, /The role is changed/);
      const next = await them.get('/newsroom');
      assert.equal(next.statusCode, 303);
      assert.match(String(next.headers.location), /^\/newsroom\/sign-in/);
      assert.equal((await store.users.findById(user.id))!.role, 'editor');

      const demoted = await admin.post(`/newsroom/people/${people.get('admin')!.id}/role`, { role: 'writer' });
      assert.equal(demoted.statusCode, 400);
      assert.match(demoted.body, /only active admin/);
      assert.equal((await store.users.findById(people.get('admin')!.id))!.role, 'admin');
    });

    test('disable and enable; a reset link is shown once; an editor may not manage people', async () => {
      const user = await store.users.insert({ email: 'away@example.org', name: 'Away', role: 'writer', createdAt: new Date().toISOString() });
      await store.users.setPassword(user.id, await hashPassword(PASSWORD), new Date().toISOString());
      const admin = await signedIn('admin@example.org');
      await admin.get('/newsroom/people');
      assert.equal((await admin.post(`/newsroom/people/${user.id}/disabled`, { disabled: '1' })).statusCode, 303);
      assert.equal((await store.users.findById(user.id))!.disabled, true);
      await admin.get('/newsroom/people');
      assert.equal((await admin.post(`/newsroom/people/${user.id}/disabled`, { disabled: '0' })).statusCode, 303);
      assert.equal((await store.users.findById(user.id))!.disabled, false);
      await admin.get('/newsroom/people');
      const reset = await admin.post(`/newsroom/people/${user.id}/reset-link`, {});
      assert.equal(reset.statusCode, 200);
      const link = /class="one-time-link"><a href="([^"]+)"/.exec(reset.body)?.[1];
      assert.match(String(link), /\/newsroom\/reset\//);
      assert.match(reset.body, /Pending password resets<\/h2><ul><li>Away/);
      assert.equal((await new NewsroomBrowser(app, '192.0.2.201').get(new URL(link!).pathname)).statusCode, 200);

      const editor = await signedIn('editor@example.org');
      assert.equal((await editor.get('/newsroom/people')).statusCode, 403);
      await editor.get('/newsroom');
      assert.equal((await editor.post(`/newsroom/people/${user.id}/role`, { role: 'admin' })).statusCode, 403);
      assert.equal((await store.users.findById(user.id))!.role, 'writer');
    });

    test('a hostile name comes out escaped', async () => {
      const admin = await signedIn('admin@example.org');
      await admin.get('/newsroom/people');
      const invited = await admin.post('/newsroom/people/invite', { email: 'hostile@example.org', name: XSS, role: 'writer' });
      assert.equal(invited.statusCode, 200);
      const page = await admin.get('/newsroom/people');
      assert.doesNotMatch(page.body, /<script>alert/);
      assert.match(page.body, /&lt;script>alert\(1\)&lt;\/script>/);
      const audit = await admin.get('/newsroom/audit?action=user.added');
      assert.doesNotMatch(audit.body, /<script>alert/);
    });
  });
});
